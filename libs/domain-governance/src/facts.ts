/**
 * The governance context's published facts: what other contexts may ask of it (the authority in force, a
 * resolution and its meeting, the versions of an instrument that were approved), computed from folded stream
 * states only. Other domain libraries and the shell's fact loaders import this module
 * (`@bcl/domain-governance/facts`), never governance's internals.
 */
import { CalendarDate } from '@bcl/kernel';
import { PostState, holderOfPostOn } from '@bcl/domain-registry/facts';
import { AuthorityBody, AuthorityFacts, Delegation } from './authority';
import { MeetingState, Resolution } from './meeting/meeting';
import { ApprovalsState } from './approval/approval';

export type {
  ApprovalAuthority,
  AuthorityBody,
  AuthorityFacts,
  Delegation,
  InstrumentRef,
} from './authority';
export { CHAIR_SIGNS } from './authority';
export type { MeetingState, Resolution } from './meeting/meeting';
export type { ResolutionIndex } from './meeting/resolution-index';
export type { ApprovalsState } from './approval/approval';
export { approvalsStream, evolveApprovals } from './approval/approval';
export type { ApprovalEvent } from './approval/approval';
export type { DelegationEvent } from './delegation/delegation';
export { delegationStream } from './delegation/delegation';
export type { ReportBackDuty } from './delegation/report-back-due';
export { reportBackDueOn, reportBackOutstanding } from './delegation/report-back-due';
export type { LoggedGovernanceEvent, SignOffAct } from './sign-off/sign-off-acts';
export { signOffActs } from './sign-off/sign-off-acts';

/** A resolution as passed at its meeting, with the meeting's date; undefined when the meeting does not hold it. */
export function resolutionAt(
  meeting: MeetingState | undefined,
  resolutionId: string,
): (Resolution & { meetingDate: CalendarDate }) | undefined {
  const resolution = meeting?.resolutions.find((r) => r.resolutionId === resolutionId);
  return resolution && meeting && { ...resolution, meetingDate: meeting.date };
}

/**
 * The authority in force, from the delegations, resolutions, posts and bodies a request names (loaded
 * beforehand), and the area of the instrument where the ledger knows it (a quarterly return's).
 */
export function authorityInForce(
  delegations: ReadonlyMap<string, Delegation>,
  resolutions: ReadonlyMap<string, Resolution>,
  posts: ReadonlyMap<string, PostState>,
  chair: { bodies?: ReadonlyMap<string, AuthorityBody>; instrumentAreaId?: string | null } = {},
): AuthorityFacts {
  return {
    holderOn: (postId, date) => holderOfPostOn(posts.get(postId), date),
    delegation: (id) => delegations.get(id),
    resolution: (id) => resolutions.get(id),
    body: (id) => chair.bodies?.get(id),
    instrumentAreaId: chair.instrumentAreaId,
  };
}

/** The versions of an instrument that have an approval recorded against them (brief P2; issue 5). */
export function approvedVersions(approvals: ApprovalsState | undefined): number[] {
  return [
    ...new Set(
      (approvals?.approvals ?? []).flatMap((a) =>
        a.instrument.version === null ? [] : [a.instrument.version],
      ),
    ),
  ];
}
