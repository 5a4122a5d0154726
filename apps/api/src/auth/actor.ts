import { ExecutionContext } from '@nestjs/common';
import { Request } from 'express';
import { Reflector } from '@nestjs/core';
import { Actor } from '@bcl/event-store';
import { Role } from '@bcl/identity';
import { ALLOWED_ROLES } from '@bcl/application';

/**
 * The actor for event metadata, from the verified token only: subject, display name, organisation, and the
 * authority acted under (the role that allowed this route).
 */
export function actorOf(context: ExecutionContext): Actor {
  const request = context.switchToHttp().getRequest<Request>();
  const identity = request.identity!;
  const allowed = new Reflector().get<Role[]>(ALLOWED_ROLES, context.getHandler()) ?? [];
  const role = identity.roles.find((candidate) => allowed.includes(candidate))!;
  const actor: Actor = { id: identity.subject, authority: `role:${role}` };
  if (identity.displayName) actor.name = identity.displayName;
  if (identity.organisationId) actor.organisationId = identity.organisationId;
  if (identity.personId) actor.personId = identity.personId;
  return actor;
}
