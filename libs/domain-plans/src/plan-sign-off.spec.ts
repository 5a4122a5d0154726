import { SignOffAct } from '@bcl/domain-governance/facts';
import {
  LoggedPlanEvent,
  PlanEvent,
  actsSeenFrom,
  checkPlan,
  planLifecycle,
  planVersions,
  recordPlanDocument,
} from './index';
import { AREA, REFERENCE, base, contribution, fold } from './plan-rules.fixtures';

const DELEGATION = 'kent-hwb-2017-06-14-bcf-sign-off';
const EVIDENCE = { citations: ['000:34-36'], assumed: 'the plan date stands in for the date of exercise' };
/** The Chairman's sign-off of Kent's version 1 under the delegation of 14 June 2017 (demo/governance.json). */
const signedOff: SignOffAct = {
  step: 'signed-off',
  on: '2017-09-11',
  recordedAt: '2026-01-01T00:00:10.000Z',
  instrument: { kind: 'bcf-plan', id: 'kent-2017-19', version: 1 },
  authority: { kind: 'delegation', delegationId: DELEGATION, grantedBy: DELEGATION },
  approvalId: 'kent-2017-19-v1-chairman',
  signedBy: { postId: 'kent-hwb-chair', personId: 'p-0002' },
  meetingId: null,
  evidence: EVIDENCE,
  reportBack: {
    bodyId: 'kent-hwb',
    by: '2017-09-20',
    decidedOn: '2017-09-11',
    meetingDates: ['2017-06-14', '2017-09-20'],
    reportedBackOn: '2017-09-20',
  },
};
const reportedBack: SignOffAct = {
  ...signedOff,
  step: 'reported-back',
  on: '2017-09-20',
  recordedAt: '2026-01-01T00:00:20.000Z',
  meetingId: 'kent-hwb-2017-09-20',
  evidence: { citations: ['000:442'], assumed: null },
  reportBack: null,
};
const acts = [signedOff, reportedBack];

describe('the plan’s lifecycle, derived from governance (docs/sign-off.md)', () => {
  it('shows version 1 signed off under the Chairman’s delegation as at 11 September 2017, with the evidence', () => {
    const steps = planLifecycle(1, [], acts, { asAt: '2017-09-11' });
    expect(steps).toEqual([
      {
        step: 'signed-off',
        on: '2017-09-11',
        recordedAt: signedOff.recordedAt,
        recordedAs: 'governance',
        parties: ['p-0002'],
        delegated: true,
        instrument: signedOff.instrument,
        authority: signedOff.authority,
        signedBy: { postId: 'kent-hwb-chair', personId: 'p-0002' },
        approvalId: 'kent-2017-19-v1-chairman',
        meetingId: null,
        evidence: EVIDENCE,
      },
    ]);
    expect(planLifecycle(1, [], acts, { asAt: '2017-09-20' }).map((s) => s.step)).toEqual([
      'signed-off',
      'reported-back',
    ]);
  });

  it('shows no sign-off the day before, known before it was recorded, or on another version', () => {
    expect(planLifecycle(1, [], acts, { asAt: '2017-09-10' })).toEqual([]);
    expect(planLifecycle(1, [], acts, { knownAt: '2026-01-01T00:00:09.999Z' })).toEqual([]);
    expect(planLifecycle(1, [], acts, { knownAt: signedOff.recordedAt }).map((s) => s.step)).toEqual([
      'signed-off',
    ]);
    expect(planLifecycle(2, [], acts, {})).toEqual([]);
  });

  it('marks a step an operator wrote raw (bcl append), a plan step or a sign-off, with its reason, and no other', () => {
    const agreed = {
      version: 1,
      step: 'jointly-agreed' as const,
      on: '2017-09-08',
      parties: ['kcc'],
      delegated: false,
      recordedAt: '2026-01-01T00:00:05.000Z',
      metadata: { operatorWrite: { reason: 'keyed from the minutes', intoContextStream: true } },
    };
    const forged = { ...signedOff, operatorWrite: { reason: 'restored' } };
    const steps = planLifecycle(1, [agreed], [forged, reportedBack], {});
    expect(steps.map((s) => [s.step, s.operatorWrite ?? null])).toEqual([
      ['jointly-agreed', { reason: 'keyed from the minutes' }],
      ['signed-off', { reason: 'restored' }],
      ['reported-back', null],
    ]);
  });

  it('keeps plan-recorded steps beside them, marked as plan steps, in date order', () => {
    const agreed = {
      version: 1,
      step: 'jointly-agreed' as const,
      on: '2017-09-08',
      parties: ['kcc'],
      delegated: false,
      recordedAt: '2026-01-01T00:00:05.000Z',
    };
    const steps = planLifecycle(1, [agreed], acts, {});
    expect(steps.map((s) => [s.step, s.recordedAs])).toEqual([
      ['jointly-agreed', 'plan-step'],
      ['signed-off', 'governance'],
      ['reported-back', 'governance'],
    ]);
    expect(steps[0]!.evidence.assumed).not.toBeNull(); // recorded without evidence: assumed, saying so
  });
});

describe('P12 and P2 read the governance sign-off', () => {
  const plan = fold(
    recordPlanDocument(
      undefined,
      { ...base, content: { contributions: [contribution(100_00)] } },
      REFERENCE,
      AREA,
    ),
  );
  const p12 = (signOff: { acts: SignOffAct[]; on: string }) =>
    checkPlan(plan, REFERENCE, AREA, signOff).filter((c) => c.rule === 'P12');
  const unreported = { ...signedOff, reportBack: { ...signedOff.reportBack!, reportedBackOn: null } };

  it('warns from the day after the report-back was due, until it is recorded', () => {
    expect(p12({ acts: [unreported], on: '2017-09-20' })).toEqual([]);
    expect(p12({ acts: [unreported], on: '2017-09-21' })).toEqual([
      expect.objectContaining({
        checkId: 'P12:delegated-sign-off-not-reported:kent-2017-19-v1-chairman',
        severity: 'warning',
        outcome: 'fail',
        message: expect.stringContaining("not reported back to 'kent-hwb' by 2017-09-20"),
      }),
    ]);
    expect(p12({ acts, on: '2017-09-21' })).toEqual([]);
  });

  it('says so when the report-back that satisfies it is assumed, not documented', () => {
    const assumedReport = {
      ...reportedBack,
      evidence: { citations: [], assumed: 'the plan only says it will go' },
    };
    expect(p12({ acts: [signedOff, assumedReport], on: '2017-09-21' })).toEqual([
      expect.objectContaining({
        checkId: 'P12:reported-back-assumed:kent-2017-19-v1-chairman',
        severity: 'information',
        outcome: 'pass',
        message: expect.stringContaining('assumed, not documented: the plan only says it will go'),
      }),
    ]);
  });

  it('sees a report-back only once it is known: as known before it was recorded, the duty stands', () => {
    const known = actsSeenFrom(acts, { knownAt: '2026-01-01T00:00:15.000Z' });
    expect(known.map((a) => a.step)).toEqual(['signed-off']);
    expect(p12({ acts: known, on: '2017-09-21' })).toHaveLength(1);
  });

  it('counts a governance sign-off for P2 (submitted without sign-off)', () => {
    const submitted = fold(
      [
        {
          type: 'PlanLifecycleStepRecorded',
          data: { ...base, version: 1, step: 'submitted', on: '2017-09-12', parties: [], delegated: false },
        } as PlanEvent,
      ],
      plan,
    );
    const p2 = (signOff?: { acts: SignOffAct[]; on: string }) =>
      checkPlan(submitted, REFERENCE, AREA, signOff).filter((c) => c.rule === 'P2');
    expect(p2()).toHaveLength(1);
    expect(p2({ acts: [signedOff], on: '2017-09-12' })).toEqual([]);
  });
});

describe('a plan as at an effective date: versions and entries in effect by then', () => {
  const logged = (events: PlanEvent[], validTime: string | null, from: number): LoggedPlanEvent[] =>
    events.map((event, i) => ({
      ...event,
      revision: from + i,
      recordedAt: `2026-01-01T00:00:${String(from + i).padStart(2, '0')}.000Z`,
      actor: 'u',
      reason: 'r',
      ...(validTime ? { metadata: { validTime } } : {}),
    }));
  const v1 = recordPlanDocument(
    undefined,
    { ...base, content: { contributions: [contribution(100_00)] } },
    REFERENCE,
    AREA,
  );
  const signed = fold(v1);
  const v2 = recordPlanDocument(
    signed,
    { ...base, content: { contributions: [contribution(120_00)] } },
    REFERENCE,
    AREA,
    [1],
  );
  const events = [...logged(v1, '2017-09-11', 0), ...logged(v2, '2017-10-01', v1.length)];

  it('holds no version before the document took effect, version 1 from its date, version 2 from its own', () => {
    expect(planVersions(events, { asAt: '2017-06-01' })).toEqual([]);
    expect(planVersions(events, { asAt: '2017-09-11' }).map((v) => v.version)).toEqual([1]);
    expect(
      planVersions(events, { asAt: '2017-09-30' })[0]!.state.content.contributions[0]!.amountsPence,
    ).toEqual({
      '2017-18': 100_00,
    });
    expect(planVersions(events, { asAt: '2017-10-01' }).map((v) => v.version)).toEqual([1, 2]);
    expect(planVersions(events).map((v) => v.version)).toEqual([1, 2]);
  });

  it('hides a later change to a version not yet in effect, even one recorded without a date', () => {
    const amended = recordPlanDocument(
      fold(v2, signed),
      { ...base, content: { contributions: [contribution(130_00)] } },
      REFERENCE,
      AREA,
      [1],
    );
    const all = [...events, ...logged(amended, null, events.length)];
    const asAt = planVersions(all, { asAt: '2017-09-30' });
    expect(asAt.map((v) => v.version)).toEqual([1]);
    expect(asAt[0]!.state.content.contributions[0]!.amountsPence).toEqual({ '2017-18': 100_00 });
    expect(planVersions(all).at(-1)!.state.content.contributions[0]!.amountsPence).toEqual({
      '2017-18': 130_00,
    });
  });
});
