import { ExecutionContext } from '@nestjs/common';
import { Request } from 'express';
import { Reflector } from '@nestjs/core';
import { Actor } from '@bcl/event-store';
import { Role } from '@bcl/identity';
import { ALLOWED_ROLES, actorFrom } from '@bcl/application';

/**
 * The actor for event metadata, from the verified token only: subject, display name, organisation, and the
 * authority acted under (the role that allowed this route).
 */
export function actorOf(context: ExecutionContext): Actor {
  const request = context.switchToHttp().getRequest<Request>();
  const allowed = new Reflector().get<Role[]>(ALLOWED_ROLES, context.getHandler()) ?? [];
  return actorFrom(request.identity!, allowed);
}
