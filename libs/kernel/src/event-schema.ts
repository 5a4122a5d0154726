/**
 * Versioned event schemas. Each bounded context declares, in its `events.ts`, every event type it records with
 * the version of that type's payload the code writes today, and one upcaster per version step that turns a
 * payload of an older version into the next one. The stored bytes never change: readers see an old event in
 * its current shape because the event store's reading side upcasts it (see `withUpcasting` in the event
 * store). How to change an event: docs/file-formats.md, "Changing an event".
 */

/** An event's payload (or metadata) as read: a JSON object. */
export type EventPayload = { readonly [key: string]: unknown };

/** One version step of one event type: reads a payload stored at `from`, returns it at `from + 1`. */
export interface EventUpcaster {
  readonly from: number;
  /** Pure: no clock, no I/O. The metadata is the stored event's, for steps that need who or when. */
  upcast(data: EventPayload, metadata: EventPayload): EventPayload;
}

export interface EventSchema {
  /** The version the code writes and every reader sees. Starts at 1. */
  readonly currentVersion: number;
  /** One per step below currentVersion: from 1, 2, ... currentVersion - 1. */
  readonly upcasters?: readonly EventUpcaster[];
}

/** Event type → its schema. Types not in a catalogue are read exactly as stored. */
export type EventSchemaCatalogue = { readonly [type: string]: EventSchema };

/**
 * A context's catalogue, checked against its event union: `{ … } satisfies EventSchemasOf<MyEvent['type']>`
 * fails to compile when an event type is missing or misspelt.
 */
export type EventSchemasOf<Type extends string> = { readonly [K in Type]: EventSchema };

/** What is wrong with a catalogue or an event read against it. */
export class EventSchemaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EventSchemaError';
  }
}

/** One catalogue from several contexts' catalogues; refuses an event type declared twice. */
export function combineCatalogues(...catalogues: EventSchemaCatalogue[]): EventSchemaCatalogue {
  const combined: { [type: string]: EventSchema } = {};
  for (const catalogue of catalogues) {
    for (const [type, schema] of Object.entries(catalogue)) {
      if (Object.prototype.hasOwnProperty.call(combined, type)) {
        throw new EventSchemaError(`event type '${type}' is declared in two catalogues`);
      }
      checkSchema(type, schema);
      combined[type] = schema;
    }
  }
  return Object.freeze(combined);
}

/** Refuses a schema whose steps do not run 1 → 2 → … → currentVersion exactly once each. */
export function checkSchema(type: string, schema: EventSchema): void {
  const { currentVersion } = schema;
  if (!Number.isSafeInteger(currentVersion) || currentVersion < 1) {
    throw new EventSchemaError(`event type '${type}': currentVersion must be a whole number of 1 or more`);
  }
  const steps = (schema.upcasters ?? []).map((upcaster) => upcaster.from);
  for (let from = 1; from < currentVersion; from += 1) {
    const count = steps.filter((step) => step === from).length;
    if (count !== 1) {
      throw new EventSchemaError(
        `event type '${type}': ${count === 0 ? 'no upcaster' : `${count} upcasters`} from version ${from}; need exactly one`,
      );
    }
  }
  const beyond = steps.find((from) => !Number.isSafeInteger(from) || from < 1 || from >= currentVersion);
  if (beyond !== undefined) {
    throw new EventSchemaError(
      `event type '${type}': an upcaster from version ${beyond} is outside 1..${currentVersion - 1}`,
    );
  }
}

/** What upcasting reads and returns: the parts of an event that carry its shape. */
export interface VersionedEvent {
  type: string;
  schemaVersion: number;
  data: EventPayload;
  metadata: EventPayload;
}

/**
 * The event in its current shape: its data passed through each step from its stored version to its type's
 * current version, and `schemaVersion` set to the current one. Returns the event itself when there is nothing
 * to do (an undeclared type, or one already current). Throws EventSchemaError for an event stored at a
 * version newer than the code knows (an older release reading a newer log) or a missing step.
 */
export function upcastEvent<E extends VersionedEvent>(catalogue: EventSchemaCatalogue, event: E): E {
  const schema = Object.prototype.hasOwnProperty.call(catalogue, event.type)
    ? catalogue[event.type]
    : undefined;
  if (!schema || event.schemaVersion === schema.currentVersion) return event;
  if (event.schemaVersion > schema.currentVersion) {
    throw new EventSchemaError(
      `event type '${event.type}' is stored at version ${event.schemaVersion}, but this release knows only ` +
        `versions up to ${schema.currentVersion}: upgrade the ledger software to read it`,
    );
  }
  let data = event.data;
  for (let from = event.schemaVersion; from < schema.currentVersion; from += 1) {
    const step = schema.upcasters?.find((upcaster) => upcaster.from === from);
    if (!step) {
      throw new EventSchemaError(
        `event type '${event.type}' has no upcaster from version ${from} to ${from + 1}`,
      );
    }
    data = step.upcast(data, event.metadata);
  }
  return { ...event, data, schemaVersion: schema.currentVersion };
}

/** The version a new event of this type is written at; undefined for a type no catalogue declares. */
export function currentVersionOf(catalogue: EventSchemaCatalogue, type: string): number | undefined {
  return Object.prototype.hasOwnProperty.call(catalogue, type) ? catalogue[type]!.currentVersion : undefined;
}
