import { RequestHandler } from 'express';
import { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

/**
 * One log line per request (method, url, correlation id as `req.id`, the authenticated subject, status and
 * time), or no middleware at all when the level is `silent`, where pino-http would build its per-request child
 * loggers only to write nothing (the benchmarks run silent).
 */
export function requestLog(logger: Logger): RequestHandler | undefined {
  if (logger.level === 'silent') return undefined;
  return pinoHttp({
    logger,
    genReqId: (request) => (request as unknown as { correlationId: string }).correlationId,
    // none until the guard has authenticated the caller (pino-http asks when the request starts, where a child
    // logger for an unknown subject would add nothing to the line, and again when it is answered)
    customProps: (request) => {
      const identity = (request as unknown as { identity?: { subject: string } }).identity;
      return identity ? { subject: identity.subject } : (undefined as unknown as object);
    },
    serializers: { req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }) },
  }) as unknown as RequestHandler;
}
