import { Request, Response } from 'express';
import { invalidRequest } from '@bcl/application';

const IF_MATCH = /^(?:W\/)?"(-?\d{1,15})"$/;

/** The revision an If-Match header names, or undefined when the header is absent. */
export function ifMatchRevision(request: Request): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined) return undefined;
  const match = typeof header === 'string' ? IF_MATCH.exec(header.trim()) : null;
  if (!match)
    throw invalidRequest([{ field: 'If-Match', reason: 'must be an ETag from this API, such as "3"' }]);
  return Number(match[1]);
}

export function setEtag(response: Response, revision: number): void {
  response.setHeader('ETag', `"${revision}"`);
}
