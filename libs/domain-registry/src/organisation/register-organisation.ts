import { refuse } from '@bcl/kernel';
import { OrganisationEvent, OrganisationState } from './organisation';

/** The command carries exactly what the event records. */
export type RegisterOrganisation = Extract<OrganisationEvent, { type: 'OrganisationRegistered' }>['data'];

/** A district council's parent is its county; no other kind has a parent in the registry. */
export function registerOrganisation(
  state: OrganisationState | undefined,
  command: RegisterOrganisation,
  parent: OrganisationState | undefined,
): OrganisationEvent[] {
  if (state)
    refuse('conflict', 'organisationId', `organisation '${command.organisationId}' is already registered`);
  const schemes = command.codes.map((code) => code.scheme);
  if (new Set(schemes).size !== schemes.length)
    refuse('invalid', 'codes', 'each code scheme may appear once');
  if (command.kind === 'district-council') {
    if (!command.parentOrganisationId)
      refuse('invalid', 'parentOrganisationId', 'a district council needs its county council as parent');
    if (!parent)
      refuse(
        'not-found',
        'parentOrganisationId',
        `organisation '${command.parentOrganisationId}' is not registered`,
      );
    if (parent.kind !== 'county-council')
      refuse(
        'invalid',
        'parentOrganisationId',
        `a district council's parent must be a county council, not a ${parent.kind}`,
      );
  } else if (command.parentOrganisationId) {
    refuse('invalid', 'parentOrganisationId', 'only a district council has a parent organisation');
  }
  return [{ type: 'OrganisationRegistered', data: { ...command } }];
}
