import {
  AreaFacts,
  CheckResult,
  PlanContent,
  PlanState,
  PlanningReference,
  checkPlan,
  evolvePlan,
  recordPlanDocument,
} from '@bcl/domain-plans';
import reference from '../../libs/domain-plans/reference/bcf-2017-19.json';
import kentDocument from '../../demo/plans/kent-2017-19.json';
import medwayDocument from '../../demo/plans/medway-2017-19.json';
import { readDemoFile, stepsOf } from '../../apps/api/src/demo/demo-files';

const REFERENCE = reference as PlanningReference;
/** Kent's members of a role, as the demo registry (demo/registry.json) records them. */
const kentMembers = (role: string) =>
  stepsOf(readDemoFile('registry.json'), 'AddAreaMember')
    .filter(({ input }) => input.areaId === 'kent' && input.role === role)
    .map(({ input }) => input.organisationId);
/** An area's memberships, with their dates, as the demo registry records them. */
const membershipsOf = (areaId: string) =>
  stepsOf(readDemoFile('registry.json'), 'AddAreaMember')
    .filter(({ input }) => input.areaId === areaId)
    .map(({ input }) => ({ organisationId: input.organisationId, from: input.from, until: null }));
const KENT: AreaFacts = {
  areaId: 'kent',
  organisationIds: [
    'kent-county-council',
    ...kentMembers('district-council'),
    ...kentMembers('nhs-commissioner'),
  ],
  districtIds: kentMembers('district-council'),
  twoTier: true,
  memberships: membershipsOf('kent'),
};
const MEDWAY: AreaFacts = {
  areaId: 'medway',
  organisationIds: ['medway-council', 'nhs-medway-ccg'],
  districtIds: [],
  twoTier: false,
  memberships: membershipsOf('medway'),
};

function imported(
  document: { planId: string; areaId: string; cycle: string; justification: string },
  area: AreaFacts,
) {
  const { planId, areaId, cycle, justification, ...content } = document as typeof document &
    Partial<PlanContent>;
  const events = recordPlanDocument(
    undefined,
    { planId, areaId, cycle, justification, content },
    REFERENCE,
    area,
  );
  const state = events.reduce<PlanState | undefined>(evolvePlan, undefined)!;
  return { events, state, checks: checkPlan(state, REFERENCE, area) };
}
const byId = (checks: CheckResult[]) =>
  Object.fromEntries(checks.map((c) => [c.checkId, [c.severity, c.outcome, c.figures?.difference]]));

describe('the checks on the real Kent 2017-19 figures (brief §5.1-5.3)', () => {
  const { checks } = imported(kentDocument, KENT);
  const results = byId(checks);

  it('finds the stated totals within £2 of their parts: rounding, not discrepancies', () => {
    expect(results['S6:pooled-budget:2017-18']).toEqual(['information', 'rounding', '£2']); // £134,684,888 vs £134,684,886
    expect(results['S6:pooled-budget:2018-19']).toEqual(['information', 'rounding', '£1']); // £146,353,000 vs £146,352,999
    expect(results['S6:nhs-minimum:2017-18']).toEqual(['information', 'rounding', '£1']); // £93,821,153 vs £93,821,152
    expect(results['S6:nhs-minimum:2018-19']).toEqual(['information', 'rounding', '£1']);
    for (const id of [
      'S6:dfg:2017-18',
      'S6:dfg:2018-19',
      'S6:ibcf:2017-18',
      'S6:ibcf:2018-19',
      'S6:nhs-additional:2017-18',
    ])
      expect(results[id]).toEqual(['information', 'pass', '£0']);
  });

  it('finds the DFG passed down to the twelve districts in full, to within rounding', () => {
    expect(results['F13:dfg-pass-down:2017-18']).toEqual(['information', 'rounding', '£2']); // £14,387,026 vs £14,387,024
    expect(results['F13:dfg-pass-down:2018-19']).toEqual(['information', 'rounding', '-£1']); // £15,645,643 vs £15,645,644
  });

  it('finds the annual non-elective admissions one admission off the sum of their quarters', () => {
    expect(results['S6:nea-annual:2017-18']).toEqual(['information', 'rounding', '-1']); // 160,962 vs 160,963
    expect(results['S6:nea-annual:2018-19']).toEqual(['information', 'rounding', '1']); // 157,950 vs 157,949
  });

  it('recomputes every stated metric rate from its numerator and denominator, and all twenty agree', () => {
    const rates = checks.filter((c) => c.rule === 'M1' || c.rule === 'M2');
    expect(rates).toHaveLength(20);
    expect(rates.every((c) => c.outcome === 'pass')).toBe(true);
  });

  // Issue 12 §4: this used to assert ['blocking', 'fail', '-£134,684,886'], encoding the defect that a plan
  // with no scheme-level spend could never be signed off. With the input absent, F2 is not checkable.
  it('cannot check F2 (not-checkable, not a blocking failure): the seeds hold no scheme-level planned spend', () => {
    for (const year of ['2017-18', '2018-19']) {
      const f2 = checks.find((c) => c.checkId === `F2:expenditure-equals-pooled:${year}`)!;
      expect([f2.severity, f2.outcome]).toEqual(['warning', 'not-checkable']);
      expect(f2.message).toContain(`missing: schemes[].spend for ${year}`);
    }
    expect(results['F2:expenditure-equals-pooled:2017-18']![2]).toBeUndefined();
    expect(checks.filter((c) => c.severity === 'blocking' && c.outcome !== 'pass')).toEqual([]);
  });

  it('cannot check Condition 2 without an assured 2016-17 baseline, and flags the scheme with no national condition', () => {
    expect(results['C2:asc-minimum:2017-18']).toEqual(['warning', 'not-checkable', undefined]);
    expect(results['P10:carers-break']).toEqual(['warning', 'fail', undefined]);
    expect(checks.filter((c) => c.rule === 'P10')).toHaveLength(1);
    expect(results['F7:ibcf:2018-19']).toEqual(['information', 'pass', undefined]);
  });

  it('finds no two lines with identical amounts in every year (D1)', () => {
    expect(checks.filter((c) => c.rule === 'D1')).toEqual([]);
  });

  it('finds every contributor a member of Kent throughout 2017-18 and 2018-19 (A1)', () => {
    expect(checks.filter((c) => c.rule === 'A1')).toEqual([]);
  });

  it("finds every CCG's 2018-19 minimum 1.9% above its 2017-18 one, to the nearest pound (U1, brief §5.1(e))", () => {
    const u1 = checks.filter((c) => c.rule === 'U1' && c.checkId.includes(':nhs-minimum/'));
    expect(u1).toHaveLength(7);
    expect(u1.filter((c) => c.outcome === 'rounding').map((c) => c.figures?.difference)).toEqual([
      '-£0.20', // Canterbury and Coastal: £13,105,423 against £13,105,423.20
      '-£0.32', // Dartford, Gravesham and Swanley
      '-£0.66', // South Kent Coast: £13,706,711 against £13,706,711.66
      '-£0.19', // Thanet
    ]);
    expect(u1.every((c) => c.severity === 'information')).toBe(true);
    // the reference sets no uplift for the DFG, the iBCF or additional contributions
    expect(results['U1:required-uplift:ibcf/kent-county-council:2017-18..2018-19']).toEqual([
      'information',
      'not-checkable',
      undefined,
    ]);
  });

  it('finds the stated totals moving as their lines do, to within rounding (Y1)', () => {
    expect(results['Y1:nhs-minimum:2017-18..2018-19']).toEqual(['information', 'pass', '+0p']); // +£1,782,602
    expect(results['Y1:pooled-budget:2017-18..2018-19']).toEqual(['information', 'rounding', '-100p']); // +£11,668,112 vs +£11,668,113
    expect(results['Y1:nea-annual:2017-18..2018-19']).toEqual(['information', 'rounding', '+2 admissions']);
  });

  it('checks the pooled budget against its stated subtotals as well as its lines (S6)', () => {
    // £93,821,153 + £84,700 + £14,387,024 + £26,392,010 = £134,684,887, against £134,684,886 from the lines
    expect(results['S6:pooled-budget:2017-18:subtotals']).toEqual(['information', 'rounding', '£1']);
    expect(results['S6:pooled-budget:2018-19:subtotals']).toEqual(['information', 'pass', '£0']);
    expect(checks.find((c) => c.checkId === 'S6:pooled-budget:2018-19:subtotals')!.message).toBe(
      '2018-19 pooled-budget: stated £146,353,000; from the stated subtotals (nhs-minimum, nhs-additional, dfg, ibcf) £146,353,000 (agrees); from the lines £146,352,999 (rounding)',
    );
  });

  it('blocks a contributor recorded as a member only from 2030 (A1)', () => {
    const late = {
      ...KENT,
      memberships: KENT.memberships!.map((m) =>
        m.organisationId === 'nhs-swale-ccg' ? { ...m, from: '2030-04-01' } : m,
      ),
    };
    const { checks: lateChecks } = imported(kentDocument, late);
    expect(lateChecks.filter((c) => c.rule === 'A1').map((c) => [c.checkId, c.severity])).toEqual([
      ['A1:contributor-membership:nhs-additional/nhs-swale-ccg:2017-18', 'blocking'],
      ['A1:contributor-membership:nhs-additional/nhs-swale-ccg:2018-19', 'blocking'],
      ['A1:contributor-membership:nhs-minimum/nhs-swale-ccg:2017-18', 'blocking'],
      ['A1:contributor-membership:nhs-minimum/nhs-swale-ccg:2018-19', 'blocking'],
    ]);
  });
});

describe('the checks on the real Medway 2017-19 figures (brief §5.5)', () => {
  const { checks } = imported(medwayDocument, MEDWAY);
  const results = byId(checks);

  it('finds the 2017-18 expenditure total £50,000 above the sum of the fifteen schemes: a discrepancy', () => {
    expect(results['S6:expenditure:2017-18']).toEqual(['warning', 'fail', '£50,000']); // £24,531,862 vs £24,481,862
    expect(results['S6:expenditure:2018-19']).toEqual(['information', 'pass', '£0']); // £26,368,341
    expect(results['S6:ibcf:2017-18']).toEqual(['information', 'pass', '£0']);
  });

  it('scores every risk as likelihood × impact, all nine as stated', () => {
    const risks = checks.filter((c) => c.rule === 'R2');
    expect(risks).toHaveLength(9);
    expect(risks.every((c) => c.outcome === 'pass')).toBe(true);
  });

  it('cannot balance the pool: only the iBCF contribution is stated, so spend exceeds contributions', () => {
    expect(results['F2:expenditure-equals-pooled:2017-18']).toEqual(['blocking', 'fail', '£20,519,554']);
    expect(results['S6:pooled-budget:2018-19']).toEqual(['warning', 'fail', '£21,216,779']);
    expect(checks.some((c) => c.rule === 'F13')).toBe(false); // unitary: no DFG pass-down
  });

  it('finds the expenditure total moving £50,000 less than the fifteen schemes do (Y1)', () => {
    // stated £24,531,862 → £26,368,341 (+£1,836,479); schemes £24,481,862 → £26,368,341 (+£1,886,479)
    const y1 = checks.find((c) => c.checkId === 'Y1:expenditure:2017-18..2018-19')!;
    expect([y1.severity, y1.outcome]).toEqual(['warning', 'fail']);
    expect(y1.message).toContain('stated movement +183647900p, movement of its lines +188647900p');
  });

  it('warns that the DFG scheme and "Spend currently being finalised" have identical amounts in both years (D1)', () => {
    const duplicates = checks.filter((c) => c.rule === 'D1');
    expect(duplicates.map((c) => [c.checkId, c.severity, c.outcome])).toEqual([
      ['D1:possible-duplicate:schemes:scheme-11+scheme-15', 'warning', 'fail'],
    ]);
    expect(duplicates[0]!.message).toContain('2017-18 £1,854,496, 2018-19 £2,017,933');
  });
});
