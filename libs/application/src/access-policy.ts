import { SetMetadata } from '@nestjs/common';
import { Role } from '@bcl/identity';

export const ALLOWED_ROLES = 'bcl:allowed-roles';
export const PUBLIC_ROUTE = 'bcl:public';

/** The roles that may call a route. A route with neither @AllowRoles nor @PublicRoute is denied to everyone. */
export const AllowRoles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);
/** Health and API documentation: no token needed. */
export const PublicRoute = () => SetMetadata(PUBLIC_ROUTE, true);
