import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Quarter } from '@bcl/kernel';
import {
  FieldValue,
  QuarterlyReturnState,
  ReturnCheck,
  checkReturn,
  evolveReturn,
  foldReturn,
  importIntoReturn,
  issueReturn,
  submitReturn,
  valueProblems,
} from '@bcl/domain-returns';
import { readReturnTemplate } from './template-files';

/**
 * Southend-on-Sea's four 2016-17 returns (demo/returns, BRIEF §5.7) through the real template and lifecycle:
 * issued in turn (each carrying the last one's figures), filled with the seed's values, submitted on the dates the
 * demo gives; then every check, asserted figure by figure. The ledger pre-fills nothing here (no pool is read),
 * as for a return whose ledger held no figures when it was issued.
 */
const template = readReturnTemplate('bcf-quarterly-2016-17');
const SUBMITTED: Record<Quarter, string> = {
  1: '2016-09-30T12:00:00Z',
  2: '2016-11-25T12:00:00Z',
  3: '2017-03-03T12:00:00Z',
  4: '2017-05-31T12:00:00Z',
};
const valuesOf = (quarter: Quarter, suffix = ''): Record<string, FieldValue> =>
  JSON.parse(
    readFileSync(
      resolve(__dirname, `../../../demo/returns/southend-on-sea-2016-17-q${quarter}${suffix}.json`),
      'utf8',
    ),
  ).values;

const returns: QuarterlyReturnState[] = [];
const checks = new Map<Quarter, ReturnCheck[]>();
for (const quarter of [1, 2, 3, 4] as Quarter[]) {
  const previous = returns.at(-1) ?? null;
  const target = { areaId: 'southend-on-sea', financialYear: '2016-17', quarter };
  let state = foldReturn(
    issueReturn(
      undefined,
      { ...target, templateVersion: template.templateVersion },
      { template, prepopulated: {}, previous, deadline: template.quarters[`Q${quarter}`].deadline },
    ),
  )!;
  const values = { ...valuesOf(quarter), ...(quarter < 4 ? valuesOf(quarter, '-reablement') : {}) };
  for (const event of importIntoReturn(state, { values, amendments: [], by: 'nick-faint' }, template))
    state = evolveReturn(state, event);
  const signOff = {
    approvalId: `q${quarter}-chair`,
    version: state.version,
    signedBy: 'p-0007',
    actingPostId: 'southend-hwb-chair',
    on: SUBMITTED[quarter].slice(0, 10),
  };
  const submission = { submittedAt: SUBMITTED[quarter], channel: 'email', fileName: 'Southend-on-Sea HWB' };
  for (const event of submitReturn(state, submission, { signOff, blocking: [] }))
    state = evolveReturn(state, event);
  checks.set(
    quarter,
    checkReturn({
      template,
      returnId: state.returnId,
      quarter,
      cells: state.cells,
      earlier: returns.map((r) => ({ returnId: r.returnId, quarter: r.quarter, cells: r.cells })),
      amendments: state.amendments,
      submitted: state.submitted,
      completedOn: SUBMITTED[quarter].slice(0, 10),
    }),
  );
  returns.push(state);
}

const failing = (quarter: Quarter, rule: string) =>
  checks.get(quarter)!.filter((c) => c.rule === rule && c.outcome === 'fail');
const outcome = (quarter: Quarter, checkId: string) =>
  checks.get(quarter)!.find((c) => c.checkId === checkId)?.outcome;

describe("Southend-on-Sea's 2016-17 returns, checked by the 2016-17 template (BRIEF §5.7)", () => {
  it('hold only values the template allows, and no blocking check fails in any quarter', () => {
    for (const quarter of [1, 2, 3, 4] as Quarter[]) {
      expect(valueProblems(template, quarter, valuesOf(quarter))).toEqual([]);
      expect(checks.get(quarter)!.filter((c) => c.severity === 'blocking' && c.outcome === 'fail')).toEqual(
        [],
      );
    }
  });

  it('Q9: plan and forecast (and at Q4 the actuals) add up to the pooled fund of £13,131,049 in every quarter', () => {
    for (const quarter of [1, 2, 3, 4] as Quarter[])
      for (const id of ['Q9:ie.income.plan.q1', 'Q9:ie.expenditure.forecast.q1'])
        expect([quarter, id, outcome(quarter, id)]).toEqual([quarter, id, 'pass']);
    expect(outcome(4, 'Q9:ie.income.actual.q1')).toBe('pass');
    expect(returns[3]!.cells['ie.pooledFund']!.value).toBe(1_313_104_900); // carried from Q1
  });

  it('R1: 24 PHBs + 7 new − 17 stopped is 14, not the 24 stated, in Q2-Q4; Q1 has no opening to roll', () => {
    expect(checks.get(1)!.find((c) => c.checkId.startsWith('R1:'))!.outcome).toBe('not-checkable');
    for (const quarter of [2, 3, 4] as Quarter[]) {
      const [finding] = failing(quarter, 'R1');
      expect(finding!.message).toMatch(/24 .*\+ added 7 − stopped 17 = 14/);
      expect(finding!.cells.map((c) => [c.field, c.returnId, c.value])).toEqual(
        expect.arrayContaining([
          ['additional.phb.total', `southend-on-sea-2016-17-q${quarter - 1}`, 24],
          ['additional.phb.total', `southend-on-sea-2016-17-q${quarter}`, 24],
        ]),
      );
    }
  });

  it('R2: 94% of 24 people is no whole number of them in any quarter (22 is 92%, 23 is 96%)', () => {
    for (const quarter of [1, 2, 3, 4] as Quarter[]) {
      const [finding] = failing(quarter, 'R2');
      expect(finding!.message).toMatch(/92.*22.*96.*23|22.*92.*23.*96/);
    }
  });

  it('R3: the stated PHB rates agree with 24 per 180,589 (13.29: "13", "13.3") and per 182,046 (13.18: "13")', () => {
    for (const quarter of [1, 2, 3, 4] as Quarter[]) expect(failing(quarter, 'R3')).toEqual([]);
    expect(
      checks
        .get(4)!
        .filter((c) => c.rule === 'R3')
        .map((c) => c.outcome),
    ).toContain('pass');
  });

  it('R4: Q1 calls the patient experience metric on track at 91.2 against a target of 91.7; later quarters do not', () => {
    expect(failing(1, 'R4').map((c) => c.checkId)).toEqual(['R4:metrics.patientExperience.status']);
    for (const quarter of [2, 3, 4] as Quarter[]) expect(failing(quarter, 'R4')).toEqual([]);
  });

  it('R5: condition 4i says the NHS Number is the consistent identifier while mental health and palliative care do not use it', () => {
    for (const quarter of [1, 2, 3, 4] as Quarter[])
      expect(failing(quarter, 'R5').map((c) => c.cells.map((cell) => cell.field))).toEqual([
        ['conditions.4i.status', 'additional.nhsNumber.correspondence.mentalHealth'],
        ['conditions.4i.status', 'additional.nhsNumber.correspondence.palliative'],
      ]);
  });

  it('R6: at Q4 (completed 31 May 2017) every setting still projects going live on 31 March 2017', () => {
    expect(failing(4, 'R6')).toHaveLength(6);
    for (const quarter of [1, 2, 3] as Quarter[]) expect(failing(quarter, 'R6')).toEqual([]);
  });

  it('R7: at Q4 the acute integrated care teams answer and the population change with no commentary', () => {
    expect(failing(4, 'R7').map((c) => c.checkId)).toEqual([
      'R7:additional.integratedTeams.acute',
      'R7:additional.phb.population',
      'R7:additional.phb.populationBasis',
    ]);
    const acute = failing(4, 'R7')[0]!;
    expect(acute.cells.map((c) => [c.returnId, c.value])).toEqual([
      ['southend-on-sea-2016-17-q3', 'Yes - throughout the Health and Wellbeing Board area'],
      ['southend-on-sea-2016-17-q4', 'Yes - in some parts of Health and Wellbeing Board area'],
    ]);
  });

  it('Q2: late against the default deadlines (assumed) in Q1, Q3 and Q4; Q2 on its cited deadline', () => {
    expect([1, 2, 3, 4].map((q) => failing(q as Quarter, 'Q2').length)).toEqual([1, 0, 1, 1]);
    expect(failing(3, 'Q2')[0]!.message).toMatch(/assumed/);
  });

  it('R8: no figure was restated across the four returns (no PriorQuarterAmended)', () => {
    for (const quarter of [1, 2, 3, 4] as Quarter[]) expect(failing(quarter, 'R8')).toEqual([]);
    expect(returns.flatMap((r) => r.amendments)).toEqual([]);
  });
});
