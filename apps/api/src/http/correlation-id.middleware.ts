import { randomUUID } from 'node:crypto';
import { NextFunction, Request, Response } from 'express';

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** Takes X-Correlation-Id from the request when well formed, else makes one; echoes it on the response. */
export function correlationId(request: Request, response: Response, next: NextFunction): void {
  const given = request.headers['x-correlation-id'];
  request.correlationId = typeof given === 'string' && CORRELATION_ID.test(given) ? given : randomUUID();
  response.setHeader('X-Correlation-Id', request.correlationId);
  next();
}
