import { CalendarDate, refuse } from '@bcl/kernel';
import { OrganisationEvent, OrganisationState, currentName } from './organisation';

export interface RenameOrganisation {
  organisationId: string;
  name: string;
  effectiveFrom: CalendarDate;
}

/** A new name takes effect on a date after the current name's; earlier history keeps the old name. */
export function renameOrganisation(
  state: OrganisationState | undefined,
  command: RenameOrganisation,
): OrganisationEvent[] {
  if (!state)
    return refuse(
      'not-found',
      'organisationId',
      `organisation '${command.organisationId}' is not registered`,
    );
  const latest = state.names[state.names.length - 1]!;
  if (command.effectiveFrom <= latest.from)
    refuse('conflict', 'effectiveFrom', `must be after ${latest.from}, when the current name took effect`);
  if (state.succession && command.effectiveFrom >= state.succession.effectiveOn)
    refuse('conflict', 'effectiveFrom', `the organisation was succeeded on ${state.succession.effectiveOn}`);
  if (command.name === currentName(state)) refuse('invalid', 'name', 'is the current name already');
  return [
    {
      type: 'OrganisationRenamed',
      data: { ...command, previousName: currentName(state) },
    },
  ];
}
