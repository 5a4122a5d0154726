import { CalendarDate, Evidence, evidenceOf, operatorWriteMark } from '@bcl/kernel';
import { InstrumentRef, Delegation } from '../authority';
import { ApprovalEvent } from '../approval/approval';
import { DelegationEvent, evolveDelegation } from '../delegation/delegation';
import { ReportBackDuty } from '../delegation/report-back-due';

/** An event as the log holds it: what a sign-off act cites (when it was recorded, and its evidence). */
export interface LoggedGovernanceEvent<E> {
  event: E;
  recordedAt: string;
  metadata?: { readonly [key: string]: unknown };
}

/**
 * A lifecycle step of an instrument version recorded by the governance act that carries the authority for it
 * (docs/sign-off.md): `signed-off` by a complete approval under a delegation, a Board resolution, or the
 * standing authority of the Board's chair (a quarterly return);
 * `reported-back` by the report-back of that delegation to its body, at a meeting on or after the sign-off.
 */
export interface SignOffAct {
  step: 'signed-off' | 'reported-back';
  /** The effective date: the approval's `effectiveOn`, or the date of the meeting reported to. */
  on: CalendarDate;
  /** When the governance event was recorded. */
  recordedAt: string;
  instrument: InstrumentRef & { version: number };
  authority:
    | { kind: 'delegation'; delegationId: string; grantedBy: string | null }
    | { kind: 'resolution'; resolutionId: string; meetingId: string | null }
    | { kind: 'chair'; bodyId: string };
  approvalId: string;
  signedBy: { postId: string; personId: string };
  /** The meeting the decision was reported to (report-back), or that passed the authorising resolution. */
  meetingId: string | null;
  evidence: Evidence;
  /** A delegated sign-off's duty to be reported back (null where none is due, and on a report-back itself). */
  reportBack: ReportBackDuty | null;
  /**
   * Present when the approval was written raw by an operator (`bcl append`), not through the governance rules:
   * the operator's reason. Every view of the act marks it.
   */
  operatorWrite?: { reason: string };
}

/**
 * The sign-off acts of an instrument, in effective-date order: one `signed-off` per complete, unconditional or
 * ratified approval of a version, and one `reported-back` per delegated sign-off whose delegation was reported
 * back on or after it. Pure: the shell loads the instrument's approvals stream, the delegations its approvals
 * name, the dates each report-back body met, and the meetings of authorising resolutions.
 */
export function signOffActs(
  approvals: readonly LoggedGovernanceEvent<ApprovalEvent>[],
  delegations: ReadonlyMap<string, readonly LoggedGovernanceEvent<DelegationEvent>[]>,
  context: {
    meetingDates(bodyId: string): CalendarDate[];
    meetingOfResolution(resolutionId: string): string | null;
  },
): SignOffAct[] {
  const acts: SignOffAct[] = [];
  const ratified = new Set(
    approvals.flatMap(({ event }) => (event.type === 'ApprovalRatified' ? [event.data.approvalId] : [])),
  );
  for (const logged of approvals) {
    const { event } = logged;
    if (event.type !== 'ApprovalRecorded' || !event.data.complete) continue;
    const approval = event.data;
    const version = approval.instrument.version;
    if (version === null) continue;
    if (approval.provisionalConditions !== null && !ratified.has(approval.approvalId)) continue;
    const base = {
      recordedAt: logged.recordedAt,
      instrument: { ...approval.instrument, version },
      approvalId: approval.approvalId,
      signedBy: { postId: approval.actingPostId, personId: approval.actorPersonId },
      ...operatorWriteMark(logged.metadata),
    };
    if (approval.authority.kind === 'resolution') {
      const { resolutionId } = approval.authority;
      const meetingId = context.meetingOfResolution(resolutionId);
      acts.push({
        ...base,
        step: 'signed-off',
        on: approval.effectiveOn,
        authority: { kind: 'resolution', resolutionId, meetingId },
        meetingId,
        evidence: evidenceOf(logged),
        reportBack: null,
      });
      continue;
    }
    if (approval.authority.kind === 'chair') {
      acts.push({
        ...base,
        step: 'signed-off',
        on: approval.effectiveOn,
        authority: { kind: 'chair', bodyId: approval.authority.bodyId },
        meetingId: null,
        evidence: evidenceOf(logged),
        reportBack: null,
      });
      continue;
    }
    const { delegationId } = approval.authority;
    const delegationEvents = delegations.get(delegationId) ?? [];
    const delegation = delegationEvents.reduce<Delegation | undefined>(
      (state, { event: e }) => evolveDelegation(state, e),
      undefined,
    );
    const reported = delegationEvents
      .flatMap((logged) =>
        logged.event.type === 'DelegatedDecisionReportedBack' ? [{ ...logged, data: logged.event.data }] : [],
      )
      .find(({ data }) => data.on >= approval.effectiveOn);
    const authority = {
      kind: 'delegation' as const,
      delegationId,
      grantedBy: delegation?.resolutionId ?? null,
    };
    const duty = delegation?.reportBack ?? null;
    acts.push({
      ...base,
      step: 'signed-off',
      on: approval.effectiveOn,
      authority,
      meetingId: null,
      evidence: evidenceOf(logged),
      reportBack: duty && {
        bodyId: duty.bodyId,
        by: duty.by,
        decidedOn: approval.effectiveOn,
        meetingDates: context.meetingDates(duty.bodyId),
        reportedBackOn: reported?.data.on ?? null,
      },
    });
    if (reported)
      acts.push({
        ...base,
        step: 'reported-back',
        on: reported.data.on,
        recordedAt: reported.recordedAt,
        authority,
        meetingId: reported.data.meetingId,
        evidence: evidenceOf(reported),
        reportBack: null,
        // the report-back is its own event: marked by its own metadata, not the approval's
        operatorWrite: undefined,
        ...operatorWriteMark(reported.metadata),
      });
  }
  return acts.sort((a, b) => a.on.localeCompare(b.on) || a.recordedAt.localeCompare(b.recordedAt));
}
