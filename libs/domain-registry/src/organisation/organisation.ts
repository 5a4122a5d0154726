import { CalendarDate } from '@bcl/kernel';

export const ORGANISATION_KINDS = [
  'county-council',
  'district-council',
  'unitary-council',
  'ccg',
  'icb',
  'nhs-trust',
  'provider',
  'national-body',
  'joint-body',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Registers whose codes the ledger knows: ONS geography codes for councils, ODS codes for NHS bodies. */
export const CODE_SCHEMES = ['ons', 'ods', 'local'] as const;
export type CodeScheme = (typeof CODE_SCHEMES)[number];
export interface OrganisationCode {
  scheme: CodeScheme;
  value: string;
}

export type OrganisationEvent =
  | {
      type: 'OrganisationRegistered';
      data: {
        organisationId: string;
        kind: OrganisationKind;
        name: string;
        codes: OrganisationCode[];
        establishedOn: CalendarDate;
        parentOrganisationId: string | null;
      };
    }
  | {
      type: 'OrganisationRenamed';
      data: { organisationId: string; name: string; previousName: string; effectiveFrom: CalendarDate };
    }
  | {
      type: 'OrganisationSucceeded';
      data: { organisationId: string; successorId: string; effectiveOn: CalendarDate };
    };

export interface OrganisationState {
  organisationId: string;
  kind: OrganisationKind;
  codes: OrganisationCode[];
  establishedOn: CalendarDate;
  parentOrganisationId: string | null;
  /** Names in the order they took effect; each holds from its date until the next one's. */
  names: { name: string; from: CalendarDate }[];
  succession: { successorId: string; effectiveOn: CalendarDate } | null;
}

export const organisationStream = (organisationId: string): string => `organisation-${organisationId}`;

export function evolveOrganisation(
  state: OrganisationState | undefined,
  event: OrganisationEvent,
): OrganisationState {
  switch (event.type) {
    case 'OrganisationRegistered': {
      const { organisationId, kind, codes, establishedOn, parentOrganisationId, name } = event.data;
      return {
        organisationId,
        kind,
        codes,
        establishedOn,
        parentOrganisationId,
        names: [{ name, from: establishedOn }],
        succession: null,
      };
    }
    case 'OrganisationRenamed':
      return {
        ...required(state),
        names: [...required(state).names, { name: event.data.name, from: event.data.effectiveFrom }],
      };
    case 'OrganisationSucceeded':
      return {
        ...required(state),
        succession: { successorId: event.data.successorId, effectiveOn: event.data.effectiveOn },
      };
  }
}

export function currentName(state: OrganisationState): string {
  return state.names[state.names.length - 1]!.name;
}

function required(state: OrganisationState | undefined): OrganisationState {
  if (!state) throw new Error('invariant violated: organisation event before OrganisationRegistered');
  return state;
}
