import { NextFunction, Request, RequestHandler, Response, json } from 'express';
import { Problem, invalidRequest } from '@bcl/application';

/** How deeply a JSON body may nest (the body itself is level 1), and how many keys and array items it may hold in all. */
export const JSON_DEPTH_MAX = 32;
export const JSON_ENTRIES_MAX = 10_000;

/**
 * Parses JSON bodies up to `bytesMax`, turning the parser's failures into problems that name the body:
 * 413 when too large, 400 when not JSON or not an object or array (strict mode), and 400 when nested deeper
 * than JSON_DEPTH_MAX or holding more than `entriesMax` keys and array items, checked before anything
 * (validation, the idempotency hash, plan import) walks it.
 */
export function jsonBody(bytesMax: number, entriesMax = JSON_ENTRIES_MAX): RequestHandler {
  const parse = json({ limit: bytesMax, type: ['application/json', 'application/*+json'] });
  return (request: Request, response: Response, next: NextFunction) => {
    const parsedBefore = request.body !== undefined; // by an earlier parser (plan import's own): its limits hold
    parse(request, response, (error?: { type?: string; message?: string }) => {
      if (!error) {
        const reason = parsedBefore ? undefined : jsonShapeProblem(request.body, JSON_DEPTH_MAX, entriesMax);
        return next(reason ? invalidRequest([{ field: 'body', reason }]) : undefined);
      }
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
  };
}

/** Why a parsed JSON value is too deep or too wide, or undefined when it is not; iterative, so any depth is safe. */
export function jsonShapeProblem(value: unknown, depthMax: number, entriesMax: number): string | undefined {
  const pending: Array<[unknown, number]> = [[value, 1]];
  let entries = 0;
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth > depthMax) return `must not nest objects and arrays more than ${depthMax} levels deep`;
    const children = Array.isArray(current) ? (current as unknown[]) : Object.values(current);
    entries += children.length;
    if (entries > entriesMax) return `must hold at most ${entriesMax} keys and array items in all`;
    for (const child of children) pending.push([child, depth + 1]);
  }
  return undefined;
}
