import { refusal } from '@bcl/testing';
import {
  PlanState,
  acceptWarning,
  checkPlan,
  diffContent,
  planVersions,
  rateAt,
  recordLifecycleStep,
  recordPlanDocument,
} from './index';
import { REFERENCE, AREA, base, fold, contribution, spending, total, find } from './plan-rules.fixtures';

describe('plan rules at their boundaries', () => {
  it('classifies a stated total £2 off as rounding and £2.01 off as a discrepancy (brief §6)', () => {
    const parts = [contribution(100_000_00)];
    expect(
      find(
        { contributions: parts, statedTotals: [total('pooled-budget', 100_000_00 + 200)] },
        'S6:pooled-budget:2017-18',
      ),
    ).toMatchObject({ outcome: 'rounding', severity: 'information' });
    expect(
      find(
        { contributions: parts, statedTotals: [total('pooled-budget', 100_000_00 - 201)] },
        'S6:pooled-budget:2017-18',
      ),
    ).toMatchObject({ outcome: 'fail', severity: 'warning' });
  });

  it('requires Condition 2 at baseline × 1.0179, then × 1.019, or frontloaded (C2-2, C2-3)', () => {
    const asc = (y17: number, y18: number) => ({
      key: 'maintain-social-care',
      name: 'Maintain social care',
      type: 'x',
      leadCommissionerId: null,
      providerId: null,
      nationalConditions: ['2'],
      hicmChanges: [],
      spend: [
        { year: '2017-18', source: 'nhs-minimum', category: 'adult-social-care', amountPence: y17 },
        { year: '2018-19', source: 'nhs-minimum', category: 'adult-social-care', amountPence: y18 },
      ],
    });
    const baseline = (frontloaded: boolean) => [
      { key: 'baseline', baselinePence: 1_000_000_00, frontloaded, source: 'test' },
    ];
    // £1,000,000 × 1.0179 = £1,017,900; × 1.019 = £1,037,240.10 → at least £1,037,240.10
    const outcome = (y17: number, y18: number, frontloaded = false, year = '2017-18') =>
      find({ schemes: [asc(y17, y18)], ascBaseline: baseline(frontloaded) }, `C2:asc-minimum:${year}`)!
        .outcome;
    expect(outcome(1_017_900_00, 0)).toBe('pass');
    expect(outcome(1_017_899_99, 0)).toBe('fail');
    expect(outcome(0, 1_037_240_10, false, '2018-19')).toBe('pass');
    expect(outcome(0, 1_037_240_09, false, '2018-19')).toBe('fail');
    expect(outcome(1_017_900_00, 0, true)).toBe('fail'); // frontloaded: 2017-18 must already carry both uplifts
    expect(outcome(1_037_240_10, 0, true)).toBe('pass');
  });

  it('does not let iBCF money count toward Condition 2, nor spend more iBCF than is pooled (F7)', () => {
    const spend = (source: string, amountPence: number) => ({
      key: 's',
      name: 's',
      type: 'x',
      leadCommissionerId: null,
      providerId: null,
      nationalConditions: ['2'],
      hicmChanges: [],
      spend: [{ year: '2017-18', source, category: 'adult-social-care', amountPence }],
    });
    const withIbcf = {
      contributions: [contribution(5_00, 'ibcf', 'kcc')],
      ascBaseline: [{ key: 'b', baselinePence: 1_00, frontloaded: false, source: 't' }],
    };
    expect(find({ ...withIbcf, schemes: [spend('ibcf', 5_00)] }, 'C2:asc-minimum:2017-18')!.outcome).toBe(
      'fail',
    );
    expect(find({ ...withIbcf, schemes: [spend('ibcf', 5_00)] }, 'F7:ibcf:2017-18')!.outcome).toBe('pass');
    expect(find({ ...withIbcf, schemes: [spend('ibcf', 5_01)] }, 'F7:ibcf:2017-18')).toMatchObject({
      outcome: 'fail',
      severity: 'blocking',
    });
  });

  it('requires the DFG passed down in full in two-tier areas, unless a joint agreement is recorded (F13)', () => {
    const dfg = contribution(1_000_00, 'dfg', 'kcc');
    const down = (pence: number) => [
      { key: 'district-a', districtId: 'district-a', amountsPence: { '2017-18': pence } },
    ];
    expect(
      find({ contributions: [dfg], dfgPassDown: down(1_000_00 - 200) }, 'F13:dfg-pass-down:2017-18')!.outcome,
    ).toBe('rounding');
    expect(
      find({ contributions: [dfg], dfgPassDown: down(1_000_00 - 201) }, 'F13:dfg-pass-down:2017-18')!
        .severity,
    ).toBe('blocking');
    const agreed = {
      contributions: [dfg],
      dfgPassDown: down(500_00),
      dfgJointAgreements: [{ key: 'a', year: '2017-18', source: 'minute 12' }],
    };
    expect(find(agreed, 'F13:dfg-pass-down:2017-18')!.severity).toBe('information');
  });

  it('checks non-elective admissions within one admission of their quarters (M3), and risk scores exactly (R2)', () => {
    const quarters = [100, 200, 300, 400].map((value, q) => ({
      key: `nea/${q}`,
      metric: 'non-elective-admissions',
      period: `2017-18 Q${q + 1}`,
      numerator: null,
      denominator: null,
      statedValue: String(value),
      unit: 'count',
    }));
    const nea = (value: number) => ({ key: 'nea', table: 'nea-annual', year: '2017-18', value, source: 't' });
    const outcome = (value: number) =>
      find({ metrics: quarters, statedTotals: [nea(value)] }, 'S6:nea-annual:2017-18')!.outcome;
    expect([outcome(1000), outcome(1001), outcome(999), outcome(1002)]).toEqual([
      'pass',
      'rounding',
      'rounding',
      'fail',
    ]);
    const risk = (statedScore: number | null) => ({
      key: 'r',
      description: 'd',
      likelihood: 3,
      impact: 4,
      statedScore,
      mitigations: '',
      owner: null,
    });
    expect(find({ risks: [risk(12)] }, 'R2:r')).toMatchObject({ outcome: 'pass', severity: 'information' });
    expect(find({ risks: [risk(11)] }, 'R2:r')).toMatchObject({ outcome: 'fail', severity: 'warning' });
    expect(find({ risks: [risk(null)] }, 'R2:r')).toBeUndefined();
  });

  it('flags a stated rate that its numerator and denominator do not give (M1)', () => {
    const rate = (statedValue: string) => ({
      key: 'res',
      metric: 'residential-admissions',
      period: '2017-18',
      numerator: 1595,
      denominator: 312626,
      statedValue,
      unit: 'rate-per-100000',
    });
    expect(find({ metrics: [rate('510.2')] }, 'M1:res')!.outcome).toBe('pass');
    expect(find({ metrics: [rate('510.19')] }, 'M1:res')!.outcome).toBe('pass'); // checked at the stated precision
    expect(find({ metrics: [rate('510.3')] }, 'M1:res')).toMatchObject({
      outcome: 'fail',
      severity: 'warning',
    });
  });

  it('rounds rates half up at the stated precision (M1, M2)', () => {
    expect(rateAt(1595, 312626, 100_000n, 1)).toBe('510.2');
    expect(rateAt(1, 8, 100n, 1)).toBe('12.5');
    expect(rateAt(1, 16, 100n, 1)).toBe('6.3'); // 6.25 rounds up
    expect(rateAt(2, 3, 100n, 0)).toBe('67');
  });

  it('refuses figures the reference data or the area does not allow, naming the field', () => {
    const record = (content: object) =>
      refusal(() => recordPlanDocument(undefined, { ...base, content }, REFERENCE, AREA));
    expect(record({ contributions: [contribution(-1)] })).toBe(
      'invalid contributions[0].amountsPence.2017-18',
    );
    expect(record({ contributions: [contribution(1.5)] })).toBe(
      'invalid contributions[0].amountsPence.2017-18',
    );
    expect(record({ contributions: [contribution(1, 'nhs-minimum', 'nhs-elsewhere-ccg')] })).toBe(
      'invalid contributions[0].contributorId',
    );
    expect(record({ contributions: [{ ...contribution(1), amountsPence: { '2019-20': 1 } }] })).toBe(
      'invalid contributions[0].amountsPence.2019-20',
    );
    expect(record({ dfgPassDown: [{ key: 'x', districtId: 'kcc', amountsPence: {} }] })).toBe(
      'invalid dfgPassDown[0].districtId',
    );
    expect(record({ contributions: [contribution(1), contribution(2)] })).toBe(
      'invalid contributions[1].key',
    );
    expect(record({ statedTotals: [total('expenditure', 10_000_000_000_01)] })).toBe(
      'invalid statedTotals[0].value',
    );
  });
});

describe('plan lifecycle and versions', () => {
  const clean = { contributions: [contribution(100_00)], schemes: [] };
  const start = () => fold(recordPlanDocument(undefined, { ...base, content: clean }, REFERENCE, AREA));
  const step = (state: PlanState, s: Parameters<typeof recordLifecycleStep>[1]['step'], delegated = false) =>
    fold(
      recordLifecycleStep(
        state,
        { planId: base.planId, step: s, on: '2017-09-11', parties: ['kcc', 'ccg-a'], delegated },
        checkPlan(state, REFERENCE, AREA),
      ),
      state,
    );

  it('warns when a version is submitted with no sign-off (P2), and refuses assurance before submission', () => {
    const agreed = step(start(), 'jointly-agreed');
    expect(refusal(() => step(agreed, 'regionally-assured'))).toBe('conflict step');
    const submitted = step(agreed, 'submitted');
    expect(checkPlan(submitted, REFERENCE, AREA).find((c) => c.rule === 'P2')).toMatchObject({
      severity: 'warning',
      outcome: 'fail',
    });
    expect(refusal(() => step(submitted, 'reported-back'))).toBe('conflict step'); // nothing was signed by a delegate
  });

  it('refuses sign-off before joint agreement, and while a check blocks or a warning stands unaccepted', () => {
    const plan = start();
    expect(refusal(() => step(plan, 'signed-off'))).toBe('conflict step');
    const agreed = step(plan, 'jointly-agreed');
    expect(refusal(() => step(agreed, 'signed-off'))).toBe('conflict step'); // F2 and C2 cannot be checked: unaccepted warnings
    expect(refusal(() => step(agreed, 'approved'))).toBe('conflict step'); // needs submission and assurance
  });

  it('signs off once nothing blocks and every warning is accepted, then reports back a delegated sign-off', () => {
    const balanced = {
      contributions: [contribution(100_00)],
      schemes: [
        {
          key: 'reablement',
          name: 'Reablement',
          type: 'x',
          leadCommissionerId: null,
          providerId: null,
          nationalConditions: ['3'],
          hicmChanges: [],
          spend: [
            {
              year: '2017-18',
              source: 'nhs-minimum',
              category: 'nhs-out-of-hospital' as const,
              amountPence: 100_00,
            },
          ],
        },
      ],
    };
    let plan = fold(recordPlanDocument(undefined, { ...base, content: balanced }, REFERENCE, AREA));
    for (const checkId of [
      'C2:asc-minimum:2017-18',
      'C2:asc-minimum:2018-19',
      'F2:expenditure-equals-pooled:2018-19', // no spend planned for 2018-19: not checkable
      'U1:required-uplift:nhs-minimum/ccg-a:2017-18..2018-19', // no 2018-19 contribution: not checkable
    ])
      plan = fold(
        acceptWarning(plan, { planId: base.planId, checkId }, checkPlan(plan, REFERENCE, AREA)),
        plan,
      );
    const signed = step(step(plan, 'jointly-agreed'), 'signed-off', true);
    expect(signed.steps.map((s) => s.step)).toEqual(['jointly-agreed', 'signed-off']);
    expect(checkPlan(signed, REFERENCE, AREA).find((c) => c.rule === 'P12')).toMatchObject({
      severity: 'warning',
    });
    const reported = step(signed, 'reported-back');
    expect(checkPlan(reported, REFERENCE, AREA).some((c) => c.rule === 'P12')).toBe(false);
  });

  it('lets a finance officer accept a warning once, and never a blocking result', () => {
    const plan = start();
    const checks = checkPlan(plan, REFERENCE, AREA);
    const accepted = fold(
      acceptWarning(plan, { planId: base.planId, checkId: 'C2:asc-minimum:2017-18' }, checks),
      plan,
    );
    expect(
      checkPlan(accepted, REFERENCE, AREA).find((c) => c.checkId === 'C2:asc-minimum:2017-18')!.accepted,
    ).toBe(true);
    expect(
      refusal(() =>
        acceptWarning(
          accepted,
          { planId: base.planId, checkId: 'C2:asc-minimum:2017-18' },
          checkPlan(accepted, REFERENCE, AREA),
        ),
      ),
    ).toBe('conflict checkId');
    // F2 blocks once spend is planned and does not equal the pool (with no spend it is not checkable)
    const underspent = fold(
      recordPlanDocument(
        undefined,
        { ...base, content: { ...clean, schemes: [spending(50_00)] } },
        REFERENCE,
        AREA,
      ),
    );
    expect(
      refusal(() =>
        acceptWarning(
          underspent,
          { planId: base.planId, checkId: 'F2:expenditure-equals-pooled:2017-18' },
          checkPlan(underspent, REFERENCE, AREA),
        ),
      ),
    ).toBe('conflict checkId');
  });

  it('starts a new version for a change after agreement, keeps the old one readable, and diffs them field by field', () => {
    const agreed = step(start(), 'jointly-agreed');
    const change = recordPlanDocument(
      agreed,
      { ...base, content: { contributions: [contribution(120_00)] } },
      REFERENCE,
      AREA,
    );
    expect(change.map((e) => e.type)).toEqual(['PlanVersionStarted', 'PlanEntryAmended']);
    const v2 = fold(change, agreed);
    expect([v2.version, v2.steps]).toEqual([2, []]);
    expect(
      recordPlanDocument(
        v2,
        { ...base, content: { contributions: [contribution(120_00)] } },
        REFERENCE,
        AREA,
      ),
    ).toEqual([]);

    const all = [
      ...recordPlanDocument(undefined, { ...base, content: clean }, REFERENCE, AREA),
      ...recordLifecycleStep(
        start(),
        { planId: base.planId, step: 'jointly-agreed', on: '2017-09-11', parties: ['kcc'], delegated: false },
        [],
      ),
      ...change,
    ].map((event, revision) => ({
      ...event,
      revision,
      recordedAt: `2026-01-01T00:00:0${revision}.000Z`,
      actor: 'u',
      reason: 'r',
    }));
    const versions = planVersions(all);
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[0]!.state.content.contributions[0]!.amountsPence).toEqual({ '2017-18': 100_00 });
    expect(diffContent(versions[0]!.state.content, versions[1]!.state.content)).toEqual([
      {
        section: 'contributions',
        key: 'nhs-minimum/ccg-a',
        field: 'amountsPence',
        before: { '2017-18': 100_00 },
        after: { '2017-18': 120_00 },
      },
    ]);
  });
});
