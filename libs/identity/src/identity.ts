import { Role } from './roles';

/** Who is calling, as the verified token says. Request bodies never supply any of this. */
export interface Identity {
  /** The token's `sub`: a stable, pseudonymous id from the identity provider. */
  subject: string;
  /** The token's `name` claim, if any. */
  displayName: string | null;
  /** The token's `org` claim: the registry id of the caller's organisation, if any. */
  organisationId: string | null;
  /** The token's `person` claim: the caller's registry person id, for acts done in a post (approvals). */
  personId: string | null;
  roles: Role[];
}
