import { CalendarDate, DomainError, isCalendarDate } from '@bcl/domain-registry';
import { ApprovalRequest, AuthorityFacts, Delegation, InstrumentRef, checkAuthority } from './authority';

export type ResolutionOutcome = 'noted' | 'agreed' | 'resolved' | 'deferred';

/** A resolution as passed: verbatim lettered parts, an outcome, and what it concerns or authorises. */
export interface Resolution {
  resolutionId: string;
  meetingId: string;
  bodyId: string;
  /** Minute numbers run across meetings (Kent 190-201), apart from agenda item numbers. */
  minuteNo: string;
  parts: { letter: string | null; text: string }[];
  outcome: ResolutionOutcome;
  concerns: InstrumentRef[];
  authorises: { posts: string[]; instrumentKind: InstrumentRef['kind']; instrumentId: string | null } | null;
}

export type GovernanceEvent =
  | { type: 'ResolutionPassed'; data: Resolution & { meetingDate: CalendarDate } }
  | { type: 'DelegationGranted'; data: Omit<Delegation, 'revokedOn' | 'reportedBackOn'> }
  | { type: 'DelegationRevoked'; data: { delegationId: string; on: CalendarDate } }
  | {
      type: 'DelegatedDecisionReportedBack';
      data: { delegationId: string; on: CalendarDate; meetingId: string };
    }
  | {
      type: 'ApprovalRecorded';
      data: ApprovalRequest & { approvalId: string; provisional: boolean };
    }
  | { type: 'ApprovalRatified'; data: { approvalId: string; resolutionId: string; on: CalendarDate } };

export const delegationStream = (delegationId: string): string => `delegation-${delegationId}`;
export const approvalsStream = (instrument: InstrumentRef): string =>
  `approvals-${instrument.kind}-${instrument.id}`;

export function evolveDelegation(state: Delegation | undefined, event: GovernanceEvent): Delegation {
  switch (event.type) {
    case 'DelegationGranted':
      return { ...event.data, revokedOn: null, reportedBackOn: null };
    case 'DelegationRevoked':
      return { ...state!, revokedOn: event.data.on };
    case 'DelegatedDecisionReportedBack':
      return { ...state!, reportedBackOn: event.data.on };
    default:
      throw new Error(`invariant violated: ${event.type} in a delegation stream`);
  }
}

const refuse = (kind: DomainError['kind'], field: string, reason: string): never => {
  throw new DomainError(kind, field, reason);
};

/** What a grant is checked against: its resolution, and which posts exist. */
export interface GrantFacts {
  resolution: (Resolution & { meetingDate: CalendarDate }) | undefined;
  postExists(postId: string): boolean;
}

/** A delegation is created only by a resolution of the granting body at a meeting (brief D1). */
export function grantDelegation(
  state: Delegation | undefined,
  command: Omit<Delegation, 'revokedOn' | 'reportedBackOn'>,
  facts: GrantFacts,
): GovernanceEvent[] {
  if (state) refuse('conflict', 'delegationId', `delegation '${command.delegationId}' is already granted`);
  if (!facts.resolution)
    return refuse('not-found', 'resolutionId', `resolution '${command.resolutionId}' is not recorded`);
  if (facts.resolution.bodyId !== command.grantingBodyId)
    refuse(
      'invalid',
      'resolutionId',
      `resolution '${command.resolutionId}' is of '${facts.resolution.bodyId}', not '${command.grantingBodyId}'`,
    );
  if (command.validFrom < facts.resolution.meetingDate)
    refuse(
      'invalid',
      'validFrom',
      `cannot be before the meeting of ${facts.resolution.meetingDate} that granted it`,
    );
  if (!isCalendarDate(command.validFrom))
    refuse('invalid', 'validFrom', 'must be a real date written YYYY-MM-DD');
  if (command.validUntil !== null && command.validUntil <= command.validFrom)
    refuse('invalid', 'validUntil', `must be after validFrom (${command.validFrom})`);
  if (command.reportBack && command.reportBack.by < command.validFrom)
    refuse('invalid', 'reportBack.by', `must not be before validFrom (${command.validFrom})`);
  if (command.delegates.posts.length === 0) refuse('invalid', 'delegates.posts', 'name at least one post');
  if (command.delegates.mode === 'one' && command.delegates.posts.length !== 1)
    refuse('invalid', 'delegates.mode', "'one' names exactly one post; use 'all' or 'any' for several");
  [...command.delegates.posts, ...command.consultees].forEach((post) => {
    if (!facts.postExists(post)) refuse('not-found', 'posts', `post '${post}' is not in the registry`);
  });
  const overlap = command.consultees.find((post) => command.delegates.posts.includes(post));
  if (overlap) refuse('invalid', 'consultees', `post '${overlap}' cannot be both a delegate and a consultee`);
  return [{ type: 'DelegationGranted', data: { ...command } }];
}

export function revokeDelegation(
  state: Delegation | undefined,
  command: { delegationId: string; on: CalendarDate },
): GovernanceEvent[] {
  if (!state)
    return refuse('not-found', 'delegationId', `delegation '${command.delegationId}' is not granted`);
  if (state.revokedOn !== null) refuse('conflict', 'delegationId', `already revoked on ${state.revokedOn}`);
  if (command.on < state.validFrom)
    refuse('invalid', 'on', `must not be before the grant took effect (${state.validFrom})`);
  return [{ type: 'DelegationRevoked', data: command }];
}

/**
 * Records an approval only if it is within authority on its effective date; otherwise refuses, naming every
 * condition that failed. A provisional ("subject to") approval is recorded as such.
 */
export function recordApproval(
  command: ApprovalRequest & { approvalId: string; provisional: boolean },
  facts: AuthorityFacts,
): GovernanceEvent[] {
  const failures = checkAuthority(command, facts);
  if (failures.length > 0)
    refuse(
      'conflict',
      'authority',
      failures.map((failure) => `${failure.condition}: ${failure.message}`).join('; '),
    );
  return [{ type: 'ApprovalRecorded', data: { ...command } }];
}

/**
 * The approvals that still apply to an instrument version: an approval of version n does not carry over to a
 * later version (a change after sign-off starts a new one).
 */
export function approvalsApplyingTo<A extends { instrument: InstrumentRef }>(
  approvals: A[],
  version: number,
): A[] {
  return approvals.filter(
    (approval) => approval.instrument.version === null || approval.instrument.version === version,
  );
}
