/**
 * Hard limits on everything the store accepts (TIGER_STYLE: put a bound on every loop and input).
 * Each is documented in docs/event-store.md; changing one is a format decision, not a tuning knob.
 */
export const LIMITS = {
  /** Longest stream name, in UTF-16 code units. */
  streamNameMaxLength: 200,
  /** Longest event type name. */
  eventTypeMaxLength: 200,
  /** Events in one atomic append. */
  eventsPerAppendMax: 1000,
  /** Size of one stored event record (canonical JSON), in bytes. */
  recordMaxBytes: 1_048_576,
  /** Events returned by one read call. */
  readPageSizeMax: 10_000,
  /** Default page size for reads and subscriptions. */
  readPageSizeDefault: 1000,
  /** Events one group commit will put in a single transaction. */
  groupCommitEventsMax: 10_000,
  /** Schema version range for event payloads. */
  schemaVersionMax: 1_000_000,
} as const;

/** Stream names: printable, no leading '$' (reserved for store-internal and EventStoreDB system streams). */
export const STREAM_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:\-/@+]*$/;
/** Event type names: a dotted or PascalCase identifier. */
export const EVENT_TYPE_PATTERN = /^[A-Za-z][A-Za-z0-9_.:-]*$/;
