// An append request checked and made ready to plan: each event's data and metadata written as canonical JSON once,
// for its record and its content key (append-planner.ts uses both and re-exports what is here).
import { canonicalJson, isJsonObject } from './canonical-json';
import { EventMetadata, ExpectedRevision, JsonObject, NewEvent } from './event-envelope';
import { InvalidRequestError } from './errors';
import { contentKeyOf } from './event-record';
import { EVENT_TYPE_PATTERN, LIMITS, STREAM_NAME_PATTERN } from './limits';

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
  const prepared = new Array<PreparedEvent>(events.length);
  for (let index = 0; index < events.length; index += 1) {
    prepared[index] = prepareEvent(events[index], `events[${index}]`);
  }
  if (prepared.length > 1) {
    // one-event appends (most of them) have no id to repeat: no set for them
    const ids = new Set<string>();
    for (let index = 0; index < prepared.length; index += 1) {
      const { eventId } = prepared[index]!;
      if (ids.has(eventId)) {
        throw new InvalidRequestError(`events[${index}].eventId`, 'appears twice in one append');
      }
      ids.add(eventId);
    }
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
