import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { Request, Response } from 'express';
import { Actor } from '@bcl/event-store';
import { actorOf } from '../auth/actor';
import { CommandContext } from '../event-log/event-log-writer';
import { ifMatchRevision } from './etag';

/** What a write route needs from its request besides the body: who acts, the headers, and the response. */
export interface WriteRequest {
  /** The actor, from the verified token only. */
  readonly actor: Actor;
  readonly response: Response;
  /** The command context: actor, correlation id, Idempotency-Key and If-Match, with the reason the body gives. */
  because(reason: string): CommandContext;
}

/**
 * The one way a write route turns its request into a command context: `@WriteContext() write: WriteRequest`.
 * Headers are read when `because` is called, so a malformed If-Match is refused after the body is validated.
 */
export const WriteContext = createParamDecorator(
  (_data: unknown, context: ExecutionContext): WriteRequest => {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const actor = actorOf(context);
    return {
      actor,
      response: http.getResponse<Response>(),
      because: (reason) => commandContext(request, actor, reason),
    };
  },
);

/** Builds a command's context from the authenticated actor and the request headers, never from the body. */
export function commandContext(request: Request, actor: Actor, reason: string): CommandContext {
  const key = request.headers['idempotency-key'];
  return {
    actor,
    reason,
    correlationId: request.correlationId,
    ifMatch: ifMatchRevision(request),
    idempotencyKey: typeof key === 'string' ? key : undefined,
  };
}
