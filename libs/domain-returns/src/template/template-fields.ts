import { Quarter, QUARTERS } from '@bcl/kernel';
import { FIELD_TYPES, FieldTemplate, FieldType } from './return-template';
import { isQuarter, TemplateProblems } from './template-problems';

const SECTION_KEYS = ['id', 'title', 'fields'] as const;
const FIELD_KEYS = [
  'id',
  'label',
  'type',
  'list',
  'decimals',
  'lengthMax',
  'notAvailable',
  'quarters',
  'quarter',
  'carried',
  'prepopulate',
  'row',
  'column',
] as const;
const FIELD_ID = /^[a-zA-Z][a-zA-Z0-9]*(\.[a-zA-Z0-9]+)+$/;
const TEXT_TYPES: readonly FieldType[] = ['text', 'email', 'phone'];
const DECIMAL_TYPES: readonly FieldType[] = ['decimal', 'percent'];
/** The types whose values are numbers (Q5's bounds, sums, rates). */
export const NUMERIC_TYPES: readonly FieldType[] = ['money', 'count', 'decimal', 'percent'];

/** One field entry of a section, with the quarters whose return has it. */
export interface IndexedField {
  section: string;
  field: FieldTemplate;
  quarters: Quarter[];
}

/**
 * Every field of the template by id. An id names one cell, but may have one entry per set of quarters where the
 * template prints it differently (Q4's Yes/No condition answer): never two entries for the same quarter.
 */
export type FieldIndex = Map<string, IndexedField[]>;

/** The entries of a field id present in `quarter`'s return (at most one). */
export function fieldIn(index: FieldIndex, id: string, quarter: Quarter): FieldTemplate | undefined {
  return index.get(id)?.find((entry) => entry.quarters.includes(quarter))?.field;
}

/** The quarters whose return has the field, in order (empty for an unknown id). */
export function quartersOf(index: FieldIndex, id: string): Quarter[] {
  const present = new Set((index.get(id) ?? []).flatMap((entry) => entry.quarters));
  return QUARTERS.filter((quarter) => present.has(quarter));
}

/**
 * Checks each section and its fields (shape, types, lists, pre-population), and indexes the fields by id.
 * `sectionQuarters` says which quarters' returns have each section (from the quarters' section lists).
 */
export function checkSections(
  problems: TemplateProblems,
  value: unknown,
  lists: Record<string, string[]>,
  sectionQuarters: Map<string, Quarter[]>,
): { sectionIds: string[]; index: FieldIndex } {
  const index: FieldIndex = new Map();
  const sectionIds: string[] = [];
  problems.array('sections', value, true).forEach((raw, i) => {
    const section = problems.object(`sections[${i}]`, raw);
    if (!section) return;
    const key = typeof section.id === 'string' ? `sections[${section.id}]` : `sections[${i}]`;
    problems.unknownKeys(key, section, SECTION_KEYS);
    if (problems.text(`${key}.id`, section.id)) {
      if (sectionIds.includes(section.id)) problems.add(`${key}.id`, 'is the id of another section');
      sectionIds.push(section.id);
    }
    problems.text(`${key}.title`, section.title);
    const inQuarters = typeof section.id === 'string' ? (sectionQuarters.get(section.id) ?? []) : [];
    if (typeof section.id === 'string' && inQuarters.length === 0)
      problems.add(`${key}.id`, "is in no quarter's section list");
    problems.array(`${key}.fields`, section.fields, true).forEach((rawField, j) => {
      const field = checkField(problems, `${key}.fields[${j}]`, rawField, lists);
      if (!field || typeof section.id !== 'string') return;
      const fieldKey = `${key}.fields[${field.id}]`;
      const quarters = field.quarters ?? inQuarters;
      const outside = quarters.filter((quarter) => !inQuarters.includes(quarter));
      if (outside.length > 0)
        problems.add(
          `${fieldKey}.quarters`,
          `names Q${outside.join(', Q')}, whose return has no ${section.id} section`,
        );
      addToIndex(problems, index, fieldKey, { section: section.id, field, quarters });
    });
  });
  return { sectionIds, index };
}

function addToIndex(problems: TemplateProblems, index: FieldIndex, key: string, entry: IndexedField): void {
  const entries = index.get(entry.field.id) ?? [];
  for (const other of entries) {
    if (other.section !== entry.section)
      problems.add(`${key}.id`, `is also a field id of section ${other.section}`);
    const shared = entry.quarters.filter((quarter) => other.quarters.includes(quarter));
    if (shared.length > 0) problems.add(`${key}.id`, `is the id of two fields in Q${shared.join(', Q')}`);
  }
  index.set(entry.field.id, [...entries, entry]);
}

function checkField(
  problems: TemplateProblems,
  key: string,
  raw: unknown,
  lists: Record<string, string[]>,
): FieldTemplate | undefined {
  const field = problems.object(key, raw);
  if (!field) return undefined;
  if (typeof field.id === 'string') key = key.replace(/\[\d+\]$/, `[${field.id}]`);
  problems.unknownKeys(key, field, FIELD_KEYS);
  let sound = true;
  if (typeof field.id !== 'string' || !FIELD_ID.test(field.id)) {
    problems.add(`${key}.id`, 'must be a dotted field id such as cover.completedBy');
    sound = false;
  }
  problems.text(`${key}.label`, field.label);
  problems.text(`${key}.row`, field.row);
  if (field.column !== undefined) problems.text(`${key}.column`, field.column);
  const type = field.type as FieldType;
  if (!FIELD_TYPES.includes(type)) {
    problems.add(`${key}.type`, `must be one of ${FIELD_TYPES.join(', ')}`);
    sound = false;
  }
  if (type === 'choice' && (typeof field.list !== 'string' || lists[field.list] === undefined))
    problems.add(`${key}.list`, `must name one of the lists (${Object.keys(lists).join(', ')})`);
  if (type !== 'choice' && field.list !== undefined)
    problems.add(`${key}.list`, 'is only for a choice field');
  checkWholeNumber(problems, `${key}.decimals`, field.decimals, 0, DECIMAL_TYPES.includes(type));
  checkWholeNumber(problems, `${key}.lengthMax`, field.lengthMax, 1, TEXT_TYPES.includes(type));
  for (const flag of ['notAvailable', 'carried'] as const)
    if (field[flag] !== undefined && typeof field[flag] !== 'boolean')
      problems.add(`${key}.${flag}`, 'must be true or false');
  if (field.quarters !== undefined) problems.quarters(`${key}.quarters`, field.quarters);
  if (field.quarter !== undefined && !isQuarter(field.quarter))
    problems.add(`${key}.quarter`, 'must be a quarter 1 to 4');
  if (field.prepopulate !== undefined) checkPrepopulation(problems, `${key}.prepopulate`, field.prepopulate);
  return sound ? (field as unknown as FieldTemplate) : undefined;
}

function checkWholeNumber(
  problems: TemplateProblems,
  key: string,
  value: unknown,
  min: number,
  allowed: boolean,
) {
  if (value === undefined) return;
  if (!allowed) problems.add(key, 'does not apply to this field type');
  else if (!Number.isInteger(value) || (value as number) < min)
    problems.add(key, `must be a whole number of at least ${min}`);
}

const PREPOPULATION_KEYS: Record<string, readonly string[]> = {
  'hwb-name': [],
  'pooled-fund-total': [],
  'fund-figure': ['basis', 'direction', 'quarter'],
  'plan-metric': ['metric'],
  reference: ['key'],
};

function checkPrepopulation(problems: TemplateProblems, key: string, raw: unknown): void {
  const prepopulate = problems.object(key, raw);
  if (!prepopulate) return;
  const from = prepopulate.from;
  const keys = typeof from === 'string' ? PREPOPULATION_KEYS[from] : undefined;
  if (!keys) {
    problems.add(`${key}.from`, `must be one of ${Object.keys(PREPOPULATION_KEYS).join(', ')}`);
    return;
  }
  problems.unknownKeys(key, prepopulate, ['from', ...keys]);
  if (from === 'fund-figure') {
    if (!['plan', 'forecast', 'actual'].includes(prepopulate.basis as string))
      problems.add(`${key}.basis`, 'must be plan, forecast or actual');
    if (!['income', 'expenditure'].includes(prepopulate.direction as string))
      problems.add(`${key}.direction`, 'must be income or expenditure');
    if (!isQuarter(prepopulate.quarter)) problems.add(`${key}.quarter`, 'must be a quarter 1 to 4');
  }
  if (from === 'plan-metric') problems.text(`${key}.metric`, prepopulate.metric);
  if (from === 'reference') problems.text(`${key}.key`, prepopulate.key);
}

/** Checks the lists of allowed answers: each a non-empty list of distinct non-blank strings. */
export function checkLists(problems: TemplateProblems, value: unknown): Record<string, string[]> {
  const lists: Record<string, string[]> = {};
  const raw = problems.object('lists', value);
  for (const [name, answers] of Object.entries(raw ?? {})) {
    const texts = problems.texts(`lists.${name}`, answers);
    if (new Set(texts).size !== texts.length) problems.add(`lists.${name}`, 'names an answer twice');
    lists[name] = texts;
  }
  return lists;
}
