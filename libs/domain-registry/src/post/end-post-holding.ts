import { CalendarDate, refuse } from '@bcl/kernel';
import { PostEvent, PostState } from './post';

export interface EndPostHolding {
  postId: string;
  personId: string;
  /** The first day the person no longer holds the post. */
  until: CalendarDate;
}

export function endPostHolding(state: PostState | undefined, command: EndPostHolding): PostEvent[] {
  if (!state) return refuse('not-found', 'postId', `post '${command.postId}' does not exist`);
  const holding = state.holdings.findLast((candidate) => candidate.personId === command.personId);
  if (!holding || holding.until !== null)
    return refuse('not-found', 'personId', `'${command.personId}' has no open holding of '${state.postId}'`);
  if (command.until <= holding.from)
    refuse('invalid', 'until', `must be after ${holding.from}, when the holding began`);
  return [{ type: 'PostHoldingEnded', data: { ...command } }];
}
