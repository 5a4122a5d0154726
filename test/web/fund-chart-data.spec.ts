import {
  PoolYearPosition,
  csvOf,
  quarterPoints,
  quarterRows,
  quartersCsv,
  schemePoints,
  schemeRows,
  schemesCsv,
  totalPence,
} from '../../apps/web/src/features/fund/chart-data';
import { positionLines } from '../../apps/web/src/features/fund/position-summary';

const line = (ledgerPence: number, planPence: number | null, statedActualPence: number | null) => ({
  planPence,
  forecastPence: null,
  statedActualPence,
  ledgerPence,
});

/** The parts of a position the charts read (the rest of a position does not matter to them). */
const position = {
  byQuarter: [
    { quarter: 1, income: line(10, 11, 10), expenditure: line(7, null, 7) },
    { quarter: 2, income: line(20, 21, null), expenditure: line(3, null, null) },
    { quarter: 3, income: line(0, null, null), expenditure: line(0, null, null) },
    { quarter: 4, income: line(0, null, null), expenditure: line(0, null, null) },
  ],
  schemes: [
    {
      schemeId: 's1',
      name: 'Carers, "respite" breaks',
      budgetPence: 1000,
      plannedPence: 900,
      actualPence: 1100,
    },
    { schemeId: 's2', name: null, budgetPence: null, plannedPence: 500, actualPence: 0 },
    { schemeId: 's3', name: '=HYPERLINK("x")', budgetPence: null, plannedPence: null, actualPence: 42 },
  ],
} as unknown as PoolYearPosition;

describe("the fund pages' chart data: pence in the tables and files, pounds only on the axis", () => {
  it("gives each quarter the ledger's contributions and spend beside the stated plan and actual", () => {
    const rows = quarterRows(position);
    expect(rows[0]).toEqual({
      quarter: 1,
      label: 'Q1',
      contributionsPence: 10,
      spendPence: 7,
      plannedContributionsPence: 11,
      statedContributionsPence: 10,
      plannedSpendPence: null,
      statedSpendPence: 7,
    });
    expect(quarterPoints(rows).slice(0, 2)).toEqual([
      { group: 'Q1', measure: 'Contributions', pounds: 0.1 },
      { group: 'Q1', measure: 'Spend', pounds: 0.07 },
    ]);
  });

  it("measures a scheme against its schedule's budget, else the plan's figure, else nothing", () => {
    const rows = schemeRows(position);
    expect(rows.map((r) => [r.schemeId, r.name, r.budgetPence, r.budgetSource, r.differencePence])).toEqual([
      ['s1', 'Carers, "respite" breaks', 1000, 'schedule', 100],
      ['s2', 's2', 500, 'plan', -500],
      ['s3', '=HYPERLINK("x")', null, null, null],
    ]);
    // a scheme with no budget plots its actual alone
    expect(schemePoints(rows).filter((p) => p.group === 's3')).toEqual([
      { group: 's3', measure: 'Actual', pounds: 0.42 },
    ]);
  });

  it('sums money as integer pence (0.1 + 0.2 in pounds would not be 0.3), and refuses an unsafe total', () => {
    expect(totalPence([10, 20, null])).toBe(30);
    expect(totalPence([])).toBe(0);
    expect(() => totalPence([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });

  it('writes RFC 4180 CSV: quoted where needed, formulas escaped, pence as integers, empty for none', () => {
    expect(schemesCsv(schemeRows(position)).split('\r\n')).toEqual([
      'scheme_id,scheme,budget_pence,budget_source,actual_pence,difference_pence',
      's1,"Carers, ""respite"" breaks",1000,schedule,1100,100',
      's2,s2,500,plan,0,-500',
      `s3,"'=HYPERLINK(""x"")",,,42,`,
      '',
    ]);
    expect(quartersCsv(quarterRows(position)).split('\r\n')[1]).toBe('1,10,7,11,10,,7');
    expect(csvOf(['a'], [['line\nbreak']])).toBe('a\r\n"line\nbreak"\r\n');
  });
});

describe("the fund page's position lines", () => {
  const base = {
    contributionTotals: { committedPence: 300, receivedPence: 200, outstandingPence: 100 },
    expenditurePence: 250,
    overspendChargedPence: -0,
    bankPence: 50,
    underspendPence: 50,
    overspendPence: 0,
    broughtForward: [],
    dfgPassedDown: [],
    reserves: [],
    carriedForward: [],
  };

  it('adds up what was brought forward and passed down, lists each reserve, and leaves out what the year lacks', () => {
    const lines = positionLines({
      ...base,
      broughtForward: [
        { purpose: 'one-off-projects', amountPence: 20_000_000 },
        { purpose: 'contingency', amountPence: 11_700_000 },
      ],
      reserves: [{ reserve: 'risk-share', amountPence: 10_100_000 }],
    } as unknown as PoolYearPosition);
    expect(lines.map((l) => [l.label, l.pence])).toEqual([
      ['Contributions committed', 300],
      ['Contributions received', 200],
      ['Contributions outstanding', 100],
      ['Brought forward from the previous year', 31_700_000],
      ['Spend on schemes', 250],
      ['Overspend charged to partners', 0],
      ['Reserve: risk-share', 10_100_000],
      ['Bank balance', 50],
      ['Underspend', 50],
      ['Overspend', 0],
    ]);
    // no charge is 0, not -0 (which would show as -£0.00)
    expect(Object.is(lines.find((l) => l.label.startsWith('Overspend charged'))!.pence, 0)).toBe(true);
  });
});
