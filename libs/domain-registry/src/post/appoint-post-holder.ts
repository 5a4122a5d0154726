import { CalendarDate, refuse } from '@bcl/kernel';
import { PersonState } from '../person/person';
import { PostEvent, PostState } from './post';

export interface AppointPostHolder {
  postId: string;
  personId: string;
  from: CalendarDate;
  until: CalendarDate | null;
  interim: boolean;
}

/** A post has one holder at a time: a new holding may not overlap any recorded one. */
export function appointPostHolder(
  state: PostState | undefined,
  command: AppointPostHolder,
  person: PersonState | undefined,
): PostEvent[] {
  if (!state) return refuse('not-found', 'postId', `post '${command.postId}' does not exist`);
  if (!person) return refuse('not-found', 'personId', `person '${command.personId}' is not registered`);
  if (command.until !== null && command.until <= command.from)
    refuse('invalid', 'until', `must be after from (${command.from})`);
  if (command.from < state.createdOn)
    refuse('invalid', 'from', `the post was only created on ${state.createdOn}`);
  const end = command.until ?? '9999-12-31';
  const clash = state.holdings.find(
    (holding) => holding.from < end && (holding.until === null || command.from < holding.until),
  );
  if (clash)
    refuse(
      'conflict',
      'from',
      `overlaps the holding of '${clash.personId}' from ${clash.from}${clash.until ? ` until ${clash.until}` : ', which has not ended'}`,
    );
  return [{ type: 'PostHolderAppointed', data: { ...command } }];
}
