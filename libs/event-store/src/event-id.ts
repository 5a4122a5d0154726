import { createHash, randomBytes } from 'node:crypto';

/**
 * A new event id: a UUID version 7 (RFC 9562), whose first 48 bits are the Unix time in milliseconds.
 * The store accepts any UUID, but time-ordered ids land at the end of the event-id index instead of at a
 * random leaf, which nearly doubles group-commit throughput on SQLite (see docs/event-store.md).
 */
export function newEventId(nowMs: number = Date.now()): string {
  const bytes = randomBytes(16);
  let time = BigInt(nowMs);
  for (let i = 5; i >= 0; i -= 1) {
    bytes[i] = Number(time & 0xffn);
    time >>= 8n;
  }
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A UUID (version 8, name-based on SHA-256) derived from a name: the same name always gives the same id, so a
 * writer that names an event by what it is (the caller, its Idempotency-Key and the event's place; a migration
 * and what it migrates) appends it once however often it retries.
 */
export function derivedEventId(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex').slice(0, 32).split('');
  hex[12] = '8';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
