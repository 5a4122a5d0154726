/** Typed errors of the event store port. Every message is one line that says what is wrong. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The stream was not at the revision the writer expected. Nothing was written. */
export class WrongExpectedRevisionError extends EventStoreError {
  readonly code = 'wrong-expected-revision';
  constructor(
    readonly stream: string,
    readonly expected: string,
    /** Current revision of the stream, or 'no-stream'. */
    readonly actual: number | 'no-stream',
  ) {
    super(`stream '${stream}' is at revision ${actual}, but the append expected ${expected}`);
  }
}

/** An event id was appended before with a different body, or to a different place. Nothing was written. */
export class IdempotencyConflictError extends EventStoreError {
  readonly code = 'idempotency-conflict';
  constructor(
    readonly eventId: string,
    reason: string,
  ) {
    super(`event id ${eventId} was already appended ${reason}`);
  }
}

/** The request itself is malformed (an append, or a read page size). Nothing was written. */
export class InvalidRequestError extends EventStoreError {
  readonly code = 'invalid-request';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

/** The store setting or the store's contents cannot be used. Raised at start, before anything is written. */
export class StoreOpenError extends EventStoreError {
  readonly code = 'store-open';
}

/** A store opened only if it exists (a read-only tool's `mustExist`) is not there. Nothing was created. */
export class StoreMissingError extends StoreOpenError {}

/**
 * The store's storage is full, and the append's transaction was rolled back: nothing was written. Raised only
 * where the database says so for certain (SQLite's SQLITE_FULL, PostgreSQL's 53100 disk_full), never for an
 * I/O error whose outcome is unknown. Retry once space is freed.
 */
export class StorageFullError extends EventStoreError {
  readonly code = 'storage-full';
  constructor(
    location: string,
    readonly underlying: Error,
  ) {
    super(`the store at ${location} is full (${underlying.message.split('\n')[0]}); nothing was written`);
  }
}
