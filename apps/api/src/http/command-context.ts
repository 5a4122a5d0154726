import { Request } from 'express';
import { Actor } from '@bcl/event-store';
import { CommandContext } from '../ledger/ledger-writer';
import { ifMatchRevision } from './etag';

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
