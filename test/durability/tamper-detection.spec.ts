import Database from 'better-sqlite3';
import { Client } from 'pg';
import {
  ChainBreakKind,
  EventStore,
  LogDigest,
  PREV_HASH_KEY,
  hashRecord,
  takeDigest,
  verifyStore,
} from '@bcl/event-store';
import { openEventStore } from '@bcl/event-store-open';
import { newEvent } from '@bcl/testing';
import { describeEachDurableStore } from '../support/durable-stores';

/** Runs SQL directly against a store's tables, as someone with database access could. */
type RawSql = (sql: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>;

async function rawAccess(
  setting: string,
): Promise<{ sql: RawSql; table: string; close: () => Promise<void> }> {
  if (setting.startsWith('sqlite:')) {
    const db = new Database(setting.slice('sqlite:'.length));
    return {
      table: 'bcl_events',
      sql: async (sql, params = []) => {
        const statement = db.prepare(sql.replace(/\$(\d+)/g, '@p$1'));
        const named = Object.fromEntries(params.map((value, index) => [`p${index + 1}`, value]));
        const args = params.length > 0 ? [named] : [];
        return statement.reader
          ? (statement.all(...args) as Array<Record<string, unknown>>)
          : (statement.run(...args), []);
      },
      close: async () => {
        db.close();
      },
    };
  }
  const url = new URL(setting);
  const schema = url.searchParams.get('schema')!;
  url.searchParams.delete('schema');
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  return {
    table: `"${schema}".events`,
    sql: async (sql, params = []) => (await client.query(sql, params)).rows,
    close: () => client.end(),
  };
}

const STREAMS = ['fund-kent-2017-18', 'fund-medway-2017-18', 'fund-rutland-2016-17'];

/** 30 events over three streams; returns a digest taken at position 20. */
async function seed(store: EventStore): Promise<LogDigest> {
  let digest: LogDigest | null = null;
  for (let i = 0; i < 30; i += 1) {
    await store.append(
      STREAMS[i % 3]!,
      [newEvent('ContributionReceived', { amountPence: 100_000 + i })],
      'any',
    );
    if (i === 19) digest = await takeDigest(store);
  }
  return digest!;
}

describeEachDurableStore('tampering with stored rows', (setting) => {
  let store: EventStore;
  let digest: LogDigest;
  let raw: Awaited<ReturnType<typeof rawAccess>>;

  beforeEach(async () => {
    store = await openEventStore(setting());
    digest = await seed(store);
    raw = await rawAccess(setting());
    expect(digest.position).toBe(20n);
    expect(await verifyStore(store, digest)).toMatchObject({ ok: true, eventsChecked: 30 });
  });
  afterEach(async () => {
    await raw.close();
    await store.close();
  });

  const expectBreak = async (kind: ChainBreakKind, position: bigint, withDigest = false) => {
    const report = await verifyStore(store, withDigest ? digest : undefined);
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toMatchObject({ kind, position });
  };

  it('catches an edited record', async () => {
    await raw.sql(`UPDATE ${raw.table} SET record = replace(record, '100011', '900011') WHERE position = 12`);
    await expectBreak('altered', 12n);
  });

  it('catches an edited record whose hash was recomputed, at the next event', async () => {
    const [row] = await raw.sql(`SELECT record FROM ${raw.table} WHERE position = 12`);
    const record = String(row!.record).replace('100011', '900011');
    await raw.sql(`UPDATE ${raw.table} SET record = $1, hash = $2 WHERE position = 12`, [
      record,
      hashRecord(record),
    ]);
    await expectBreak('broken-link', 13n);
  });

  it('catches an edited index column', async () => {
    await raw.sql(`UPDATE ${raw.table} SET stream = 'fund-elsewhere' WHERE position = 7`);
    await expectBreak('index-mismatch', 7n);
  });

  it('catches a deleted event, and a deletion with the positions closed up', async () => {
    await raw.sql(`DELETE FROM ${raw.table} WHERE position = 9`);
    await expectBreak('gap', 10n);
    await raw.sql(`UPDATE ${raw.table} SET position = position - 1 WHERE position = 10`);
    await expectBreak('broken-link', 9n);
  });

  it('catches an inserted event', async () => {
    const [row] = await raw.sql(`SELECT record, stream FROM ${raw.table} WHERE position = 30`);
    const forged = String(row!.record)
      .replace(/"eventId":"[^"]+"/, '"eventId":"00000000-0000-4000-8000-000000000000"')
      .replace(/"revision":\d+/, '"revision":99');
    await raw.sql(
      `INSERT INTO ${raw.table} (position, event_id, stream, revision, type, recorded_at, record, hash) VALUES (31, '00000000-0000-4000-8000-000000000000', $3, 99, 'ContributionReceived', 'x', $1, $2)`,
      [forged, hashRecord(forged), row!.stream],
    );
    await expectBreak('broken-link', 31n);
  });

  it('catches reordered events', async () => {
    await raw.sql(`UPDATE ${raw.table} SET position = -5 WHERE position = 5`);
    await raw.sql(`UPDATE ${raw.table} SET position = 5 WHERE position = 6`);
    await raw.sql(`UPDATE ${raw.table} SET position = 6 WHERE position = -5`);
    await expectBreak('broken-link', 5n);
  });

  it('catches a deleted stream', async () => {
    await raw.sql(`DELETE FROM ${raw.table} WHERE stream = $1`, ['fund-medway-2017-18']);
    await expectBreak('gap', 3n);
    await expectBreak('gap', 3n, true);
  });

  it('catches a truncated tail only against a digest, even when new events were appended after it', async () => {
    await raw.sql(`DELETE FROM ${raw.table} WHERE position > 15`);
    expect((await verifyStore(store)).ok).toBe(true); // without a digest a shorter log is self-consistent
    await expectBreak('truncated', 20n, true);
    for (let i = 0; i < 10; i += 1) await store.append('fund-kent-2017-18', [newEvent()], 'any');
    await expectBreak('digest-mismatch', 20n, true);
  });

  it('catches a whole rewritten chain against a digest', async () => {
    // Remove event 9, renumber, and re-hash every later record so the chain is self-consistent again.
    await raw.sql(`DELETE FROM ${raw.table} WHERE position = 9`);
    const rows = await raw.sql(
      `SELECT position, record FROM ${raw.table} WHERE position > 9 ORDER BY position`,
    );
    const [previous] = await raw.sql(`SELECT hash FROM ${raw.table} WHERE position = 8`);
    let prevHash = String(previous!.hash);
    for (const row of rows) {
      const record = String(row.record);
      const at = record.indexOf(PREV_HASH_KEY) + PREV_HASH_KEY.length;
      const rewritten = record.slice(0, at) + prevHash + record.slice(at + 64);
      prevHash = hashRecord(rewritten);
      await raw.sql(`UPDATE ${raw.table} SET position = $1, record = $2, hash = $3 WHERE position = $4`, [
        Number(row.position) - 1,
        rewritten,
        prevHash,
        Number(row.position),
      ]);
    }
    expect((await verifyStore(store)).ok).toBe(true); // self-consistent: only a digest kept elsewhere shows it
    await expectBreak('digest-mismatch', 20n, true);
  });
});
