import { SetMetadata } from '@nestjs/common';
import { Actor } from '@bcl/event-store';
import { Identity, Role } from '@bcl/identity';

export const ALLOWED_ROLES = 'bcl:allowed-roles';
export const PUBLIC_ROUTE = 'bcl:public';
export const PAGE_ROUTE = 'bcl:page';

/** The roles that may call a route. A route with neither @AllowRoles nor @PublicRoute is denied to everyone. */
export const AllowRoles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);
/** Health and API documentation: no token needed. */
export const PublicRoute = () => SetMetadata(PUBLIC_ROUTE, true);
/**
 * A web page: signed in by the pages' session (a cookie), not a bearer token, so the API's token guard passes it
 * to the pages' own guard, which checks the same @AllowRoles.
 */
export const PageRoute = () => SetMetadata(PAGE_ROUTE, true);

/**
 * The actor for event metadata, from the verified identity only: subject, display name, organisation, person,
 * and the authority acted under (the first of the identity's roles the route allows).
 */
export function actorFrom(identity: Identity, allowed: readonly Role[]): Actor {
  const role = identity.roles.find((candidate) => allowed.includes(candidate));
  if (role === undefined) throw new Error('actorFrom: the identity holds none of the allowed roles');
  const actor: Actor = { id: identity.subject, authority: `role:${role}` };
  if (identity.displayName) actor.name = identity.displayName;
  if (identity.organisationId) actor.organisationId = identity.organisationId;
  if (identity.personId) actor.personId = identity.personId;
  return actor;
}
