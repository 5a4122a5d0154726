import { Quarter } from '@bcl/kernel';
import {
  CellProblem,
  FieldTemplate,
  FieldValue,
  NOT_AVAILABLE,
  ReturnTemplate,
  ReturnView,
  SectionTemplate,
} from '@bcl/domain-returns';

/**
 * A small made-up template version for the file specs (not the 2016-17 reference file): every field type, a
 * table section, fields limited to some quarters, and Q4's extra section as 4.
 */
const ie = (direction: 'income' | 'expenditure', basis: 'plan' | 'actual'): FieldTemplate[] =>
  ([1, 2, 3, 4] as Quarter[]).map((quarter) => ({
    id: `ie.${direction}.${basis}.q${quarter}`,
    label: `${direction} ${basis} Q${quarter}`,
    type: 'money',
    quarter,
    carried: true,
    row: `${direction === 'income' ? 'Income' : 'Expenditure'} ${basis}`,
    column: `Q${quarter}`,
  }));

const sections: SectionTemplate[] = [
  {
    id: 'cover',
    title: 'Cover',
    fields: [
      {
        id: 'cover.hwb',
        label: 'HWB',
        type: 'text',
        row: 'Health and Well-Being Board',
        prepopulate: { from: 'hwb-name' },
      },
      { id: 'cover.completedBy', label: 'Completed by', type: 'text', row: 'Completed by', lengthMax: 40 },
      { id: 'cover.email', label: 'E-mail', type: 'email', row: 'E-mail' },
      { id: 'cover.phone', label: 'Phone', type: 'phone', row: 'Contact number' },
    ],
  },
  {
    id: 'conditions',
    title: 'National Conditions',
    fields: ['1', '2'].flatMap((c): FieldTemplate[] => [
      {
        id: `conditions.${c}.status`,
        label: `Condition ${c}`,
        type: 'choice',
        list: 'condition-status',
        quarters: [1, 2, 3],
        row: `Condition ${c}`,
        column: 'Status',
      },
      {
        id: `conditions.${c}.status`,
        label: `Condition ${c}`,
        type: 'choice',
        list: 'yes-no',
        quarters: [4],
        row: `Condition ${c}`,
        column: 'Status',
      },
      {
        id: `conditions.${c}.date`,
        label: `Condition ${c} date`,
        type: 'date',
        quarters: [1, 2, 3],
        row: `Condition ${c}`,
        column: 'Date',
      },
      {
        id: `conditions.${c}.explanation`,
        label: `Condition ${c} explanation`,
        type: 'text',
        row: `Condition ${c}`,
        column: 'Explanation',
      },
    ]),
  },
  {
    id: 'ie',
    title: 'I&E',
    fields: [
      {
        id: 'ie.pooledFund',
        label: 'Pooled fund',
        type: 'money',
        row: 'Total pooled fund',
        prepopulate: { from: 'pooled-fund-total' },
      },
      ...ie('income', 'plan'),
      ...ie('income', 'actual'),
      ...ie('expenditure', 'plan'),
      { id: 'ie.commentary', label: 'Commentary', type: 'text', row: 'Commentary' },
    ],
  },
  {
    id: 'metrics',
    title: 'Supporting Metrics',
    fields: [
      {
        id: 'metrics.nea.value',
        label: 'NEA',
        type: 'decimal',
        notAvailable: true,
        decimals: 1,
        row: 'Non-elective admissions',
        column: 'Value',
      },
      {
        id: 'metrics.nea.target',
        label: 'NEA target',
        type: 'decimal',
        row: 'Non-elective admissions',
        column: 'Target',
      },
      { id: 'additional.phb.total', label: 'PHB', type: 'count', row: 'Personal health budgets' },
      { id: 'additional.phb.chcPercent', label: 'CHC %', type: 'percent', row: '% in receipt of NHS CHC' },
      {
        id: 'additional.openApi.goLive.gp',
        label: 'GP go-live',
        type: 'live-or-date',
        row: 'Open API go-live',
        column: 'GP',
      },
    ],
  },
  {
    id: 'year-end',
    title: 'Year End Feedback',
    fields: [
      {
        id: 'yearEnd.statement.1',
        label: 'Statement 1',
        type: 'choice',
        list: 'agreement',
        row: 'Statement 1',
      },
    ],
  },
];

const deadline = { at: '2016-11-25T12:00:00Z', source: 'made up', assumed: null };

/** The made-up template: Q1-Q3 have four sections, Q4 adds year-end feedback as section 4. */
export const FILE_TEMPLATE: ReturnTemplate = {
  templateVersion: 'bcf-quarterly-test',
  title: 'Test quarterly return',
  source: 'made up for the file specs',
  financialYear: '2016-17',
  planningCycle: '2016-17',
  quarters: {
    Q1: { sections: ['cover', 'conditions', 'ie', 'metrics'], deadline },
    Q2: { sections: ['cover', 'conditions', 'ie', 'metrics'], deadline },
    Q3: { sections: ['cover', 'conditions', 'ie', 'metrics'], deadline },
    Q4: { sections: ['cover', 'conditions', 'ie', 'year-end', 'metrics'], deadline },
  },
  lists: {
    'yes-no': ['Yes', 'No'],
    'condition-status': ['Yes', 'No', 'No - In Progress'],
    agreement: ['Strongly Agree', 'Agree', 'Neutral', 'Disagree', 'Strongly Disagree'],
  },
  sections,
  rules: [],
  consistency: [],
};

/** The number bound of the made-up template (Q5: 0 to 100,000,000, in pounds for money). */
export const BOUND = 100_000_000;

/**
 * A local stand-in for `valueProblems` (the lifecycle helper's): answers on their lists, numbers within the
 * bound, texts within their length. Enough for the file specs to see rule problems placed on their cells.
 */
export function standInValueRules(
  template: ReturnTemplate,
  quarter: Quarter,
  values: Record<string, FieldValue>,
): CellProblem[] {
  const fields = new Map(
    template.sections
      .flatMap((section) => section.fields)
      .filter((field) => !field.quarters || field.quarters.includes(quarter))
      .map((field) => [field.id, field]),
  );
  const problems: CellProblem[] = [];
  for (const [id, value] of Object.entries(values)) {
    const field = fields.get(id);
    if (!field) problems.push({ field: id, reason: 'is not a field of this return' });
    else if (value === null || value === NOT_AVAILABLE) continue;
    else if (field.type === 'choice' && !template.lists[field.list!]!.includes(String(value)))
      problems.push({ field: id, reason: `must be one of ${template.lists[field.list!]!.join(', ')}` });
    else if (field.type === 'money' && (Number(value) < 0 || Number(value) > BOUND * 100))
      problems.push({ field: id, reason: `must be between £0 and £${BOUND}` });
    else if (
      ['count', 'decimal', 'percent'].includes(field.type) &&
      (Number(value) < 0 || Number(value) > BOUND)
    )
      problems.push({ field: id, reason: `must be between 0 and ${BOUND}` });
    else if (field.lengthMax !== undefined && String(value).length > field.lengthMax)
      problems.push({ field: id, reason: `must be at most ${field.lengthMax} characters` });
  }
  return problems;
}

const entered = {
  kind: 'entered',
  stream: 'quarterly-return-test-2016-17-q2',
  revision: 1,
  position: '12',
} as const;

/** A Q2 return of the made-up template: entered values, a carried Q1 actual, ledger pre-fills. */
export function fileView(overrides: Partial<ReturnView> = {}): ReturnView {
  return {
    returnId: 'southend-on-sea-2016-17-q2',
    areaId: 'southend-on-sea',
    financialYear: '2016-17',
    quarter: 2,
    templateVersion: FILE_TEMPLATE.templateVersion,
    previousReturnId: 'southend-on-sea-2016-17-q1',
    deadline,
    version: 3,
    cells: {
      'cover.hwb': {
        value: 'Southend-on-Sea',
        from: {
          kind: 'ledger',
          description: 'registry area name',
          stream: 'area-southend-on-sea',
          revision: 0,
          position: '3',
        },
      },
      'cover.completedBy': { value: 'Nick Faint', from: entered },
      'cover.email': { value: 'nick@example.org', from: entered },
      'cover.phone': { value: '01702 000000', from: entered },
      'conditions.1.status': { value: 'Yes', from: entered },
      'conditions.2.status': { value: 'No - In Progress', from: entered },
      'conditions.2.date': { value: '2017-03-31', from: entered },
      'conditions.2.explanation': { value: '=not a formula', from: entered },
      'ie.pooledFund': {
        value: 1_234_567_89,
        from: {
          kind: 'ledger',
          description: 'stated pooled budget',
          stream: 'pool-southend-bcf',
          revision: 2,
          position: '40',
        },
      },
      'ie.income.plan.q1': {
        value: 308_641_97,
        from: {
          kind: 'previous-return',
          returnId: 'southend-on-sea-2016-17-q1',
          stream: 'quarterly-return-southend-on-sea-2016-17-q1',
          revision: 4,
          position: '90',
        },
      },
      'ie.income.actual.q1': {
        value: 308_000_01,
        from: {
          kind: 'previous-return',
          returnId: 'southend-on-sea-2016-17-q1',
          stream: 'quarterly-return-southend-on-sea-2016-17-q1',
          revision: 4,
          position: '90',
        },
      },
      'ie.income.actual.q2': { value: 10, from: entered },
      'ie.expenditure.plan.q2': { value: 7, from: entered },
      'ie.commentary': { value: 'On plan.\nSecond line', from: entered },
      'metrics.nea.value': { value: NOT_AVAILABLE, from: entered },
      'metrics.nea.target': { value: '1.50', from: entered },
      'additional.phb.total': { value: 42, from: entered },
      'additional.phb.chcPercent': { value: '94', from: entered },
      'additional.openApi.goLive.gp': { value: 'Live', from: entered },
    },
    amendments: [],
    validation: null,
    submitted: null,
    status: 'in-completion',
    basis: 'as-submitted',
    restatements: [],
    recordedAt: { issued: '2016-10-01T09:00:00.000Z', lastChanged: '2016-11-20T09:00:00.000Z' },
    ...overrides,
  };
}
