import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { timeIt } from './raw-limits';

/**
 * Same-work floors: bare code doing exactly the storage work a store must do for a phase of `bcl bench` (the
 * same table, indexes and pragmas, rows of the same shapes, the same hash call), with none of the ledger's code:
 * no planning, no queue, no record building, no decoding. Rows are made before the clock starts. A ledger phase's
 * rate over its floor's is how much of the bare store's speed the ledger keeps; what the floor itself falls short
 * of the raw limit is the storage engine's own cost.
 */

/** One row as the store writes it (signer and signature are written as NULL: unsigned). */
export interface FloorRow {
  position: number;
  eventId: string;
  stream: string;
  revision: number;
  type: string;
  recordedAt: string;
  record: string;
  hash: string;
}

/** A row's values in the order the floors insert them (the store's columns but signer and signature). */
export const floorRowValues = (row: FloorRow): (number | string)[] => [
  row.position,
  row.eventId,
  row.stream,
  row.revision,
  row.type,
  row.recordedAt,
  row.record,
  row.hash,
];

/** The previous hash of a log's first row. */
const FIRST_PREV_HASH = '0'.repeat(64);

export interface FloorRate {
  rows: number;
  rowsPerSecond: number;
}

/** The one-shot SHA-256 (hex) the ledger's verifier uses, passed in so the floor hashes with the same call. */
export type RecordHash = (record: string) => string;

/** Rows the ledger's write phases are built a batch at a time too, so a million are never all in memory. */
export const FLOOR_BATCH = 65_536;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A time-ordered UUID (version 7) like the ledger's event ids, so the event-id index is appended at its end. */
function uuid7(nowMs: number): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(nowMs, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * `count` chained rows from `position`, `revision(i)` into `stream(i)`, each record shaped like the ledger's
 * (about 400 bytes: the event's fields, prevHash, canonical metadata and data) and hashed with SHA-256.
 */
export function floorRows(
  position: number,
  count: number,
  prevHash: string,
  stream: (i: number) => string,
  revision: (i: number) => number,
): FloorRow[] {
  const rows = new Array<FloorRow>(count);
  const recordedAt = new Date().toISOString();
  let previous = prevHash;
  for (let i = 0; i < count; i += 1) {
    const eventId = uuid7(Date.now());
    const s = stream(i);
    const r = revision(i);
    const record =
      `{"eventId":"${eventId}","stream":"${s}","revision":${r},"type":"ContributionReceived","schemaVersion":1,` +
      `"recordedAt":"${recordedAt}","prevHash":"${previous}","metadata":{"actor":{"id":"os-user:bench"},` +
      `"correlationId":"${uuid7(Date.now())}"},"data":{"amountPence":${123_456_700 + position + i},` +
      `"partner":"NHS West Kent CCG","quarter":${1 + (i % 4)},"source":"nhs-minimum"}}`;
    previous = sha256(record);
    rows[i] = {
      position: position + i,
      eventId,
      stream: s,
      revision: r,
      type: 'ContributionReceived',
      recordedAt,
      record,
      hash: previous,
    };
  }
  return rows;
}

/** Rows for a single-append floor: one stream, revisions 0, 1, … (as `append.single` appends). */
export function singleFloorRows(count: number): FloorRow[] {
  return floorRows(
    1,
    count,
    FIRST_PREV_HASH,
    () => 'bench-single',
    (i) => i,
  );
}

/**
 * Rows for a group-append floor, after `after` (the last row written): 64 streams in turn (as `append.group`'s
 * appenders append), each stream's revisions counting from 0 at the first group row.
 */
export function groupFloorRows(after: FloorRow | undefined, first: number, count: number): FloorRow[] {
  return floorRows(
    (after?.position ?? 0) + 1,
    count,
    after?.hash ?? FIRST_PREV_HASH,
    (i) => `bench-group-${(first + i) % 64}`,
    (i) => Math.floor((first + i) / 64),
  );
}

export interface BareSqlite {
  db: Database.Database;
  insert: Database.Statement;
}

/** Opens (creating) a scratch database with the store's pragmas and tables. */
export function openBareSqlite(path: string, schema: string, synchronous: string): BareSqlite {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.exec(schema);
  const insert = db.prepare(
    'INSERT INTO bcl_events (position, event_id, stream, revision, type, recorded_at, record, hash, signer, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)',
  );
  return { db, insert };
}

function insertRows(bare: BareSqlite, rows: FloorRow[], from: number, to: number): void {
  for (let i = from; i < to; i += 1) {
    bare.insert.run(...floorRowValues(rows[i]!));
  }
}

/** `groupSize` rows per BEGIN IMMEDIATE … COMMIT (1: one row per transaction); returns seconds. */
export function bareSqliteInsert(bare: BareSqlite, rows: FloorRow[], groupSize: number): number {
  const write = bare.db.transaction((from: number, to: number) => insertRows(bare, rows, from, to));
  return timeIt(() => {
    for (let from = 0; from < rows.length; from += groupSize)
      write.immediate(from, Math.min(from + groupSize, rows.length));
  });
}

/** bareSqliteSingle: one pre-made row INSERT per durable transaction. */
export function bareSqliteSingle(bare: BareSqlite, rows: FloorRow[]): FloorRate {
  return { rows: rows.length, rowsPerSecond: rows.length / bareSqliteInsert(bare, rows, 1) };
}

/**
 * bareSqliteGroup: `count` rows after `after`, `groupSize` per transaction, made `FLOOR_BATCH` at a time between
 * timed windows; returns the rate and the last row (the chain's head).
 */
export function bareSqliteGroup(
  bare: BareSqlite,
  after: FloorRow | undefined,
  count: number,
  groupSize: number,
): FloorRate & { last: FloorRow | undefined } {
  let seconds = 0;
  let last = after;
  for (let first = 0; first < count; first += FLOOR_BATCH) {
    const rows = groupFloorRows(last, first, Math.min(FLOOR_BATCH, count - first));
    seconds += bareSqliteInsert(bare, rows, groupSize);
    last = rows[rows.length - 1];
  }
  return { rows: count, rowsPerSecond: count / seconds, last };
}

/** What a read floor does with one row: its position, stored hash and record. */
export type RowWork = (position: bigint | string, hash: string, record: string) => void;

/**
 * Every row's position, hash and record read back in pages of `pageSize` in position order (raw arrays, 64-bit
 * positions, as the store reads them: `readAll` and `readRaw` page the same way), `each` called on every row.
 */
export function bareSqliteRead(bare: BareSqlite, pageSize: number, each: RowWork): FloorRate {
  const page = bare.db
    .prepare('SELECT position, hash, record FROM bcl_events WHERE position > ? ORDER BY position LIMIT ?')
    .safeIntegers(true)
    .raw(true);
  let read = 0;
  const seconds = timeIt(() => {
    let after = -(2n ** 63n);
    for (;;) {
      const rows = page.all(after, pageSize) as Array<[bigint, string, string]>;
      for (const [position, hash, record] of rows) each(position, hash, record);
      read += rows.length;
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1]![0];
    }
  });
  return { rows: read, rowsPerSecond: read / seconds };
}

/** Hashes each record with `hash` and compares it with the stored hash; throws at the first that differs. */
export function verifyRow(hash: RecordHash): RowWork {
  return (position, stored, record) => {
    if (hash(record) !== stored) throw new Error(`bare verify: row ${position} does not match its hash`);
  };
}

/**
 * Parses each record once (`JSON.parse`, as the store's `decodeRecord` does) and keeps the last parsed value in
 * `sink.last`, so the parse is observable; no event is built from it.
 */
export function replayRow(sink: { last?: unknown } = {}): RowWork {
  return (_position, _hash, record) => {
    sink.last = JSON.parse(record);
  };
}

/**
 * bareSqliteVerify: every row's hash and record read back in pages of `pageSize` (bareSqliteRead) and each
 * record hashed with `hash` and compared with the stored hash. Throws at the first row whose hash differs.
 */
export function bareSqliteVerify(bare: BareSqlite, pageSize: number, hash: RecordHash): FloorRate {
  return bareSqliteRead(bare, pageSize, verifyRow(hash));
}

/** bareSqliteReplay: every row's position, hash and record read in pages of `pageSize`, each record parsed. */
export function bareSqliteReplay(bare: BareSqlite, pageSize: number): FloorRate {
  return bareSqliteRead(bare, pageSize, replayRow());
}

export interface FloorCounts {
  single: number;
  group: number;
  groupSize: number;
  pageSize: number;
}

export interface FloorFigures {
  single: FloorRate;
  group: FloorRate;
  replay: FloorRate;
  verify: FloorRate;
}

/**
 * The four SQLite floors in one scratch file at `path` (removed afterwards, with its -wal and -shm): single rows,
 * then group rows after them, then a replay and a verify of all of them (in the order `bcl bench` runs them).
 */
export function sqliteFloors(
  path: string,
  setup: { schema: string; synchronous: string; hash: RecordHash },
  counts: FloorCounts,
): FloorFigures {
  const bare = openBareSqlite(path, setup.schema, setup.synchronous);
  try {
    const rows = singleFloorRows(counts.single);
    const single = bareSqliteSingle(bare, rows);
    const { last: _last, ...group } = bareSqliteGroup(
      bare,
      rows[rows.length - 1],
      counts.group,
      counts.groupSize,
    );
    const replay = bareSqliteReplay(bare, counts.pageSize);
    const verify = bareSqliteVerify(bare, counts.pageSize, setup.hash);
    return { single, group, replay, verify };
  } finally {
    bare.db.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  }
}
