import { NextFunction, Request, RequestHandler, Response, json } from 'express';
import { Problem, invalidRequest } from './problem';

/**
 * Parses JSON bodies up to `bytesMax`, turning the parser's failures into problems that name the body:
 * 413 when too large, 400 when not JSON or not an object or array (strict mode).
 */
export function jsonBody(bytesMax: number): RequestHandler {
  const parse = json({ limit: bytesMax, type: ['application/json', 'application/*+json'] });
  return (request: Request, response: Response, next: NextFunction) =>
    parse(request, response, (error?: { type?: string; message?: string }) => {
      if (!error) return next();
      if (error.type === 'entity.too.large')
        return next(
          new Problem(
            413,
            'body-too-large',
            'The body is too large',
            `bodies are limited to ${bytesMax} bytes`,
            [{ field: 'body', reason: `must be at most ${bytesMax} bytes` }],
          ),
        );
      if (error.type === 'entity.parse.failed')
        return next(invalidRequest([{ field: 'body', reason: 'must be a JSON object (valid JSON)' }]));
      return next(invalidRequest([{ field: 'body', reason: error.message ?? 'cannot be read' }]));
    });
}
