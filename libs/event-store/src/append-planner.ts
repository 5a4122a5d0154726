import { AppendResult, describeExpected } from './event-envelope';
import { IdempotencyConflictError, InvalidRequestError, WrongExpectedRevisionError } from './errors';
import { encodeRecord, hashRecord } from './event-record';
import { LIMITS } from './limits';
import type { Signer } from './signing/signing-keys';
import type { PreparedAppend, PreparedEvent } from './append-request';

export { prepareAppend, type PreparedAppend, type PreparedEvent } from './append-request';

/** An event already in the store, as idempotency checking needs it. */
export interface ExistingEvent {
  eventId: string;
  stream: string;
  revision: number;
  position: bigint;
  contentKey: string;
}

/** A row to insert: the stored record and the index columns beside it. */
export interface NewRow {
  position: bigint;
  eventId: string;
  stream: string;
  revision: number;
  type: string;
  recordedAt: string;
  record: string;
  hash: string;
  /**
   * The writer's key id and its Ed25519 signature (base64) over the record's bytes, which name the previous
   * event's hash, so the signature binds the event to its place in the chain. Null when the store has no signer.
   */
  signer: string | null;
  signature: string | null;
}

export interface ChainHead {
  /** Position of the last event (the position before the first event when the log is empty). */
  position: bigint;
  hash: string;
  /** Whether the last event is signed: then an unsigned append is refused (`refuseUnsignedOntoSigned`). */
  signed: boolean;
  /** The last event's recordedAt (null when the log is empty): the next event is recorded no earlier. */
  recordedAt: string | null;
}

/**
 * The instant to record an event appended after one recorded at `lastIso`: the writer's clock, unless that is
 * behind the last event (a clock stepped back, or another writer's clock ahead), when it is the last event's
 * instant itself, so that recordedAt never goes backwards along the log and reads "as known at" an instant never
 * count an event without the events before it. Equal instants keep the last event's exact string.
 */
export function recordedAtAfter(nowIso: string, lastIso: string | null | undefined): string {
  if (!lastIso) return nowIso;
  const last = Date.parse(lastIso);
  return Number.isNaN(last) || Date.parse(nowIso) > last ? nowIso : lastIso;
}

/**
 * Refuses an append without a signer onto a log whose last event is signed: verification would call the unsigned
 * event a forgery (an `unsigned` break), so a writer whose key is not configured fails before recording anything.
 */
export function refuseUnsignedOntoSigned(head: Pick<ChainHead, 'signed'>, signer: Signer | undefined): void {
  if (head.signed && !signer) {
    throw new InvalidRequestError(
      'signer',
      "the log's events are signed and this writer has no signing key, so it would record events that verify calls forgeries: nothing was written (configure the writer's key: SIGNING_KEY_FILE for the API, --signing-key or BCL_SIGNING_KEY_FILE for bcl)",
    );
  }
}

export type AppendOutcome = { ok: true; result: AppendResult } | { ok: false; error: Error };

export interface AppendBatchPlan {
  rows: NewRow[];
  outcomes: AppendOutcome[];
  head: ChainHead;
}

/** What the store knows before planning: stream revisions and already stored events for the batch's ids. */
export interface AppendBatchLookups {
  /** Current revision per stream named in the batch; absent means the stream has no events. */
  streamRevisions: Map<string, number>;
  existingEvents: Map<string, ExistingEvent>;
}

/**
 * Decides, in order, what each append in a batch does: write, replay an earlier identical append, or fail.
 * Pure: the caller supplies what the store holds and its clock's time, and writes the rows it returns in one
 * transaction. A failed append changes nothing and does not affect the others in the batch. The rows are
 * recorded at `recordedAtAfter(now, head.recordedAt)`: never before the head, so the caller must plan under the
 * lock that fixes the head, or have the head checked there.
 *
 * Group append runs this for every event, so it builds each row once, with its position, and remembers a planned
 * event for the batch's later appends in a five-field entry, not a copy of its row (docs/operations.md, "Where
 * the time goes").
 */
export function planAppendBatch(
  appends: PreparedAppend[],
  lookups: AppendBatchLookups,
  head: ChainHead,
  now: string,
  signer?: Signer,
): AppendBatchPlan {
  const recordedAt = recordedAtAfter(now, head.recordedAt);
  const revisions = new Map(lookups.streamRevisions);
  const known = new Map(lookups.existingEvents);
  const rows: NewRow[] = [];
  const outcomes = new Array<AppendOutcome>(appends.length);
  let position = head.position;
  let hash = head.hash;
  let signed = head.signed;
  const last = appends.length - 1;
  for (let i = 0; i <= last; i += 1) {
    const append = appends[i]!;
    const first = rows.length;
    try {
      const replay = findReplay(append, known);
      if (replay) {
        outcomes[i] = { ok: true, result: replay };
        continue;
      }
      const revision = revisions.get(append.stream) ?? -1;
      checkExpected(append, revision);
      refuseUnsignedOntoSigned({ signed }, signer);
      hash = pushChain(rows, append, revision, position, hash, recordedAt, signer);
    } catch (error) {
      rows.length = first; // an append is written whole or not at all
      outcomes[i] = { ok: false, error: error as Error };
      continue;
    }
    const { events, stream } = append;
    // Only a later append in the batch can replay these events: the last append needs no entries.
    if (i < last) {
      for (let k = 0; k < events.length; k += 1) {
        const row = rows[first + k]!;
        known.set(row.eventId, {
          eventId: row.eventId,
          stream,
          revision: row.revision,
          position: row.position,
          contentKey: events[k]!.contentKey,
        });
      }
    }
    const firstRow = rows[first]!;
    const lastRow = rows[rows.length - 1]!;
    revisions.set(stream, lastRow.revision);
    position = lastRow.position;
    signed = lastRow.signature !== null;
    outcomes[i] = {
      ok: true,
      result: {
        stream,
        firstRevision: firstRow.revision,
        lastRevision: lastRow.revision,
        firstPosition: firstRow.position,
        lastPosition: lastRow.position,
        replayed: false,
      },
    };
  }
  const moved = position !== head.position;
  return { rows, outcomes, head: moved ? { position, hash, signed, recordedAt } : head };
}

/**
 * Appends one append's rows to `rows`, numbered after `position` and chained from `prevHash`; returns the last
 * row's hash. Throws, leaving rows it pushed for the caller to cut, when a record is too large.
 */
function pushChain(
  rows: NewRow[],
  append: PreparedAppend,
  revision: number,
  position: bigint,
  prevHash: string,
  recordedAt: string,
  signer: Signer | undefined,
): string {
  const { events, stream } = append;
  let previous = prevHash;
  for (let k = 0; k < events.length; k += 1) {
    const row = encodeRowAt(
      stream,
      events[k]!,
      revision + 1 + k,
      previous,
      recordedAt,
      signer,
      position + 1n + BigInt(k),
    );
    rows.push(row);
    previous = row.hash;
  }
  return previous;
}

/** Builds the rows of one append on top of the chain head (recorded no earlier than it), numbered from it. */
export function chainRows(
  append: PreparedAppend,
  revision: number,
  head: ChainHead,
  now: string,
  signer?: Signer,
): NewRow[] {
  refuseUnsignedOntoSigned(head, signer);
  const rows: NewRow[] = [];
  const recordedAt = recordedAtAfter(now, head.recordedAt);
  pushChain(rows, append, revision, head.position, head.hash, recordedAt, signer);
  return rows;
}

/** Encodes one append's records, each naming the hash of the one before it, starting from `prevHash`. */
export function encodeChain(
  append: PreparedAppend,
  revision: number,
  prevHash: string,
  recordedAt: string,
  signer?: Signer,
): Array<Omit<NewRow, 'position'>> {
  let previous = prevHash;
  return append.events.map((event, index) => {
    const row = encodeRow(append.stream, event, revision + 1 + index, previous, recordedAt, signer);
    previous = row.hash;
    return row;
  });
}

export function encodeRow(
  stream: string,
  event: PreparedEvent,
  revision: number,
  prevHash: string,
  recordedAt: string,
  signer?: Signer,
): Omit<NewRow, 'position'> {
  const { position: _position, ...row } = encodeRowAt(
    stream,
    event,
    revision,
    prevHash,
    recordedAt,
    signer,
    0n,
  );
  return row;
}

/** encodeRow with the row's position: one object per row, as the stores that number their own log write it. */
function encodeRowAt(
  stream: string,
  event: PreparedEvent,
  revision: number,
  prevHash: string,
  recordedAt: string,
  signer: Signer | undefined,
  position: bigint,
): NewRow {
  const record = encodeCheckedRecord(stream, event, revision, prevHash, recordedAt);
  return {
    eventId: event.eventId,
    stream,
    revision,
    type: event.type,
    recordedAt,
    record,
    hash: hashRecord(record),
    signer: signer ? signer.keyId : null,
    signature: signer ? signer.sign(record) : null,
    position,
  };
}

/** The event's record, refused when it is larger than a record may be. */
function encodeCheckedRecord(
  stream: string,
  event: PreparedEvent,
  revision: number,
  prevHash: string,
  recordedAt: string,
): string {
  const record = encodeRecord(
    {
      eventId: event.eventId,
      stream,
      revision,
      type: event.type,
      schemaVersion: event.schemaVersion,
      recordedAt,
      prevHash,
    },
    event.canonicalMetadata,
    event.canonicalData,
  );
  const bytes = Buffer.byteLength(record, 'utf8');
  if (bytes > LIMITS.recordMaxBytes) {
    throw new InvalidRequestError(
      `events[${event.eventId}]`,
      `is ${bytes} bytes when stored; the limit is ${LIMITS.recordMaxBytes}`,
    );
  }
  return record;
}

export function checkExpected(append: PreparedAppend, revision: number): void {
  const { expected } = append;
  const ok = expected === 'any' || (expected === 'no-stream' ? revision === -1 : revision === expected);
  if (!ok) {
    throw new WrongExpectedRevisionError(
      append.stream,
      describeExpected(expected),
      revision === -1 ? 'no-stream' : revision,
    );
  }
}

/**
 * If the append's events are already stored, returns the original result when they are the very same
 * events; throws when an id is reused for something else. Returns undefined when none is stored.
 */
export function findReplay(
  append: PreparedAppend,
  known: Map<string, ExistingEvent>,
): AppendResult | undefined {
  const { events } = append;
  let stored: ExistingEvent | undefined;
  for (let i = 0; i < events.length && !stored; i += 1) stored = known.get(events[i]!.eventId);
  if (!stored) return undefined; // the usual case: no event of the append is stored, and nothing was built
  const original: ExistingEvent[] = [];
  for (const event of events) {
    const existing = known.get(event.eventId);
    if (!existing) {
      throw new IdempotencyConflictError(
        stored.eventId,
        'in an append that did not hold all of these events',
      );
    }
    if (existing.stream !== append.stream) {
      throw new IdempotencyConflictError(event.eventId, `to stream '${existing.stream}'`);
    }
    if (existing.contentKey !== event.contentKey) {
      throw new IdempotencyConflictError(event.eventId, 'with a different body');
    }
    const previous = original[original.length - 1];
    if (previous && existing.revision !== previous.revision + 1) {
      throw new IdempotencyConflictError(event.eventId, 'in a different order');
    }
    original.push(existing);
  }
  return resultOf(append.stream, original, true);
}

function resultOf(
  stream: string,
  events: Array<{ revision: number; position: bigint }>,
  replayed: boolean,
): AppendResult {
  const first = events[0]!;
  const last = events[events.length - 1]!;
  return {
    stream,
    firstRevision: first.revision,
    lastRevision: last.revision,
    firstPosition: first.position,
    lastPosition: last.position,
    replayed,
  };
}
