import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  bareSqliteGroup,
  bareSqliteRead,
  bareSqliteReplay,
  bareSqliteSingle,
  bareSqliteVerify,
  openBareSqlite,
  replayRow,
  singleFloorRows,
  sqliteFloors,
} from './same-work-floors';

/** A table shaped like the store's (the CLI passes the store's own DDL; bench-kit does not import the store). */
const SCHEMA = `CREATE TABLE IF NOT EXISTS bcl_events (
  position INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, stream TEXT NOT NULL, revision INTEGER NOT NULL,
  type TEXT NOT NULL, recorded_at TEXT NOT NULL, record TEXT NOT NULL, hash TEXT NOT NULL, signer TEXT,
  signature TEXT, UNIQUE (stream, revision)) STRICT;`;
const hash = (record: string) => createHash('sha256').update(record, 'utf8').digest('hex');

describe('SQLite same-work floors', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bcl-floors-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('makes chained rows shaped like the store’s: 64-hex hashes, each record naming the previous hash', () => {
    const rows = singleFloorRows(3);
    expect(rows.map((r) => [r.position, r.stream, r.revision])).toEqual([
      [1, 'bench-single', 0],
      [2, 'bench-single', 1],
      [3, 'bench-single', 2],
    ]);
    for (const [i, row] of rows.entries()) {
      expect(row.hash).toBe(hash(row.record));
      expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.parse(row.record)).toMatchObject({
        eventId: row.eventId,
        prevHash: i === 0 ? '0'.repeat(64) : rows[i - 1]!.hash,
      });
    }
    expect(rows[0]!.record.length).toBeGreaterThan(300);
  });

  it('single and group write the rows they count, replay and verify read every one, each at a positive rate', () => {
    const bare = openBareSqlite(join(dir, 'floor.db'), SCHEMA, 'FULL');
    try {
      const rows = singleFloorRows(40);
      const single = bareSqliteSingle(bare, rows);
      const group = bareSqliteGroup(bare, rows[39], 300, 64);
      const replay = bareSqliteReplay(bare, 100);
      const verify = bareSqliteVerify(bare, 100, hash);
      expect(single.rows).toBe(40);
      expect(group).toMatchObject({ rows: 300, last: { position: 340 } });
      expect(replay.rows).toBe(340);
      expect(verify.rows).toBe(340);
      for (const rate of [single, group, replay, verify]) expect(rate.rowsPerSecond).toBeGreaterThan(0);
      expect(bare.db.prepare('SELECT count(*) AS n FROM bcl_events').get()).toEqual({ n: 340 });
      expect(bare.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(bare.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    } finally {
      bare.db.close();
    }
  });

  it('verify throws at a row whose record no longer matches its hash', () => {
    const bare = openBareSqlite(join(dir, 'floor.db'), SCHEMA, 'FULL');
    try {
      bareSqliteSingle(bare, singleFloorRows(30));
      bare.db
        .prepare("UPDATE bcl_events SET record = replace(record, 'Kent', 'Kant') WHERE position = 17")
        .run();
      expect(() => bareSqliteVerify(bare, 8, hash)).toThrow('row 17 does not match its hash');
    } finally {
      bare.db.close();
    }
  });

  it('reads every row once in position order, in pages, and replay parses each record', () => {
    const bare = openBareSqlite(join(dir, 'floor.db'), SCHEMA, 'FULL');
    try {
      const rows = singleFloorRows(25);
      bareSqliteSingle(bare, rows);
      const seen: Array<[bigint | string, string, string]> = [];
      const read = bareSqliteRead(bare, 10, (position, stored, record) =>
        seen.push([position, stored, record]),
      );
      expect(read.rows).toBe(25);
      expect(seen).toEqual(rows.map((r) => [BigInt(r.position), r.hash, r.record]));
      const sink: { last?: unknown } = {};
      expect(bareSqliteRead(bare, 10, replayRow(sink)).rows).toBe(25);
      expect(sink.last).toEqual(JSON.parse(rows[24]!.record));
    } finally {
      bare.db.close();
    }
  });

  it('runs the four floors over a scratch file and removes it with its WAL', () => {
    const path = join(dir, 'floors.db');
    const figures = sqliteFloors(
      path,
      { schema: SCHEMA, synchronous: 'FULL', hash },
      { single: 20, group: 100, groupSize: 32, pageSize: 50 },
    );
    expect(figures.single.rows).toBe(20);
    expect(figures.group.rows).toBe(100);
    expect(figures.replay.rows).toBe(120);
    expect(figures.verify.rows).toBe(120);
    for (const rate of Object.values(figures)) expect(rate.rowsPerSecond).toBeGreaterThan(0);
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
