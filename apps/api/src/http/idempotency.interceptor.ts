import { createHash } from 'node:crypto';
import { CallHandler, ExecutionContext, Inject, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { Request, Response } from 'express';
import { Observable, from, mergeMap, of } from 'rxjs';
import { canonicalJson } from '@bcl/event-store';
import { ServiceStore } from '@bcl/service-store';
import { SERVICE_STORE } from '@bcl/application';
import { Problem, invalidRequest } from '@bcl/application';

const KEY_PATTERN = /^[A-Za-z0-9._:-]{1,100}$/;
const REPLAYED_HEADERS = ['etag', 'location'];
const logger = new Logger('idempotency');

/**
 * Idempotency-Key on writes: the first successful response is kept (per caller and key, across restarts);
 * a retry with the same key and request gets it again with `Idempotency-Replayed: true`, and the same key
 * with a different request is refused with 422. Failed requests are not kept: they changed nothing, so a
 * retry runs again; nor are 202 answers (recorded, read model behind), so a retry answers in full later.
 * This record is a cache: the log is the truth. Event ids are derived from the key and the request hash is
 * recorded in the events' metadata, so a retry whose record was lost (a crash between the append and
 * saving it) or that races the first attempt is answered from the log as the original (EventLogWriter).
 * The hash covers method, path, If-Match and body, never the correlation id.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@Inject(SERVICE_STORE) private readonly service: ServiceStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    const key = request.headers['idempotency-key'];
    if (request.method === 'GET' || key === undefined) return next.handle();
    if (typeof key !== 'string' || !KEY_PATTERN.test(key))
      throw invalidRequest([
        { field: 'Idempotency-Key', reason: 'must be 1-100 characters of A-Z a-z 0-9 . _ : -' },
      ]);
    const scope = request.identity!.subject;
    const ifMatch = request.headers['if-match'];
    const requestHash = createHash('sha256')
      .update(
        `${request.method} ${request.originalUrl}\n${ifMatch === undefined ? '' : `If-Match: ${String(ifMatch)}\n`}${bodyText(request.body)}`,
      )
      .digest('hex');
    request.idempotencyRequestHash = requestHash;
    return from(this.service.findIdempotencyRecord(scope, key)).pipe(
      mergeMap((record) => {
        if (!record)
          return next.handle().pipe(mergeMap((body) => this.keep(scope, key, requestHash, response, body)));
        if (record.requestHash !== requestHash)
          throw new Problem(
            422,
            'idempotency-key-reused',
            'The Idempotency-Key was used for another request',
            `key '${key}' was first used at ${record.createdAt} for a different request; use a new key`,
            [{ field: 'Idempotency-Key', reason: 'was used before with a different method, path or body' }],
          );
        response.status(record.status);
        for (const [name, value] of Object.entries(record.headers)) response.setHeader(name, value);
        response.setHeader('Idempotency-Replayed', 'true');
        return of(JSON.parse(record.body) as unknown);
      }),
    );
  }

  private async keep(scope: string, key: string, requestHash: string, response: Response, body: unknown) {
    if (response.statusCode === 202) return body;
    const headers: Record<string, string> = {};
    for (const name of REPLAYED_HEADERS) {
      const value = response.getHeader(name);
      if (typeof value === 'string') headers[name] = value;
    }
    try {
      await this.service.saveIdempotencyRecord({
        scope,
        key,
        requestHash,
        status: response.statusCode,
        body: JSON.stringify(body ?? null),
        headers,
        createdAt: new Date().toISOString(),
      });
    } catch (error) {
      // The write is recorded; a retry is answered from the log, so failing to keep the answer is not a failure.
      logger.warn(`could not keep the answer for Idempotency-Key '${key}': ${String(error)}`);
    }
    return body;
  }
}

/** The body in canonical form (key order does not matter); JSON numbers too large for a double fall back. */
function bodyText(body: unknown): string {
  try {
    return canonicalJson(body ?? null);
  } catch {
    try {
      return JSON.stringify(body ?? null);
    } catch {
      throw invalidRequest([{ field: 'body', reason: 'is nested too deeply to be read' }]); // never a stack overflow 500
    }
  }
}
