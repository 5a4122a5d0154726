import { Quarter } from '@bcl/kernel';
import { FieldTemplate, ReturnTemplate, SectionTemplate } from '../template/return-template';
import {
  Cell,
  FieldValue,
  PriorQuarterAmended,
  ReturnSubmitted,
  returnStream,
} from '../return/quarterly-return';
import { ReturnCheck, ReturnUnderCheck } from './return-check';
import { checkReturn } from './check-return';

/**
 * A small made-up template version for the checks' specs: one or two fields of each section and one rule of
 * each kind (the real 2016-17 reference file is the template helper's). Not exported from the library.
 */
const field = (
  id: string,
  type: FieldTemplate['type'],
  more: Partial<FieldTemplate> = {},
): FieldTemplate => ({
  id,
  label: id,
  type,
  row: id,
  ...more,
});
const section = (id: string, fields: FieldTemplate[]): SectionTemplate => ({ id, title: id, fields });
const QUARTERS: Quarter[] = [1, 2, 3, 4];
const money = (id: string, quarters?: Quarter[]) => field(id, 'money', quarters ? { quarters } : {});

const conditionFields = (c: string) => [
  field(`conditions.${c}.status`, 'choice', { list: 'condition-status', quarters: [1, 2, 3] }),
  field(`conditions.${c}.status`, 'choice', { list: 'condition-status-year-end', quarters: [4] }),
  field(`conditions.${c}.date`, 'date', { quarters: [1, 2, 3] }),
  field(`conditions.${c}.explanation`, 'text'),
];

const SECTIONS = ['cover', 'budget', 'conditions', 'ie', 'metrics', 'additional', 'narrative'];
const deadline = (at: string) => ({ at, source: null, assumed: 'test default' });

export const TEST_TEMPLATE: ReturnTemplate = {
  templateVersion: 'test-quarterly-2099-00',
  title: 'A made-up quarterly return',
  source: 'checks/test-template.ts',
  financialYear: '2016-17',
  planningCycle: '2016-17',
  quarters: {
    Q1: { sections: SECTIONS, deadline: deadline('2016-08-26T12:00:00Z') },
    Q2: { sections: SECTIONS, deadline: { at: '2016-11-25T12:00:00Z', source: '004:1181', assumed: null } },
    Q3: { sections: SECTIONS, deadline: deadline('2017-02-24T12:00:00Z') },
    Q4: {
      sections: [...SECTIONS.slice(0, 5), 'year-end', ...SECTIONS.slice(5)],
      deadline: deadline('2017-05-26T12:00:00Z'),
    },
  },
  lists: {
    'yes-no': ['Yes', 'No'],
    'condition-status': ['Yes', 'No', 'No - In Progress'],
    'condition-status-year-end': ['Yes', 'No'],
    'metric-status': ['On track to meet target', 'No improvement in performance'],
    'api-progress': ['In development', 'Live'],
    'feedback-category': ['1. Shared vision and commitment', 'Other'],
  },
  sections: [
    section('cover', [field('cover.completedBy', 'text'), field('cover.signedOffBy', 'text')]),
    section('budget', [
      field('budget.pooledViaS75', 'choice', { list: 'yes-no' }),
      field('budget.poolingDate', 'date'),
    ]),
    section('conditions', [...conditionFields('1'), ...conditionFields('2')]),
    section('ie', [
      money('ie.pooledFund'),
      ...QUARTERS.map((q) => ({ ...money(`ie.income.plan.q${q}`), quarter: q, carried: true })),
      ...QUARTERS.map((q) => ({
        ...money(
          `ie.income.actual.q${q}`,
          QUARTERS.filter((n) => n >= q),
        ),
        quarter: q,
        carried: true,
      })),
      field('ie.income.comment', 'text'),
    ]),
    section('metrics', [
      field('metrics.nea.value', 'decimal', { notAvailable: true }),
      field('metrics.nea.target', 'decimal'),
      field('metrics.nea.status', 'choice', { list: 'metric-status', notAvailable: true }),
      field('metrics.nea.commentary', 'text'),
    ]),
    section('additional', [
      field('additional.phb.total', 'count'),
      field('additional.phb.new', 'count'),
      field('additional.phb.stopped', 'count'),
      field('additional.phb.ratePer100k', 'decimal', { decimals: 1 }),
      field('additional.phb.chcPercent', 'percent', { decimals: 0 }),
      field('additional.phb.population', 'count'),
      field('additional.nhsNumber.correspondence.gp', 'choice', { list: 'yes-no' }),
      field('additional.openApi.status.gp', 'choice', { list: 'api-progress' }),
      field('additional.openApi.goLive.gp', 'live-or-date'),
    ]),
    section('year-end', [
      field('yearEnd.success.1.text', 'text'),
      field('yearEnd.success.1.category', 'choice', { list: 'feedback-category' }),
    ]),
    section('narrative', [field('narrative.text', 'text', { lengthMax: 32000 })]),
  ],
  rules: [
    { rule: 'Q1', severity: 'blocking', source: 'sign-off (test)', kind: 'required', fields: ['cover.*'] },
    { rule: 'Q2', severity: 'warning', source: 'deadline (test)', kind: 'deadline' },
    {
      rule: 'Q5',
      severity: 'blocking',
      source: 'bounds (test)',
      kind: 'number-bounds',
      min: 0,
      max: 100_000_000,
    },
    { rule: 'Q6', severity: 'blocking', source: 'answers (test)', kind: 'allowed-answers' },
    {
      rule: 'Q6',
      severity: 'blocking',
      source: 'No needs a date and an explanation (test)',
      quarters: [1, 2, 3],
      kind: 'required-when',
      when: { field: 'conditions.*.status', in: ['No', 'No - In Progress'] },
      require: ['conditions.*.date', 'conditions.*.explanation'],
    },
    {
      rule: 'Q7',
      severity: 'blocking',
      source: 'year-end No needs an explanation (test)',
      quarters: [4],
      kind: 'required-when',
      when: { field: 'conditions.*.status', in: ['No'] },
      require: ['conditions.*.date', 'conditions.*.explanation'],
    },
    {
      rule: 'Q13',
      severity: 'blocking',
      source: 'pooling date (test)',
      kind: 'required-when',
      when: { field: 'budget.pooledViaS75', in: ['No'] },
      require: ['budget.poolingDate'],
    },
    {
      rule: 'Q9',
      severity: 'blocking',
      source: 'plan = pooled fund (test)',
      kind: 'sum-equals',
      parts: ['ie.income.plan.*'],
      total: 'ie.pooledFund',
      commentary: 'ie.income.comment',
    },
    {
      rule: 'Q9',
      severity: 'blocking',
      source: 'actual = pooled fund at year end (test)',
      quarters: [4],
      kind: 'sum-equals',
      parts: QUARTERS.map((q) => `ie.income.actual.q${q}`),
      total: 'ie.pooledFund',
      commentary: 'ie.income.comment',
    },
    {
      rule: 'Q10',
      severity: 'blocking',
      source: 'actual differs from plan (test)',
      kind: 'commentary-when-differs',
      field: 'ie.income.actual.*',
      against: ['ie.income.plan.*'],
      commentary: 'ie.income.comment',
    },
    {
      rule: 'Q19',
      severity: 'blocking',
      source: 'a success has a category (test)',
      kind: 'paired',
      pairs: [['yearEnd.success.*.text', 'yearEnd.success.*.category']],
    },
  ],
  consistency: [
    {
      rule: 'R1',
      severity: 'warning',
      source: 'M6 (test)',
      kind: 'stock-roll-forward',
      closing: 'additional.phb.total',
      added: 'additional.phb.new',
      stopped: 'additional.phb.stopped',
    },
    {
      rule: 'R2',
      severity: 'warning',
      source: 'share (test)',
      kind: 'share-of-count',
      share: 'additional.phb.chcPercent',
      base: 'additional.phb.total',
    },
    {
      rule: 'R3',
      severity: 'warning',
      source: 'M5 (test)',
      kind: 'rate-agrees',
      rate: 'additional.phb.ratePer100k',
      numerator: 'additional.phb.total',
      denominator: 'additional.phb.population',
      per: 100_000,
    },
    {
      rule: 'R4',
      severity: 'warning',
      source: 'status (test)',
      kind: 'status-against-target',
      status: 'metrics.*.status',
      value: 'metrics.*.value',
      target: 'metrics.*.target',
      onTrack: ['On track to meet target'],
      higherIsBetter: false,
    },
    {
      rule: 'R5',
      severity: 'warning',
      source: 'contradiction (test)',
      kind: 'contradiction',
      if: { field: 'additional.openApi.status.*', in: ['Live'] },
      then: { field: 'additional.nhsNumber.correspondence.*', in: ['No'] },
    },
    {
      rule: 'R6',
      severity: 'warning',
      source: 'go-live (test)',
      kind: 'go-live-passed',
      fields: ['additional.openApi.goLive.*'],
    },
    {
      rule: 'R7',
      severity: 'warning',
      source: 'changed (test)',
      kind: 'changed-without-commentary',
      fields: ['metrics.*.status'],
      commentary: 'metrics.*.commentary',
    },
    { rule: 'R8', severity: 'information', source: 'restated (test)', kind: 'restated' },
  ],
};

/** A return's id in the specs. */
export const testReturnId = (quarter: Quarter) => `test-area-2016-17-q${quarter}`;

/** Values as cells entered in one event of the return's stream. */
export const cellsOf = (returnId: string, values: Record<string, FieldValue>): Record<string, Cell> =>
  Object.fromEntries(
    Object.entries(values).map(([id, value]) => [
      id,
      { value, from: { kind: 'entered', stream: returnStream(returnId), revision: 1, position: null } },
    ]),
  );

/** A complete return of the quarter every rule and check passes on (Q2 onwards: after the same previous one). */
export function goodValues(quarter: Quarter): Record<string, FieldValue> {
  const plan = [328_276_300, 328_276_200, 328_276_200, 328_276_200];
  return {
    'cover.completedBy': 'Nick Faint',
    'cover.signedOffBy': 'Cllr Lesley Salter',
    'budget.pooledViaS75': 'Yes',
    'conditions.1.status': 'Yes',
    'conditions.2.status': 'Yes',
    'ie.pooledFund': 1_313_104_900,
    ...Object.fromEntries(plan.map((p, i) => [`ie.income.plan.q${i + 1}`, p])),
    ...Object.fromEntries(plan.slice(0, quarter).map((p, i) => [`ie.income.actual.q${i + 1}`, p])),
    'ie.income.comment': null,
    'metrics.nea.value': '4100',
    'metrics.nea.target': '4200',
    'metrics.nea.status': 'On track to meet target',
    'metrics.nea.commentary': 'admissions below plan',
    'additional.phb.total': 24,
    'additional.phb.new': 7,
    'additional.phb.stopped': 7,
    'additional.phb.ratePer100k': '13.3',
    'additional.phb.chcPercent': '96',
    'additional.phb.population': 180_589,
    'additional.nhsNumber.correspondence.gp': 'Yes',
    'additional.openApi.status.gp': 'In development',
    'additional.openApi.goLive.gp': '2017-03-31',
    ...(quarter === 4
      ? { 'yearEnd.success.1.text': 'a locality approach', 'yearEnd.success.1.category': 'Other' }
      : {}),
    'narrative.text': 'Highlights …',
  };
}

/** A return under check: the quarter's values over the good ones, earlier quarters good unless given. */
export function underCheck(
  quarter: Quarter,
  changes: Record<string, FieldValue> = {},
  more: {
    earlier?: Partial<Record<Quarter, Record<string, FieldValue>>>;
    amendments?: PriorQuarterAmended[];
    submitted?: ReturnSubmitted | null;
    completedOn?: string;
  } = {},
): ReturnUnderCheck {
  const earlierQuarters = QUARTERS.filter((q) => q < quarter);
  return {
    template: TEST_TEMPLATE,
    returnId: testReturnId(quarter),
    quarter,
    cells: cellsOf(testReturnId(quarter), { ...goodValues(quarter), ...changes }),
    earlier: earlierQuarters.map((q) => ({
      returnId: testReturnId(q),
      quarter: q,
      cells: cellsOf(testReturnId(q), { ...goodValues(q), ...(more.earlier?.[q] ?? {}) }),
    })),
    amendments: more.amendments ?? [],
    submitted: more.submitted ?? null,
    completedOn: more.completedOn ?? '2016-11-20',
  };
}

/** The check of a return with that id (undefined when the checks do not report it). */
export const checkOf = (input: ReturnUnderCheck, checkId: string): ReturnCheck | undefined =>
  checkReturn(input).find((check) => check.checkId === checkId);

/** The checks of a return reporting one rule. */
export const checksOfRule = (input: ReturnUnderCheck, rule: string): ReturnCheck[] =>
  checkReturn(input).filter((check) => check.rule === rule);

/** A seeded pseudo-random generator (mulberry32) for the property specs: the same seed, the same inputs. */
export function seededRandom(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below: number) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * below);
  };
}
