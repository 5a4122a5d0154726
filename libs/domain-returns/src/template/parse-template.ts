import { isFinancialYear, Quarter, QUARTERS } from '@bcl/kernel';
import { ReturnTemplate } from './return-template';
import { checkLists, checkSections, FieldIndex } from './template-fields';
import { checkConsistency, checkRules } from './template-rules';
import { TemplateProblems } from './template-problems';

const TEMPLATE_KEYS = [
  'templateVersion',
  'title',
  'source',
  'financialYear',
  'planningCycle',
  'quarters',
  'lists',
  'sections',
  'rules',
  'consistency',
  'assumed',
] as const;
/** A template version's name, which is also its file's name: lowercase letters, digits and hyphens. */
export const TEMPLATE_VERSION_PATTERN = /^[a-z0-9-]+$/;
/** An instant with its offset, e.g. `2016-11-25T12:00:00+00:00`. */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Checks a template reference file's content and returns it typed, or throws one Error listing every problem
 * (file, key, reason): unknown keys, field types or lists, duplicate ids, sections no quarter has, deadlines
 * that do not parse or are neither cited nor assumed, rules and checks naming fields the template (or the
 * quarter) does not have, answers not on a field's list. Pure: the caller reads the file.
 */
export function parseReturnTemplate(json: unknown, file: string): ReturnTemplate {
  const problems = new TemplateProblems();
  const template = problems.object('(the file)', json);
  if (template) checkTemplate(problems, template);
  if (problems.found.length > 0)
    throw new Error(
      `${file}: the return template has ${problems.found.length} problem${problems.found.length === 1 ? '' : 's'}:\n` +
        problems.found.map((problem) => `  - ${problem}`).join('\n'),
    );
  return json as ReturnTemplate;
}

function checkTemplate(problems: TemplateProblems, template: Record<string, unknown>): void {
  problems.unknownKeys('(the file)', template, TEMPLATE_KEYS);
  if (
    typeof template.templateVersion !== 'string' ||
    !TEMPLATE_VERSION_PATTERN.test(template.templateVersion)
  )
    problems.add(
      'templateVersion',
      'must be lowercase letters, digits and hyphens (the file name without .json)',
    );
  problems.text('title', template.title);
  problems.text('source', template.source);
  if (!isFinancialYear(template.financialYear))
    problems.add('financialYear', 'must be a financial year such as 2016-17');
  problems.text('planningCycle', template.planningCycle);
  const lists = checkLists(problems, template.lists);
  const sectionQuarters = checkQuarters(problems, template.quarters);
  const { sectionIds, index } = checkSections(problems, template.sections, lists, sectionQuarters);
  for (const [section, quarters] of sectionQuarters)
    if (!sectionIds.includes(section))
      for (const quarter of quarters)
        problems.add(
          `quarters.Q${quarter}.sections`,
          `names section ${section}, which the template does not have`,
        );
  checkRules(problems, template.rules, index, lists);
  checkConsistency(problems, template.consistency, index, lists);
  if (template.assumed !== undefined) checkAssumed(problems, template.assumed, index, lists, sectionIds);
}

/** Checks Q1-Q4 (sections and deadline of each); returns which quarters' returns have each section named. */
function checkQuarters(problems: TemplateProblems, value: unknown): Map<string, Quarter[]> {
  const sectionQuarters = new Map<string, Quarter[]>();
  const quarters = problems.object('quarters', value);
  if (!quarters) return sectionQuarters;
  problems.unknownKeys(
    'quarters',
    quarters,
    QUARTERS.map((quarter) => `Q${quarter}`),
  );
  for (const quarter of QUARTERS) {
    const key = `quarters.Q${quarter}`;
    if (quarters[`Q${quarter}`] === undefined) {
      problems.add(key, 'is missing: the template gives every quarter');
      continue;
    }
    const entry = problems.object(key, quarters[`Q${quarter}`]);
    if (!entry) continue;
    problems.unknownKeys(key, entry, ['sections', 'deadline']);
    const sections = problems.texts(`${key}.sections`, entry.sections);
    if (new Set(sections).size !== sections.length) problems.add(`${key}.sections`, 'names a section twice');
    for (const section of sections)
      sectionQuarters.set(section, [...(sectionQuarters.get(section) ?? []), quarter]);
    checkDeadline(problems, `${key}.deadline`, entry.deadline);
  }
  return sectionQuarters;
}

function checkDeadline(problems: TemplateProblems, key: string, value: unknown): void {
  const deadline = problems.object(key, value);
  if (!deadline) return;
  problems.unknownKeys(key, deadline, ['at', 'source', 'assumed']);
  const match = typeof deadline.at === 'string' ? INSTANT.exec(deadline.at) : null;
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const real =
    match !== null &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!real)
    problems.add(`${key}.at`, 'must be a real instant with its offset, e.g. 2016-11-25T12:00:00+00:00');
  for (const name of ['source', 'assumed'])
    if (deadline[name] !== null) problems.text(`${key}.${name}`, deadline[name]);
  const cited = typeof deadline.source === 'string';
  const assumed = typeof deadline.assumed === 'string';
  if (cited === assumed)
    problems.add(
      key,
      'must have either a source (the citation) or assumed (why, where the sources give none), not both',
    );
}

/** Each assumption's key must name something the file holds. */
function checkAssumed(
  problems: TemplateProblems,
  value: unknown,
  index: FieldIndex,
  lists: Record<string, string[]>,
  sectionIds: string[],
): void {
  problems.array('assumed', value).forEach((raw, i) => {
    const entry = problems.object(`assumed[${i}]`, raw);
    if (!entry) return;
    problems.unknownKeys(`assumed[${i}]`, entry, ['key', 'why']);
    problems.text(`assumed[${i}].why`, entry.why);
    if (!problems.text(`assumed[${i}].key`, entry.key)) return;
    if (!assumptionKeyExists(entry.key, index, lists, sectionIds))
      problems.add(`assumed[${i}].key`, `names ${entry.key}, which the template does not hold`);
  });
}

function assumptionKeyExists(
  key: string,
  index: FieldIndex,
  lists: Record<string, string[]>,
  sectionIds: string[],
) {
  const [head, ...rest] = key.split('.');
  const tail = rest.join('.');
  if (head === 'quarters') return /^Q[1-4]\.deadline$/.test(tail);
  if (head === 'lists') return lists[tail] !== undefined;
  if (head === 'sections') return sectionIds.includes(tail);
  if (head !== 'fields') return false;
  if (index.has(tail)) return true;
  const property = tail.slice(tail.lastIndexOf('.') + 1);
  const id = tail.slice(0, tail.lastIndexOf('.'));
  return (index.get(id) ?? []).some((entry) => property in entry.field);
}
