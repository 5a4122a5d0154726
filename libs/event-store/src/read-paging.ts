import { InvalidRequestError } from './errors';
import type { ExistingEvent } from './append-planner';
import type { VerifiableRow } from './chain-verifier';
import type { StoredEvent } from './event-envelope';
import type { EventStore, RawPage, ReadAllPage, ReadStreamOptions } from './event-store.port';
import { contentKey, decodeRecord } from './event-record';
import { LIMITS } from './limits';

/** Clamps a requested page size to the store's limits; rejects nonsense. */
export function pageSize(requested: number | undefined): number {
  if (requested === undefined) return LIMITS.readPageSizeDefault;
  if (!Number.isSafeInteger(requested) || requested < 1) {
    throw new InvalidRequestError('maxCount', 'must be a whole number of 1 or more');
  }
  return Math.min(requested, LIMITS.readPageSizeMax);
}

/** Stream read semantics for stores that hold a stream as an array indexed by revision. */
export function sliceStream<T>(events: T[], options: ReadStreamOptions): T[] {
  const count = pageSize(options.maxCount);
  if (options.direction === 'backwards') {
    const from = Math.min(options.fromRevision ?? events.length - 1, events.length - 1);
    return events.slice(Math.max(0, from - count + 1), from + 1).reverse();
  }
  const from = options.fromRevision ?? 0;
  return events.slice(from, from + count);
}

/** A page of stored rows as events: what every adapter's readAll returns. */
export function decodePage(page: RawPage): ReadAllPage {
  return {
    events: page.rows.map((row) => decodeRecord(row.record, row.position, row.hash)),
    lastPosition: page.lastPosition,
    isEnd: page.isEnd,
  };
}

/** What idempotency checking needs to know of an event already stored. */
export function existingEvent(event: StoredEvent): ExistingEvent {
  const { eventId, stream, revision, position } = event;
  return { eventId, stream, revision, position, contentKey: contentKey(event) };
}

/**
 * Rows per page when a whole-log walk does not say: small enough that a page's rows and events die in V8's young
 * generation. With pages of 10,000 every page outlives several scavenges and is copied and promoted, and garbage
 * collection took about half of a replay's or a verification's time (docs/operations.md, "Where the time goes").
 */
export const LOG_PAGE_SIZE_DEFAULT = LIMITS.readPageSizeDefault;

export interface LogReadOptions {
  /** Start after this position (exclusive); from the beginning when absent. */
  after?: bigint;
  pageSize?: number;
}

/**
 * The log from a position in global order, one page of stored rows at a time (pages, not rows, so that the
 * hot loops of verify and replay pay one await per page). Holds one page in memory.
 */
export async function* logRowPages(
  store: EventStore,
  options: LogReadOptions = {},
): AsyncGenerator<VerifiableRow[]> {
  const count = options.pageSize ?? LOG_PAGE_SIZE_DEFAULT;
  let after = options.after;
  for (;;) {
    const page = await store.readRaw(after, count);
    if (page.rows.length > 0) yield page.rows;
    after = page.lastPosition;
    if (page.isEnd) return;
  }
}

/**
 * The log from a position in global order, one page of events at a time, as the store's readAll gives them
 * (so through an upcasting store, in their current shape). Holds one page in memory.
 */
export async function* logEventPages(
  store: EventStore,
  options: LogReadOptions = {},
): AsyncGenerator<StoredEvent[]> {
  const maxCount = options.pageSize ?? LOG_PAGE_SIZE_DEFAULT;
  let after = options.after;
  for (;;) {
    const page = await store.readAll({ after, maxCount });
    if (page.events.length > 0) yield page.events;
    after = page.lastPosition;
    if (page.isEnd) return;
  }
}

/** Every event of one stream, in revision order, read a page at a time. */
export async function readWholeStream(store: EventStore, stream: string): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for (;;) {
    const page = await store.readStream(stream, {
      fromRevision: events.length,
      maxCount: LIMITS.readPageSizeMax,
    });
    events.push(...page);
    if (page.length < LIMITS.readPageSizeMax) return events;
  }
}

/**
 * Folds a stream into state with a pure evolve function (the aggregate's (state, event) → state), and says
 * the stream's revision (-1 when it has no events), to pass as the next expected revision. Each event also
 * carries its `recordedAt`, for folds that keep the record time (the pooled-fund ledger).
 */
export async function foldStream<S, E extends { type: string; data: object }>(
  store: EventStore,
  stream: string,
  evolve: (state: S | undefined, event: E) => S,
): Promise<{ state: S | undefined; revision: number }> {
  const events = await readWholeStream(store, stream);
  return { state: foldEvents(events, evolve), revision: events.length - 1 };
}

/** Folds a stream's stored events (type, data and recordedAt) into its state. */
export function foldEvents<S, E extends { type: string; data: object }>(
  events: StoredEvent[],
  evolve: (state: S | undefined, event: E) => S,
): S | undefined {
  return events.reduce<S | undefined>(
    (s, event) =>
      evolve(s, { type: event.type, data: event.data, recordedAt: event.recordedAt } as unknown as E),
    undefined,
  );
}
