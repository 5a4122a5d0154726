import { CalendarDate, isCalendarDate, refuse } from '@bcl/kernel';
import { Delegation } from '../authority';
import { Resolution } from '../meeting/meeting';
import { DelegationEvent, GrantedDelegation } from './delegation';
import { GOVERNANCE_LIMITS } from '../governance-limits';

/** What a grant is checked against: its resolution, its parent, and which posts exist. */
export interface GrantFacts {
  resolution: (Resolution & { meetingDate: CalendarDate }) | undefined;
  /** The parent and its own parents, nearest first (empty for a delegation with no parent). */
  parentChain: Delegation[];
  postExists(postId: string): boolean;
}

/**
 * A delegation is created only by a resolution of the granting body at a meeting (brief D1). Delegates act;
 * consultees are consulted, and no post is both. A sub-delegation names a recorded parent of the same kind.
 */
export function grantDelegation(
  state: Delegation | undefined,
  command: GrantedDelegation,
  facts: GrantFacts,
): DelegationEvent[] {
  if (state) refuse('conflict', 'delegationId', `delegation '${command.delegationId}' is already granted`);
  if (!facts.resolution)
    return refuse('not-found', 'resolutionId', `resolution '${command.resolutionId}' is not recorded`);
  if (facts.resolution.bodyId !== command.grantingBodyId)
    refuse(
      'invalid',
      'resolutionId',
      `resolution '${command.resolutionId}' is of '${facts.resolution.bodyId}', not '${command.grantingBodyId}'`,
    );
  if (!isCalendarDate(command.validFrom))
    refuse('invalid', 'validFrom', 'must be a real date written YYYY-MM-DD');
  if (command.validFrom < facts.resolution.meetingDate)
    refuse(
      'invalid',
      'validFrom',
      `cannot be before the meeting of ${facts.resolution.meetingDate} that granted it`,
    );
  if (command.validUntil !== null && command.validUntil <= command.validFrom)
    refuse('invalid', 'validUntil', `must be after validFrom (${command.validFrom})`);
  if (command.reportBack?.by && command.reportBack.by < command.validFrom)
    refuse('invalid', 'reportBack.by', `must not be before validFrom (${command.validFrom})`);
  if (command.delegates.posts.length === 0) refuse('invalid', 'delegates.posts', 'name at least one post');
  if (command.delegates.mode === 'one' && command.delegates.posts.length !== 1)
    refuse('invalid', 'delegates.mode', "'one' names exactly one post; use 'all' or 'any' for several");
  if (new Set(command.delegates.posts).size !== command.delegates.posts.length)
    refuse('invalid', 'delegates.posts', 'a post is named twice');
  [...command.delegates.posts, ...command.consultees].forEach((post) => {
    if (!facts.postExists(post)) refuse('not-found', 'posts', `post '${post}' is not in the registry`);
  });
  const overlap = command.consultees.find((post) => command.delegates.posts.includes(post));
  if (overlap) refuse('invalid', 'consultees', `post '${overlap}' cannot be both a delegate and a consultee`);
  if (command.parentDelegationId !== null) {
    const parent = facts.parentChain[0];
    if (!parent)
      refuse('not-found', 'parentDelegationId', `delegation '${command.parentDelegationId}' is not granted`);
    else if (parent.scope.instrumentKind !== command.scope.instrumentKind)
      refuse(
        'invalid',
        'scope.instrumentKind',
        `must be within the parent's (${parent.scope.instrumentKind})`,
      );
    if (facts.parentChain.length >= GOVERNANCE_LIMITS.delegationChainLengthMax)
      refuse(
        'invalid',
        'parentDelegationId',
        `a chain of authority holds at most ${GOVERNANCE_LIMITS.delegationChainLengthMax} delegations, and '${command.parentDelegationId}' ends one already`,
      );
  }
  return [{ type: 'DelegationGranted', data: { ...command } }];
}
