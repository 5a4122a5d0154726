import { NextFunction, Request, Response } from 'express';

/**
 * The API answers no conditional GET (never 304): an ETag names a stream's revision, for a write's `If-Match`,
 * and what a read answers can change while that stream does not (a pool-year's position when its agreement is
 * varied or its plan restated, any view whose default date moves on). So `If-None-Match` and
 * `If-Modified-Since` are dropped before Express would compare them with that ETag.
 */
export function noConditionalGet(request: Request, _response: Response, next: NextFunction): void {
  delete request.headers['if-none-match'];
  delete request.headers['if-modified-since'];
  next();
}
