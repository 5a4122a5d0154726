import { DomainError } from '@bcl/kernel';
import { HttpException } from '@nestjs/common';
import {
  WrongExpectedRevisionError,
  IdempotencyConflictError,
  InvalidRequestError,
  StorageFullError,
} from '@bcl/event-store';
import { CellsRefused } from '@bcl/domain-returns';
import { FieldProblem, Problem } from './problem';

/** An RFC 9457 problem body: what the API writes as application/problem+json, and what a page shows. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  correlationId?: string;
  errors?: FieldProblem[];
  [extra: string]: unknown;
}

const DOMAIN_STATUS: Record<DomainError['kind'], number> = { invalid: 422, conflict: 409, 'not-found': 404 };

/**
 * Any error as the problem it answers: a Problem as thrown, a domain refusal (422/409/404) naming the field, a
 * concurrent change (409), a full store (507), and anything else a 500 that says what to do.
 */
export function problemOf(exception: unknown, instance: string, correlationId?: string): ProblemBody {
  const base = (status: number, slug: string, title: string, detail: string, errors?: FieldProblem[]) => ({
    type: `/problems/${slug}`,
    title,
    status,
    detail,
    instance,
    ...(correlationId === undefined ? {} : { correlationId }),
    ...(errors && errors.length > 0 ? { errors } : {}),
  });
  if (exception instanceof Problem)
    return {
      ...base(exception.getStatus(), exception.slug, exception.title, exception.detail, exception.errors),
      ...exception.extra,
    };
  if (exception instanceof CellsRefused)
    // one entry per refused cell, with the sheet and row where the value came from a workbook
    return base(422, 'cells-refused', 'Values refused', exception.message, exception.problems);
  if (exception instanceof DomainError) {
    const status = DOMAIN_STATUS[exception.kind];
    const title = {
      422: 'The request breaks a rule',
      409: 'The request conflicts with the record',
      404: 'Not found',
    }[status]!;
    return base(status, `domain-${exception.kind}`, title, exception.message, [
      { field: exception.field, reason: exception.reason },
    ]);
  }
  if (exception instanceof WrongExpectedRevisionError) {
    return {
      ...base(
        409,
        'concurrent-change',
        'The resource changed meanwhile',
        `${exception.message}; read it again and retry`,
      ),
      currentRevision: exception.actual,
    };
  }
  if (exception instanceof StorageFullError)
    // Raised only by an append whose transaction was rolled back; a write that had recorded anything before
    // (pass-resolution's claim) answers its own problem, and a failure after the append answers 202.
    return base(
      507,
      'storage-full',
      "The ledger's storage is full",
      "the ledger's storage is full; nothing was recorded; retry when space is freed",
    );
  if (exception instanceof IdempotencyConflictError || exception instanceof InvalidRequestError)
    return base(422, 'unprocessable', 'The request cannot be recorded', exception.message);
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const slug =
      status === 404
        ? 'not-found'
        : status === 401
          ? 'unauthenticated'
          : status === 403
            ? 'forbidden'
            : 'http-error';
    return base(status, slug, exception.message, exception.message);
  }
  return base(
    500,
    'internal-error',
    'Internal error',
    'the request failed unexpectedly (logged with its correlation id); a write answered so was not recorded unless the store lost its connection while committing: retry it with the same Idempotency-Key, which never records twice',
  );
}
