import { isCalendarDate, Quarter, QUARTERS } from '@bcl/kernel';
import { FieldType } from './return-template';
import { FieldIndex, fieldIn, NUMERIC_TYPES, quartersOf } from './template-fields';
import { isObject, TemplateProblems } from './template-problems';

const SEVERITIES = ['blocking', 'warning', 'information'];
const COMMON_KEYS = ['rule', 'kind', 'severity', 'source'];
const TEXT: readonly FieldType[] = ['text'];
const CHOICE: readonly FieldType[] = ['choice'];

/** The keys each kind of template rule takes, besides `rule`, `kind`, `severity`, `source` and `quarters`. */
const RULE_KINDS: Record<string, readonly string[]> = {
  required: ['fields'],
  'number-bounds': ['min', 'max'],
  'allowed-answers': [],
  'required-when': ['when', 'require'],
  'sum-equals': ['parts', 'total', 'commentary'],
  'commentary-when-differs': ['field', 'against', 'commentary'],
  paired: ['pairs'],
  deadline: [],
};

/** The keys each kind of consistency check takes, besides `rule`, `kind`, `severity` and `source`. */
const CONSISTENCY_KINDS: Record<string, readonly string[]> = {
  'stock-roll-forward': ['closing', 'added', 'stopped'],
  'share-of-count': ['share', 'base'],
  'rate-agrees': ['rate', 'numerator', 'denominator', 'per'],
  'status-against-target': ['status', 'value', 'target', 'onTrack', 'higherIsBetter'],
  contradiction: ['if', 'then'],
  'go-live-passed': ['fields'],
  'changed-without-commentary': ['fields', 'commentary'],
  restated: [],
};

/** Reads the fields a rule or check names, checking each against the template's fields in the given quarters. */
class FieldReferences {
  constructor(
    private readonly problems: TemplateProblems,
    private readonly index: FieldIndex,
    private readonly lists: Record<string, string[]>,
    private readonly quarters: readonly Quarter[],
  ) {}

  /** `value` must be a field id present in every one of the quarters, of one of `types` where given. */
  field(key: string, value: unknown, types?: readonly FieldType[]): string | undefined {
    if (!this.problems.text(key, value)) return undefined;
    if (!this.index.has(value)) {
      this.problems.add(key, `names field ${value}, which the template does not have`);
      return undefined;
    }
    const missing = this.quarters.filter((quarter) => !fieldIn(this.index, value, quarter));
    if (missing.length > 0)
      this.problems.add(key, `names field ${value}, which the Q${missing.join(', Q')} return lacks`);
    const wrong = this.quarters
      .map((quarter) => fieldIn(this.index, value, quarter)?.type)
      .find((type) => type !== undefined && types !== undefined && !types.includes(type));
    if (wrong)
      this.problems.add(key, `names field ${value}, a ${wrong} field: must be ${types?.join(' or ')}`);
    return value;
  }

  /** A non-empty list of field ids, each as `field`. */
  fields(key: string, value: unknown, types?: readonly FieldType[]): string[] {
    return this.problems
      .array(key, value, true)
      .map((item, i) => this.field(`${key}[${i}]`, item, types))
      .filter((id): id is string => id !== undefined);
  }

  /** `{ field, in }`: a field and answers it may take (from its list, or `Live`/a date for live-or-date). */
  condition(key: string, value: unknown, types?: readonly FieldType[]): void {
    const condition = this.problems.object(key, value);
    if (!condition) return;
    this.problems.unknownKeys(key, condition, ['field', 'in']);
    const id = this.field(`${key}.field`, condition.field, types ?? [...CHOICE, 'live-or-date']);
    this.answers(`${key}.in`, id, condition.in);
  }

  /** Answers of a choice or live-or-date field, each one it may take in every one of the quarters. */
  answers(key: string, id: string | undefined, value: unknown): void {
    const answers = this.problems.texts(key, value);
    if (id === undefined) return;
    const refused = new Set<string>();
    const inQuarters: Quarter[] = [];
    for (const quarter of this.quarters) {
      const field = fieldIn(this.index, id, quarter);
      if (!field) continue;
      const allowed =
        field.type === 'choice'
          ? (answer: string) => (this.lists[field.list ?? ''] ?? []).includes(answer)
          : (answer: string) =>
              field.type === 'live-or-date' && (answer === 'Live' || isCalendarDate(answer));
      const here = answers.filter((answer) => !allowed(answer));
      here.forEach((answer) => refused.add(answer));
      if (here.length > 0) inQuarters.push(quarter);
    }
    if (refused.size > 0)
      this.problems.add(
        key,
        `"${[...refused].join('", "')}" is not an answer of field ${id} in Q${inQuarters.join(', Q')}`,
      );
  }
}

/** Checks each template rule: its kind, severity, citation, and the fields it names (in the quarters it covers). */
export function checkRules(
  problems: TemplateProblems,
  value: unknown,
  index: FieldIndex,
  lists: Record<string, string[]>,
): void {
  problems.array('rules', value, true).forEach((raw, i) => {
    const rule = problems.object(`rules[${i}]`, raw);
    if (!rule) return;
    const key = `rules[${i}${typeof rule.rule === 'string' ? ` ${rule.rule}` : ''}]`;
    const keys = common(problems, key, rule, RULE_KINDS);
    if (!keys) return;
    problems.unknownKeys(key, rule, [...COMMON_KEYS, 'quarters', ...keys]);
    const quarters =
      rule.quarters === undefined ? QUARTERS : problems.quarters(`${key}.quarters`, rule.quarters);
    const refs = new FieldReferences(problems, index, lists, quarters ?? []);
    switch (rule.kind) {
      case 'required':
        refs.fields(`${key}.fields`, rule.fields);
        break;
      case 'number-bounds':
        if (typeof rule.min !== 'number' || typeof rule.max !== 'number' || !(rule.min <= rule.max))
          problems.add(key, 'min and max must be numbers, min at most max');
        break;
      case 'required-when':
        refs.condition(`${key}.when`, rule.when, CHOICE);
        refs.fields(`${key}.require`, rule.require);
        break;
      case 'sum-equals':
        refs.fields(`${key}.parts`, rule.parts, NUMERIC_TYPES);
        refs.field(`${key}.total`, rule.total, NUMERIC_TYPES);
        refs.field(`${key}.commentary`, rule.commentary, TEXT);
        break;
      case 'commentary-when-differs':
        refs.field(`${key}.field`, rule.field, NUMERIC_TYPES);
        refs.fields(`${key}.against`, rule.against, NUMERIC_TYPES);
        refs.field(`${key}.commentary`, rule.commentary, TEXT);
        break;
      case 'paired':
        problems.array(`${key}.pairs`, rule.pairs, true).forEach((pair, j) => {
          if (!Array.isArray(pair) || pair.length !== 2)
            problems.add(`${key}.pairs[${j}]`, 'must be [text field, choice field]');
          else {
            refs.field(`${key}.pairs[${j}][0]`, pair[0], TEXT);
            refs.field(`${key}.pairs[${j}][1]`, pair[1], CHOICE);
          }
        });
        break;
    }
  });
}

/** Checks each consistency check: its kind, severity, citation, and that the fields it compares share a return. */
export function checkConsistency(
  problems: TemplateProblems,
  value: unknown,
  index: FieldIndex,
  lists: Record<string, string[]>,
): void {
  problems.array('consistency', value).forEach((raw, i) => {
    const check = problems.object(`consistency[${i}]`, raw);
    if (!check) return;
    const key = `consistency[${i}${typeof check.rule === 'string' ? ` ${check.rule}` : ''}]`;
    const keys = common(problems, key, check, CONSISTENCY_KINDS);
    if (!keys) return;
    problems.unknownKeys(key, check, [...COMMON_KEYS, ...keys]);
    const named = namedFields(check);
    const together = QUARTERS.filter((quarter) => named.every((id) => fieldIn(index, id, quarter)));
    const known = named.every((id) => index.has(id));
    if (known && named.length > 0 && together.length === 0)
      problems.add(key, 'names fields that are never in the same return');
    const refs = new FieldReferences(problems, index, lists, named.length > 0 ? together : []);
    const anywhere = (id: unknown) => (typeof id === 'string' ? quartersOf(index, id) : []);
    switch (check.kind) {
      case 'stock-roll-forward':
        for (const name of ['closing', 'added', 'stopped'])
          refs.field(`${key}.${name}`, check[name], NUMERIC_TYPES);
        break;
      case 'share-of-count':
        refs.field(`${key}.share`, check.share, ['percent', 'decimal']);
        refs.field(`${key}.base`, check.base, ['count']);
        break;
      case 'rate-agrees':
        refs.field(`${key}.rate`, check.rate, ['decimal']);
        refs.field(`${key}.numerator`, check.numerator, NUMERIC_TYPES);
        refs.field(`${key}.denominator`, check.denominator, NUMERIC_TYPES);
        if (typeof check.per !== 'number' || !(check.per > 0))
          problems.add(`${key}.per`, 'must be a positive number');
        break;
      case 'status-against-target':
        refs.field(`${key}.value`, check.value, ['decimal', 'percent']);
        refs.field(`${key}.target`, check.target, ['decimal', 'percent']);
        refs.answers(`${key}.onTrack`, refs.field(`${key}.status`, check.status, CHOICE), check.onTrack);
        if (typeof check.higherIsBetter !== 'boolean')
          problems.add(`${key}.higherIsBetter`, 'must be true or false');
        break;
      case 'contradiction':
        refs.condition(`${key}.if`, check.if);
        refs.condition(`${key}.then`, check.then);
        break;
      case 'go-live-passed':
        refs.fields(`${key}.fields`, check.fields, ['live-or-date', 'date']);
        break;
      case 'changed-without-commentary':
        refs.fields(`${key}.fields`, check.fields);
        if (
          check.commentary !== null &&
          refs.field(`${key}.commentary`, check.commentary, TEXT) !== undefined
        ) {
          const lacking = (check.fields as unknown[]).filter(
            (id) => !anywhere(id).every((quarter) => anywhere(check.commentary).includes(quarter)),
          );
          if (lacking.length > 0)
            problems.add(`${key}.commentary`, `is not in every return that has ${lacking.join(', ')}`);
        }
        break;
    }
  });
}

function common(
  problems: TemplateProblems,
  key: string,
  item: Record<string, unknown>,
  kinds: Record<string, readonly string[]>,
): readonly string[] | undefined {
  problems.text(`${key}.rule`, item.rule);
  problems.text(`${key}.source`, item.source);
  if (!SEVERITIES.includes(item.severity as string))
    problems.add(`${key}.severity`, `must be one of ${SEVERITIES.join(', ')}`);
  const keys = typeof item.kind === 'string' ? kinds[item.kind] : undefined;
  if (!keys) problems.add(`${key}.kind`, `must be one of ${Object.keys(kinds).join(', ')}`);
  return keys;
}

/** The field ids a consistency check compares in one return (changed-without-commentary compares across returns). */
function namedFields(check: Record<string, unknown>): string[] {
  const ids: unknown[] = [];
  switch (check.kind) {
    case 'stock-roll-forward':
      ids.push(check.closing, check.added, check.stopped);
      break;
    case 'share-of-count':
      ids.push(check.share, check.base);
      break;
    case 'rate-agrees':
      ids.push(check.rate, check.numerator, check.denominator);
      break;
    case 'status-against-target':
      ids.push(check.status, check.value, check.target);
      break;
    case 'contradiction':
      ids.push(
        isObject(check.if) ? check.if.field : undefined,
        isObject(check.then) ? check.then.field : undefined,
      );
      break;
  }
  return ids.filter((id): id is string => typeof id === 'string');
}
