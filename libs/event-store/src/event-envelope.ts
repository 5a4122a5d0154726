import type { OperatorWrite } from '@bcl/kernel';

/** JSON values as they are stored. No undefined, no functions, no non-finite numbers, no bigint. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Who recorded an event. Filled from authentication, never from a request body. */
export interface Actor {
  /** Stable pseudonymous id of the person or system. */
  id: string;
  /** The authority the actor acted under: a role, post, delegation or resolution reference. */
  authority?: string;
  [key: string]: JsonValue | undefined;
}

export interface EventMetadata {
  actor: Actor;
  correlationId: string;
  causationId?: string;
  idempotencyKey?: string;
  /** Why the change was made. */
  reason?: string;
  /** When the fact takes effect (ISO 8601 date or date-time), where it differs from recordedAt. */
  validTime?: string;
  /** What the fact rests on: citations (document and place), or assumed with why (kernel `Evidence`). */
  evidence?: { citations: string[]; assumed: string | null };
  /**
   * Set on a raw write by an operator (`bcl append`), which no context's rules decided: every view that shows
   * the event marks it. `intoContextStream` says the operator insisted on writing into a context's stream.
   */
  operatorWrite?: OperatorWrite;
  [key: string]: JsonValue | Actor | { citations: string[]; assumed: string | null } | undefined;
}

// the mark's shape and reader live in the shared kernel, so the domains' views read it the same way
export { operatorWriteOf } from '@bcl/kernel';
export type { OperatorWrite };

/** What a writer hands to the store. */
export interface NewEvent {
  /** UUID, chosen by the writer, so that a retry is recognised. */
  eventId: string;
  type: string;
  /** Version of the payload's schema; defaults to 1. */
  schemaVersion?: number;
  data: JsonObject;
  metadata: EventMetadata;
}

/** An event as the store holds it. */
export interface StoredEvent {
  eventId: string;
  stream: string;
  /** 0-based position within the stream. */
  revision: number;
  /** Position in the global log. Strictly increasing; contiguous on the SQL and in-memory stores. */
  position: bigint;
  type: string;
  schemaVersion: number;
  data: JsonObject;
  metadata: EventMetadata;
  /** Set by the store when the event was committed (ISO 8601, UTC). */
  recordedAt: string;
  /** Hash of the event before this one in the global log (64 zero digits for the first). */
  prevHash: string;
  /** SHA-256 (hex) of this event's stored record, which includes prevHash. */
  hash: string;
}

/** What the writer expects the stream's current revision to be. */
export type ExpectedRevision = 'any' | 'no-stream' | number;

export interface AppendResult {
  stream: string;
  firstRevision: number;
  /** Pass this as the next expected revision. */
  lastRevision: number;
  firstPosition: bigint;
  lastPosition: bigint;
  /** True when the events had already been appended and this call changed nothing. */
  replayed: boolean;
}

export function describeExpected(expected: ExpectedRevision): string {
  return typeof expected === 'number' ? `revision ${expected}` : expected;
}
