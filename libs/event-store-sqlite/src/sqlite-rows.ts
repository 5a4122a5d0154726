import { StoredEvent, VerifiableRow, decodeRecord } from '@bcl/event-store';

/**
 * The row shapes the SQLite store reads with `.raw(true)` statements: arrays in the statement's column order,
 * so that better-sqlite3 builds no object per row and the store builds only what it returns.
 */

/** `SELECT position, hash, record …` */
export type EventColumns = [position: bigint, hash: string, record: string];

/** `SELECT position, hash, record, event_id, stream, revision, signer, signature …` */
export type VerifiableColumns = [
  position: bigint,
  hash: string,
  record: string,
  eventId: string,
  stream: string,
  revision: bigint,
  signer: string | null,
  signature: string | null,
];

/** Each row's record parsed once, with the position and hash kept beside it. */
export function decodeEventRows(rows: EventColumns[]): StoredEvent[] {
  const events = new Array<StoredEvent>(rows.length);
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i]!;
    events[i] = decodeRecord(row[2], row[0], row[1]);
  }
  return events;
}

/** The stored rows as verification reads them: one object per row, built straight from the column array. */
export function verifiableRows(rows: VerifiableColumns[]): VerifiableRow[] {
  const out = new Array<VerifiableRow>(rows.length);
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i]!;
    out[i] = {
      position: row[0],
      hash: row[1],
      record: row[2],
      eventId: row[3],
      stream: row[4],
      revision: Number(row[5]),
      signer: row[6],
      signature: row[7],
    };
  }
  return out;
}
