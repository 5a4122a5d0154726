import { Evidence } from '@bcl/kernel';
import { LoggedPlanEvent, PlanEvent, planVersions, recordPlanDocument } from './index';
import { planVersionSeenFrom } from './facts';
import { AREA, REFERENCE, base, contribution, fold } from './plan-rules.fixtures';

/** A plan's events as logged, each write with its own effective date and evidence. */
const logged = (
  events: PlanEvent[],
  from: number,
  metadata: { validTime?: string; evidence?: Evidence },
): LoggedPlanEvent[] =>
  events.map((event, i) => ({
    ...event,
    revision: from + i,
    recordedAt: `2026-01-01T00:00:${String(from + i).padStart(2, '0')}.000Z`,
    actor: 'u',
    reason: 'r',
    metadata,
  }));

const PLAN = { citations: ['000', '000:5-7'], assumed: null };
const CORRECTION = { citations: ['000:410'], assumed: null };
const STAND_IN = { citations: ['001:55-63'], assumed: 'the agenda date stands in' };

// version 1: two contributions (PLAN); version 2 amends one (CORRECTION); a later change removes the other
const v1 = recordPlanDocument(
  undefined,
  { ...base, content: { contributions: [contribution(100_00), contribution(50_00, 'dfg', 'kcc')] } },
  REFERENCE,
  AREA,
);
const v2 = recordPlanDocument(
  fold(v1),
  { ...base, content: { contributions: [contribution(120_00), contribution(50_00, 'dfg', 'kcc')] } },
  REFERENCE,
  AREA,
  [1],
);
const v2removal = recordPlanDocument(
  fold(v2, fold(v1)),
  { ...base, content: { contributions: [contribution(120_00)] }, replace: true },
  REFERENCE,
  AREA,
  [1],
);
const events = [
  ...logged(v1, 0, { validTime: '2017-09-11', evidence: PLAN }),
  ...logged(v2, v1.length, { validTime: '2018-04-01', evidence: CORRECTION }),
];

describe('each plan fact beside its evidence (issue 12 §3)', () => {
  it('marks a change an operator wrote raw (bcl append), and no other', () => {
    const marked = [
      ...logged(v1, 0, { validTime: '2017-09-11', evidence: PLAN }),
      ...logged(v2, v1.length, { validTime: '2018-04-01', evidence: CORRECTION }).map((event) => ({
        ...event,
        metadata: {
          ...event.metadata,
          operatorWrite: { reason: 'keyed from the letter', intoContextStream: true },
        },
      })),
    ];
    const [first, second] = planVersions(marked);
    expect(first!.changes.every((change) => change.operatorWrite === undefined)).toBe(true);
    expect(second!.changes.length).toBeGreaterThan(0);
    expect(second!.changes.map((change) => change.operatorWrite)).toEqual(
      second!.changes.map(() => ({ reason: 'keyed from the letter' })),
    );
  });

  it('gives each version the evidence of the import that started it, and each entry that of its last change', () => {
    const [first, second] = planVersions(events);
    expect(first!.evidence).toEqual(PLAN);
    expect(first!.entryEvidence.contributions).toEqual({ 'nhs-minimum/ccg-a': PLAN, 'dfg/kcc': PLAN });
    expect(second!.evidence).toEqual(CORRECTION);
    // the amended entry rests on the correction; the one carried over still on the plan
    expect(second!.entryEvidence.contributions).toEqual({
      'nhs-minimum/ccg-a': CORRECTION,
      'dfg/kcc': PLAN,
    });
    expect(second!.entryEvidence.schemes).toEqual({});
  });

  it('drops a removed entry’s evidence, and leaves an earlier version’s evidence as it stood', () => {
    const all = [...events, ...logged(v2removal, events.length, { evidence: STAND_IN })];
    const [first, second] = planVersions(all);
    expect(second!.entryEvidence.contributions).toEqual({ 'nhs-minimum/ccg-a': CORRECTION });
    expect(first!.entryEvidence.contributions).toEqual({ 'nhs-minimum/ccg-a': PLAN, 'dfg/kcc': PLAN });
  });

  it('says an import recorded without evidence is assumed, and shows an assumed date as assumed', () => {
    const bare = planVersions(logged(v1, 0, {}))[0]!;
    expect(bare.evidence.assumed).not.toBeNull();
    expect(bare.entryEvidence.contributions['dfg/kcc']!.citations).toEqual([]);
    const standIn = planVersions(logged(v1, 0, { evidence: STAND_IN }))[0]!;
    expect(standIn.evidence).toEqual(STAND_IN);
  });

  it('shows the evidence as it stood from a viewpoint: before version 2 took effect, version 1’s', () => {
    const asAt = planVersions(events, { asAt: '2018-03-31' });
    expect(asAt.map((v) => v.version)).toEqual([1]);
    expect(asAt[0]!.entryEvidence.contributions['nhs-minimum/ccg-a']).toEqual(PLAN);
  });
});

describe('the plan version seen from a viewpoint (what governance and the fund read)', () => {
  it('is the last version in effect by asAt and recorded by knownAt; none before the plan took effect', () => {
    expect(planVersionSeenFrom(events, {})).toBe(2);
    expect(planVersionSeenFrom(events, { asAt: '2018-03-31' })).toBe(1);
    expect(planVersionSeenFrom(events, { asAt: '2018-04-01' })).toBe(2);
    expect(planVersionSeenFrom(events, { asAt: '2017-09-10' })).toBeUndefined();
    const v2Recorded = events[v1.length]!.recordedAt;
    const justBefore = new Date(Date.parse(v2Recorded) - 1).toISOString();
    expect(planVersionSeenFrom(events, { knownAt: justBefore })).toBe(1);
    expect(planVersionSeenFrom(events, { knownAt: v2Recorded })).toBe(2);
    expect(planVersionSeenFrom(events, { knownAt: '2025-12-31T23:59:59.999Z' })).toBeUndefined();
  });
});
