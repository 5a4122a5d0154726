import { CalendarDate, Evidence, Viewpoint, evidenceOf, operatorWriteMark, seenFrom } from '@bcl/kernel';
import { SignOffAct } from '@bcl/domain-governance/facts';
import { LifecycleStep } from './plan';

/** A lifecycle step recorded on the plan's own stream, as logged. */
export interface RecordedPlanStep {
  version: number;
  step: LifecycleStep;
  on: CalendarDate;
  parties: string[];
  delegated: boolean;
  recordedAt: string;
  metadata?: { readonly [key: string]: unknown };
}

/**
 * One step of a plan version's lifecycle as the plan's view shows it: recorded by the governance act that
 * carries its authority (`governance`: signed off, reported back), or as a plan step (joint agreement, NHS
 * England's acts, and sign-offs recorded as plan steps before governance recorded them).
 */
export interface PlanLifecycleStep {
  step: LifecycleStep;
  /** The effective date. */
  on: CalendarDate;
  recordedAt: string;
  recordedAs: 'governance' | 'plan-step';
  parties: string[];
  delegated: boolean;
  /** The instrument signed (governance acts only). */
  instrument: { kind: string; id: string; version: number } | null;
  authority: SignOffAct['authority'] | null;
  /** Who signed, in which post (a governance sign-off; null otherwise). */
  signedBy: SignOffAct['signedBy'] | null;
  approvalId: string | null;
  meetingId: string | null;
  evidence: Evidence;
  /** Present when an operator wrote the step's event raw (`bcl append`), not a context's rules: the reason. */
  operatorWrite?: { reason: string };
}

/**
 * A version's lifecycle as seen from a viewpoint (docs/sign-off.md): its plan-recorded steps and the
 * governance acts on that version, each seen when it took effect by `asAt` and was recorded by `knownAt`, in
 * effective-date order.
 */
export function planLifecycle(
  version: number,
  planSteps: readonly RecordedPlanStep[],
  acts: readonly SignOffAct[],
  viewpoint: Viewpoint,
): PlanLifecycleStep[] {
  const recorded: PlanLifecycleStep[] = planSteps
    .filter((s) => s.version === version)
    .map((s) => ({
      step: s.step,
      on: s.on,
      recordedAt: s.recordedAt,
      recordedAs: 'plan-step',
      parties: s.parties,
      delegated: s.delegated,
      instrument: null,
      authority: null,
      signedBy: null,
      approvalId: null,
      meetingId: null,
      evidence: evidenceOf(s),
      ...operatorWriteMark(s.metadata),
    }));
  const governed: PlanLifecycleStep[] = acts
    .filter((act) => act.instrument.version === version)
    .map((act) => ({
      step: act.step,
      on: act.on,
      recordedAt: act.recordedAt,
      recordedAs: 'governance',
      parties: [act.signedBy.personId],
      delegated: act.authority.kind === 'delegation',
      instrument: act.instrument,
      authority: act.authority,
      signedBy: act.step === 'signed-off' ? act.signedBy : null,
      approvalId: act.approvalId,
      meetingId: act.meetingId,
      evidence: act.evidence,
      ...(act.operatorWrite ? { operatorWrite: act.operatorWrite } : {}),
    }));
  return [...recorded, ...governed]
    .filter((s) => seenFrom(viewpoint, { effectiveOn: s.on, recordedAt: s.recordedAt }))
    .sort((a, b) => a.on.localeCompare(b.on) || a.recordedAt.localeCompare(b.recordedAt));
}

/** The sign-off acts seen from a viewpoint (what the checks read as at a date, as known at an instant). */
export function actsSeenFrom(acts: readonly SignOffAct[], viewpoint: Viewpoint): SignOffAct[] {
  const seen = acts.filter((act) => seenFrom(viewpoint, { effectiveOn: act.on, recordedAt: act.recordedAt }));
  // a report-back not yet seen from here has not happened, as far as this reader knows
  const reported = new Set(seen.filter((a) => a.step === 'reported-back').map((a) => a.approvalId));
  return seen.map((act) =>
    act.reportBack && !reported.has(act.approvalId)
      ? { ...act, reportBack: { ...act.reportBack, reportedBackOn: null } }
      : act,
  );
}
