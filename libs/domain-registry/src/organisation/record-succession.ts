import { CalendarDate, refuse } from '@bcl/kernel';
import { OrganisationEvent, OrganisationState } from './organisation';

export interface RecordSuccession {
  organisationId: string;
  successorId: string;
  /** The first day the successor holds the predecessor's duties (e.g. 2022-07-01 for CCGs to ICBs). */
  effectiveOn: CalendarDate;
}

/**
 * Records that an organisation's duties passed to a successor on a date. The predecessor stays in the
 * record: views before that date show it, views on or after show the successor. Because a successor must be
 * in existence, and not itself succeeded, on that date, succession chains run forward in time and cannot loop.
 */
export function recordSuccession(
  state: OrganisationState | undefined,
  command: RecordSuccession,
  successor: OrganisationState | undefined,
): OrganisationEvent[] {
  if (!state)
    return refuse(
      'not-found',
      'organisationId',
      `organisation '${command.organisationId}' is not registered`,
    );
  if (!successor)
    return refuse('not-found', 'successorId', `organisation '${command.successorId}' is not registered`);
  if (command.successorId === command.organisationId)
    refuse('invalid', 'successorId', 'an organisation cannot succeed itself');
  if (state.succession)
    refuse(
      'conflict',
      'organisationId',
      `already succeeded by '${state.succession.successorId}' on ${state.succession.effectiveOn}`,
    );
  if (command.effectiveOn <= state.establishedOn)
    refuse(
      'invalid',
      'effectiveOn',
      `must be after ${state.establishedOn}, when the organisation was established`,
    );
  if (successor.establishedOn > command.effectiveOn)
    refuse('invalid', 'effectiveOn', `the successor was only established on ${successor.establishedOn}`);
  if (successor.succession && successor.succession.effectiveOn <= command.effectiveOn)
    refuse(
      'conflict',
      'successorId',
      `the successor was itself succeeded on ${successor.succession.effectiveOn}`,
    );
  return [{ type: 'OrganisationSucceeded', data: { ...command } }];
}
