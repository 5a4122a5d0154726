import { CalendarDate } from '@bcl/kernel';
import { OrganisationKind } from '../organisation/organisation';

/** Two-tier: a county council with district councils (which matter for the DFG pass-down). */
export const AREA_STRUCTURES = ['two-tier', 'unitary'] as const;
export type AreaStructure = (typeof AREA_STRUCTURES)[number];

export const MEMBER_ROLES = ['lead-council', 'district-council', 'nhs-commissioner', 'provider'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** Which organisation kinds may take each role in an area. */
export const KINDS_FOR_ROLE: Record<MemberRole, readonly OrganisationKind[]> = {
  'lead-council': ['county-council', 'unitary-council'],
  'district-council': ['district-council'],
  'nhs-commissioner': ['ccg', 'icb'],
  provider: ['nhs-trust', 'provider'],
};

export type HwbAreaEvent =
  | {
      type: 'HwbAreaDefined';
      data: { areaId: string; name: string; structure: AreaStructure; establishedOn: CalendarDate };
    }
  | {
      type: 'AreaMemberAdded';
      data: { areaId: string; organisationId: string; role: MemberRole; from: CalendarDate };
    }
  | {
      type: 'AreaMembershipEnded';
      data: { areaId: string; organisationId: string; until: CalendarDate };
    };

export interface AreaMembership {
  organisationId: string;
  role: MemberRole;
  from: CalendarDate;
  /** First day no longer a member; null while current. */
  until: CalendarDate | null;
}

export interface HwbAreaState {
  areaId: string;
  name: string;
  structure: AreaStructure;
  establishedOn: CalendarDate;
  members: AreaMembership[];
}

export const hwbAreaStream = (areaId: string): string => `hwb-area-${areaId}`;

export function evolveHwbArea(state: HwbAreaState | undefined, event: HwbAreaEvent): HwbAreaState {
  switch (event.type) {
    case 'HwbAreaDefined':
      return { ...event.data, members: [] };
    case 'AreaMemberAdded': {
      const { organisationId, role, from } = event.data;
      const area = required(state);
      return { ...area, members: [...area.members, { organisationId, role, from, until: null }] };
    }
    case 'AreaMembershipEnded': {
      const area = required(state);
      return {
        ...area,
        members: area.members.map((member) =>
          member.organisationId === event.data.organisationId && member.until === null
            ? { ...member, until: event.data.until }
            : member,
        ),
      };
    }
  }
}

export function openMembership(state: HwbAreaState, organisationId: string): AreaMembership | undefined {
  return state.members.find((member) => member.organisationId === organisationId && member.until === null);
}

function required(state: HwbAreaState | undefined): HwbAreaState {
  if (!state) throw new Error('invariant violated: area event before HwbAreaDefined');
  return state;
}
