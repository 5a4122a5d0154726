import { CalendarDate, refuse } from '@bcl/kernel';
import { OrganisationState } from '../organisation/organisation';
import { HwbAreaEvent, HwbAreaState, KINDS_FOR_ROLE, MemberRole, openMembership } from './hwb-area';

export interface AddAreaMember {
  areaId: string;
  organisationId: string;
  role: MemberRole;
  from: CalendarDate;
}

export function addAreaMember(
  state: HwbAreaState | undefined,
  command: AddAreaMember,
  organisation: OrganisationState | undefined,
): HwbAreaEvent[] {
  if (!state) return refuse('not-found', 'areaId', `area '${command.areaId}' is not defined`);
  if (!organisation)
    return refuse(
      'not-found',
      'organisationId',
      `organisation '${command.organisationId}' is not registered`,
    );
  if (!KINDS_FOR_ROLE[command.role].includes(organisation.kind))
    refuse(
      'invalid',
      'role',
      `a ${organisation.kind} cannot be '${command.role}'; that role takes ${KINDS_FOR_ROLE[command.role].join(' or ')}`,
    );
  if (command.role === 'district-council' && state.structure !== 'two-tier')
    refuse('invalid', 'role', `area '${state.areaId}' is unitary and has no district councils`);
  if (command.role === 'lead-council') {
    const lead = state.members.find((member) => member.role === 'lead-council' && member.until === null);
    if (lead) refuse('conflict', 'role', `area already has lead council '${lead.organisationId}'`);
  }
  if (openMembership(state, command.organisationId))
    refuse(
      'conflict',
      'organisationId',
      `'${command.organisationId}' is already a member of '${state.areaId}'`,
    );
  const last = state.members.filter((member) => member.organisationId === command.organisationId).at(-1);
  if (last?.until && command.from < last.until)
    refuse('conflict', 'from', `must be on or after ${last.until}, when its previous membership ended`);
  if (command.from < organisation.establishedOn)
    refuse('invalid', 'from', `the organisation was only established on ${organisation.establishedOn}`);
  return [{ type: 'AreaMemberAdded', data: { ...command } }];
}
