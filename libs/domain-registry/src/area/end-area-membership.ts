import { CalendarDate, refuse } from '@bcl/kernel';
import { HwbAreaEvent, HwbAreaState, openMembership } from './hwb-area';

export interface EndAreaMembership {
  areaId: string;
  organisationId: string;
  /** The first day the organisation is no longer a member. */
  until: CalendarDate;
}

export function endAreaMembership(
  state: HwbAreaState | undefined,
  command: EndAreaMembership,
): HwbAreaEvent[] {
  if (!state) return refuse('not-found', 'areaId', `area '${command.areaId}' is not defined`);
  const membership = openMembership(state, command.organisationId);
  if (!membership)
    return refuse(
      'not-found',
      'organisationId',
      `'${command.organisationId}' is not a current member of '${state.areaId}'`,
    );
  if (command.until <= membership.from)
    refuse('invalid', 'until', `must be after ${membership.from}, when the membership began`);
  return [{ type: 'AreaMembershipEnded', data: { ...command } }];
}
