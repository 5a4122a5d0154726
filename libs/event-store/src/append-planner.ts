import { canonicalJson, isJsonObject } from './canonical-json';
import {
  AppendResult,
  EventMetadata,
  ExpectedRevision,
  JsonObject,
  NewEvent,
  describeExpected,
} from './event-envelope';
import { IdempotencyConflictError, InvalidRequestError, WrongExpectedRevisionError } from './errors';
import { contentKeyOf, encodeRecord, hashRecord } from './event-record';
import { EVENT_TYPE_PATTERN, LIMITS, STREAM_NAME_PATTERN } from './limits';
import type { Signer } from './signing/signing-keys';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

export interface PreparedEvent {
  eventId: string;
  type: string;
  schemaVersion: number;
  data: JsonObject;
  metadata: EventMetadata;
  /** Canonical JSON of data and metadata, written once and reused for the record and the content key. */
  canonicalData: string;
  canonicalMetadata: string;
  contentKey: string;
}

/** A validated append request. */
export interface PreparedAppend {
  stream: string;
  events: PreparedEvent[];
  expected: ExpectedRevision;
}

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

/** Validates one append request; throws InvalidRequestError naming the field and the reason. */
export function prepareAppend(stream: unknown, events: unknown, expected: unknown): PreparedAppend {
  if (typeof stream !== 'string' || stream.length === 0 || stream.length > LIMITS.streamNameMaxLength) {
    throw new InvalidRequestError('stream', `must be 1 to ${LIMITS.streamNameMaxLength} characters`);
  }
  if (!STREAM_NAME_PATTERN.test(stream)) {
    throw new InvalidRequestError(
      'stream',
      'must start with a letter or digit and hold only letters, digits and _ . : - / @ +',
    );
  }
  if (!Array.isArray(events) || events.length === 0 || events.length > LIMITS.eventsPerAppendMax) {
    throw new InvalidRequestError('events', `must be a list of 1 to ${LIMITS.eventsPerAppendMax} events`);
  }
  const prepared = events.map((event, index) => prepareEvent(event, `events[${index}]`));
  const ids = new Set<string>();
  for (const [index, event] of prepared.entries()) {
    if (ids.has(event.eventId)) {
      throw new InvalidRequestError(`events[${index}].eventId`, 'appears twice in one append');
    }
    ids.add(event.eventId);
  }
  return { stream, events: prepared, expected: prepareExpected(expected) };
}

function prepareExpected(expected: unknown): ExpectedRevision {
  if (expected === 'any' || expected === 'no-stream') return expected;
  if (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= 0) return expected;
  throw new InvalidRequestError('expectedRevision', "must be 'any', 'no-stream' or a revision (0 or more)");
}

function prepareEvent(value: unknown, field: string): PreparedEvent {
  if (!isJsonObject(value)) throw new InvalidRequestError(field, 'must be an object');
  const event = value as unknown as NewEvent;
  if (typeof event.eventId !== 'string' || !UUID_PATTERN.test(event.eventId)) {
    throw new InvalidRequestError(`${field}.eventId`, 'must be a lower-case UUID');
  }
  if (
    typeof event.type !== 'string' ||
    event.type.length > LIMITS.eventTypeMaxLength ||
    !EVENT_TYPE_PATTERN.test(event.type)
  ) {
    throw new InvalidRequestError(
      `${field}.type`,
      `must be an identifier of at most ${LIMITS.eventTypeMaxLength} characters, starting with a letter`,
    );
  }
  const schemaVersion = event.schemaVersion ?? 1;
  if (!Number.isSafeInteger(schemaVersion) || schemaVersion < 1 || schemaVersion > LIMITS.schemaVersionMax) {
    throw new InvalidRequestError(
      `${field}.schemaVersion`,
      `must be a whole number from 1 to ${LIMITS.schemaVersionMax}`,
    );
  }
  if (!isJsonObject(event.data)) throw new InvalidRequestError(`${field}.data`, 'must be a JSON object');
  const metadata = event.metadata as unknown;
  if (!isJsonObject(metadata)) throw new InvalidRequestError(`${field}.metadata`, 'must be an object');
  const { actor, correlationId, causationId, validTime } = metadata as unknown as EventMetadata;
  if (!isJsonObject(actor) || typeof actor.id !== 'string' || actor.id.length === 0) {
    throw new InvalidRequestError(
      `${field}.metadata.actor.id`,
      'is required: every event says who recorded it',
    );
  }
  if (typeof correlationId !== 'string' || correlationId.length === 0) {
    throw new InvalidRequestError(`${field}.metadata.correlationId`, 'is required');
  }
  if (causationId !== undefined && typeof causationId !== 'string') {
    throw new InvalidRequestError(`${field}.metadata.causationId`, 'must be a string');
  }
  if (validTime !== undefined && (typeof validTime !== 'string' || !isIsoDate(validTime))) {
    throw new InvalidRequestError(`${field}.metadata.validTime`, 'must be an ISO 8601 date or date-time');
  }
  const { operatorWrite } = metadata as unknown as EventMetadata;
  if (
    operatorWrite !== undefined &&
    (!isJsonObject(operatorWrite) ||
      typeof operatorWrite.reason !== 'string' ||
      operatorWrite.reason.length === 0 ||
      typeof operatorWrite.intoContextStream !== 'boolean')
  ) {
    throw new InvalidRequestError(
      `${field}.metadata.operatorWrite`,
      'must be { reason: text, intoContextStream: true or false }',
    );
  }
  let canonicalData: string;
  let canonicalMetadata: string;
  try {
    canonicalData = canonicalJson(event.data, `${field}.data`);
    canonicalMetadata = canonicalJson(event.metadata, `${field}.metadata`);
  } catch (error) {
    const message = (error as Error).message;
    const [path, reason] = message.includes(': ') ? message.split(/: (.*)/s) : [field, message];
    throw new InvalidRequestError(path ?? field, reason ?? message);
  }
  return {
    eventId: event.eventId,
    type: event.type,
    schemaVersion,
    data: event.data,
    metadata: event.metadata,
    canonicalData,
    canonicalMetadata,
    contentKey: contentKeyOf(event.type, schemaVersion, canonicalMetadata, canonicalData),
  };
}

function isIsoDate(value: string): boolean {
  return ISO_DATE_PATTERN.test(value) && !Number.isNaN(Date.parse(value));
}

/**
 * Decides, in order, what each append in a batch does: write, replay an earlier identical append, or fail.
 * Pure: the caller supplies what the store holds and the commit time, and writes the rows it returns in one
 * transaction. A failed append changes nothing and does not affect the others in the batch.
 */
export function planAppendBatch(
  appends: PreparedAppend[],
  lookups: AppendBatchLookups,
  head: ChainHead,
  recordedAt: string,
  signer?: Signer,
): AppendBatchPlan {
  const revisions = new Map(lookups.streamRevisions);
  const known = new Map(lookups.existingEvents);
  const rows: NewRow[] = [];
  let current = head;
  const outcomes = appends.map((append): AppendOutcome => {
    try {
      const replay = findReplay(append, known);
      if (replay) return { ok: true, result: replay };
      const revision = revisions.get(append.stream) ?? -1;
      checkExpected(append, revision);
      const planned = chainRows(append, revision, current, recordedAt, signer);
      for (const row of planned) {
        rows.push(row);
        known.set(row.eventId, {
          ...row,
          contentKey: append.events[row.revision - revision - 1]!.contentKey,
        });
      }
      const last = planned[planned.length - 1]!;
      revisions.set(append.stream, last.revision);
      current = { position: last.position, hash: last.hash, signed: last.signature !== null };
      return { ok: true, result: resultOf(append.stream, planned, false) };
    } catch (error) {
      return { ok: false, error: error as Error };
    }
  });
  return { rows, outcomes, head: current };
}

/** Builds the rows of one append on top of the chain head, for the stores that number their own log. */
export function chainRows(
  append: PreparedAppend,
  revision: number,
  head: ChainHead,
  recordedAt: string,
  signer?: Signer,
): NewRow[] {
  refuseUnsignedOntoSigned(head, signer);
  return encodeChain(append, revision, head.hash, recordedAt, signer).map((row, index) => ({
    ...row,
    position: head.position + 1n + BigInt(index),
  }));
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
  };
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
  const stored = append.events.map((event) => known.get(event.eventId));
  if (stored.every((event) => event === undefined)) return undefined;
  const original: ExistingEvent[] = [];
  for (const [index, event] of append.events.entries()) {
    const existing = stored[index];
    if (!existing) {
      throw new IdempotencyConflictError(
        stored.find(Boolean)!.eventId,
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
