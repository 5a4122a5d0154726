import * as crypto from 'node:crypto';
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { EventMetadata, JsonObject, StoredEvent } from './event-envelope';

/** prevHash of the first event in a log. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The fields that are hashed. The record's bytes are written once, at append, and never re-serialised:
 * verification hashes exactly what was stored. The global position is not in the record (EventStoreDB only
 * assigns it after the write); the chain itself fixes the order, because each record names its predecessor.
 */
export interface EventRecordFields {
  eventId: string;
  stream: string;
  revision: number;
  type: string;
  schemaVersion: number;
  recordedAt: string;
  prevHash: string;
  metadata: EventMetadata;
  data: JsonObject;
}

/**
 * The record's key order is fixed (metadata and data are canonical JSON inside it), so that verification
 * can check its leading keys against the index columns and find prevHash without parsing it.
 */
export function encodeRecord(
  fields: Omit<EventRecordFields, 'metadata' | 'data'>,
  canonicalMetadata: string,
  canonicalData: string,
): string {
  return (
    recordPrefix(fields.eventId, fields.stream, fields.revision) +
    `"type":${JSON.stringify(fields.type)},"schemaVersion":${fields.schemaVersion},` +
    `"recordedAt":${JSON.stringify(fields.recordedAt)},"prevHash":"${fields.prevHash}",` +
    `"metadata":${canonicalMetadata},"data":${canonicalData}}`
  );
}

/** Where prevHash stands in a record: after the prefix, type, schemaVersion and recordedAt, none of which can hold a quote. */
export const PREV_HASH_KEY = ',"prevHash":"';

export function recordPrefix(eventId: string, stream: string, revision: number): string {
  return `{"eventId":${JSON.stringify(eventId)},"stream":${JSON.stringify(stream)},"revision":${revision},`;
}

/** Whether JSON.stringify escapes a character of `value` (quote, backslash, control, surrogate); else it only quotes it. */
function needsEscape(value: string): boolean {
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x22 || code === 0x5c || (code >= 0xd800 && code <= 0xdfff)) return true;
  }
  return false;
}

/**
 * Whether `record` starts with recordPrefix(eventId, stream, revision), compared in place: verification asks
 * this of every row, and building the prefix would copy it each time.
 */
export function startsWithRecordPrefix(
  record: string,
  eventId: string,
  stream: string,
  revision: number,
): boolean {
  if (needsEscape(eventId) || needsEscape(stream)) {
    return record.startsWith(recordPrefix(eventId, stream, revision));
  }
  const idAt = EVENT_ID_KEY.length + 1;
  const streamAt = idAt + eventId.length + 1 + STREAM_KEY.length + 1;
  const revisionAt = streamAt + stream.length + 1 + REVISION_KEY.length;
  const digits = `${revision},`;
  return (
    record.startsWith(EVENT_ID_KEY) &&
    record.charCodeAt(idAt - 1) === QUOTE &&
    occursAt(record, eventId, idAt) &&
    record.charCodeAt(idAt + eventId.length) === QUOTE &&
    record.startsWith(STREAM_KEY, idAt + eventId.length + 1) &&
    record.charCodeAt(streamAt - 1) === QUOTE &&
    occursAt(record, stream, streamAt) &&
    record.charCodeAt(streamAt + stream.length) === QUOTE &&
    record.startsWith(REVISION_KEY, streamAt + stream.length + 1) &&
    record.startsWith(digits, revisionAt)
  );
}

/**
 * `text.startsWith(part, at)` for `at` within `text`, faster where it holds (V8's indexOf compares a matching run
 * faster than startsWith does); where it does not, it searches on, so it suits checks that hold but for a break.
 */
export function occursAt(text: string, part: string, at: number): boolean {
  return text.indexOf(part, at) === at;
}

const EVENT_ID_KEY = '{"eventId":';
const STREAM_KEY = ',"stream":';
const REVISION_KEY = ',"revision":';
const QUOTE = 0x22;

const oneShotHash = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;

export function hashRecord(record: string): string {
  return oneShotHash
    ? oneShotHash('sha256', record, 'hex')
    : createHash('sha256').update(record, 'utf8').digest('hex');
}

/** Rebuilds a stored event from its record and the two values kept beside it. */
export function decodeRecord(record: string, position: bigint, hash: string): StoredEvent {
  const event = JSON.parse(record) as StoredEvent;
  event.position = position;
  event.hash = hash;
  return event;
}

/** What makes two appends of the same event id "the same event": everything the writer chose. */
export function contentKey(event: {
  type: string;
  schemaVersion: number;
  data: JsonObject;
  metadata: EventMetadata;
}): string {
  return contentKeyOf(
    event.type,
    event.schemaVersion,
    canonicalJson(event.metadata),
    canonicalJson(event.data),
  );
}

export function contentKeyOf(
  type: string,
  schemaVersion: number,
  canonicalMetadata: string,
  canonicalData: string,
): string {
  return `${type}\n${schemaVersion}\n${canonicalMetadata}\n${canonicalData}`;
}
