import { ReturnTemplate } from '../template/return-template';

/**
 * A small template for the lifecycle's specs: a few fields of every type, two fields limited to some quarters
 * (the condition status of Q1-Q3 and of the year end), carried I&E figures for Q1 and Q2, a Q4-only section,
 * and number bounds of -10 to 1,000 (pounds for money) so a spec can stand just inside and just outside them.
 * Not the real 2016-17 template (the template helper's reference file): the specs do not wait for it.
 */
export const TEST_TEMPLATE: ReturnTemplate = {
  templateVersion: 'bcf-quarterly-test',
  title: 'BCF quarterly return (test)',
  source: 'libs/domain-returns/src/return/test-template.ts',
  financialYear: '2016-17',
  planningCycle: 'bcf-2016-17',
  quarters: {
    Q1: {
      sections: ['cover', 'budget', 'conditions', 'ie', 'metrics', 'additional', 'narrative'],
      deadline: { at: '2016-08-26T12:00:00Z', source: 'test', assumed: null },
    },
    Q2: {
      sections: ['cover', 'budget', 'conditions', 'ie', 'metrics', 'additional', 'narrative'],
      deadline: { at: '2016-11-25T12:00:00Z', source: 'test', assumed: null },
    },
    Q3: {
      sections: ['cover', 'budget', 'conditions', 'ie', 'metrics', 'additional', 'narrative'],
      deadline: { at: '2017-02-24T12:00:00Z', source: null, assumed: 'a test deadline' },
    },
    Q4: {
      sections: ['cover', 'budget', 'conditions', 'ie', 'metrics', 'additional', 'year-end', 'narrative'],
      deadline: { at: '2017-05-26T12:00:00Z', source: null, assumed: 'a test deadline' },
    },
  },
  lists: {
    'yes-no': ['Yes', 'No'],
    'condition-status': ['Yes', 'No', 'No - In Progress'],
    'condition-status-year-end': ['Yes', 'No'],
    'metric-status': [
      'On track to meet target',
      'Not on track to meet target',
      'Data not available to assess progress',
    ],
    agreement: ['Strongly Agree', 'Agree', 'Neither Agree Nor Disagree', 'Disagree', 'Strongly Disagree'],
  },
  sections: [
    {
      id: 'cover',
      title: 'Cover',
      fields: [
        {
          id: 'cover.hwb',
          label: 'Health and Well Being Board',
          type: 'text',
          prepopulate: { from: 'hwb-name' },
          row: 'HWB',
        },
        { id: 'cover.completedBy', label: 'completed by', type: 'text', lengthMax: 10, row: 'completed by' },
        { id: 'cover.email', label: 'E-Mail', type: 'email', row: 'E-Mail' },
        { id: 'cover.phone', label: 'Contact Number', type: 'phone', row: 'Contact Number' },
      ],
    },
    {
      id: 'budget',
      title: 'Budget Arrangements',
      fields: [
        {
          id: 'budget.pooledViaS75',
          label: 'Pooled via s.75?',
          type: 'choice',
          list: 'yes-no',
          row: 'pooled',
        },
        { id: 'budget.poolingDate', label: 'When', type: 'date', row: 'when' },
      ],
    },
    {
      id: 'conditions',
      title: 'National Conditions',
      fields: [
        {
          id: 'conditions.1.status',
          label: 'Plans to be jointly agreed',
          type: 'choice',
          list: 'condition-status',
          quarters: [1, 2, 3],
          row: '1) Plans to be jointly agreed',
        },
        {
          id: 'conditions.1.statusYearEnd',
          label: 'Plans to be jointly agreed',
          type: 'choice',
          list: 'condition-status-year-end',
          quarters: [4],
          row: '1) Plans to be jointly agreed',
        },
      ],
    },
    {
      id: 'ie',
      title: 'I&E',
      fields: [
        {
          id: 'ie.pooledFund',
          label: 'Pooled fund',
          type: 'money',
          prepopulate: { from: 'pooled-fund-total' },
          row: 'pooled fund',
        },
        {
          id: 'ie.income.plan.q1',
          label: 'Income plan Q1',
          type: 'money',
          quarter: 1,
          carried: true,
          prepopulate: { from: 'fund-figure', basis: 'plan', direction: 'income', quarter: 1 },
          row: 'Income',
          column: 'Q1',
        },
        {
          id: 'ie.income.plan.q2',
          label: 'Income plan Q2',
          type: 'money',
          quarter: 2,
          carried: true,
          prepopulate: { from: 'fund-figure', basis: 'plan', direction: 'income', quarter: 2 },
          row: 'Income',
          column: 'Q2',
        },
        {
          id: 'ie.income.actual.q1',
          label: 'Income actual Q1',
          type: 'money',
          quarter: 1,
          carried: true,
          row: 'Income',
          column: 'Q1 actual',
        },
        {
          id: 'ie.income.actual.q2',
          label: 'Income actual Q2',
          type: 'money',
          quarter: 2,
          carried: true,
          quarters: [2, 3, 4],
          row: 'Income',
          column: 'Q2 actual',
        },
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
          decimals: 1,
          notAvailable: true,
          row: 'NEA',
        },
        { id: 'metrics.nea.status', label: 'NEA status', type: 'choice', list: 'metric-status', row: 'NEA' },
      ],
    },
    {
      id: 'additional',
      title: 'Additional Measures',
      fields: [
        { id: 'additional.phb.total', label: 'PHBs', type: 'count', row: 'PHBs' },
        { id: 'additional.phb.chcPercent', label: 'CHC %', type: 'percent', decimals: 0, row: 'CHC %' },
        { id: 'additional.openApi.goLive.gp', label: 'Go live', type: 'live-or-date', row: 'GP' },
      ],
    },
    {
      id: 'year-end',
      title: 'Year End Feedback',
      fields: [
        { id: 'yearEnd.statement.1', label: 'Statement 1', type: 'choice', list: 'agreement', row: '1' },
      ],
    },
    {
      id: 'narrative',
      title: 'Narrative',
      fields: [{ id: 'narrative.text', label: 'Narrative', type: 'text', lengthMax: 20, row: 'Narrative' }],
    },
  ],
  rules: [
    {
      rule: 'Q5',
      severity: 'blocking',
      source: 'test',
      kind: 'number-bounds',
      min: -10,
      max: 1000,
    },
  ],
  consistency: [],
};
