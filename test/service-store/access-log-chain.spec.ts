import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccessEntry, ServiceStore } from '@bcl/service-store';
import {
  SqlConnection,
  openPostgresConnection,
  openSqliteConnection,
} from '../../libs/service-store/src/sql-connection';
import { describeWithServer } from '../support/servers';
import { withSchema } from '../support/postgres-schema';

const read = (n: number): AccessEntry => ({
  at: `2026-11-30T10:00:${String(n).padStart(2, '0')}.000Z`,
  subject: `reader-${n}`,
  roles: ['auditor'],
  method: 'GET',
  resource: `/api/people/p-${n}`,
  status: 200,
  correlationId: `c-${n}`,
});

/** The same promises of both dialects: every edit, removal or entry written around the chain is a break. */
function accessLogChainContract(
  open: () => Promise<{ setting: string; done: () => Promise<void> }>,
  writers: 'one process' | 'two connections',
) {
  let store: ServiceStore;
  let sql: SqlConnection;
  let done: () => Promise<void>;
  let setting: string;
  const ids = async () =>
    (await sql.query('SELECT id FROM access_log ORDER BY id')).map((row) => Number(row.id));

  beforeEach(async () => {
    const opened = await open();
    ({ done, setting } = opened);
    store = await ServiceStore.open(opened.setting);
    sql = opened.setting.startsWith('sqlite:')
      ? await openSqliteConnection(opened.setting.slice('sqlite:'.length), true)
      : await openPostgresConnection(opened.setting, true);
    for (let n = 1; n <= 5; n += 1) await store.recordAccess(read(n));
    await store.flushAccessLog(); // entries are queued, then committed in batches: these tests edit them directly
  });
  afterEach(async () => {
    await sql.close();
    await store.close();
    await done();
  });

  it('an untouched log holds its chain; the head is the last entry', async () => {
    const result = await store.verifyAccessLog();
    const last = (await ids()).at(-1)!;
    expect(result).toMatchObject({ ok: true, entries: 5, legacyEntries: 0, chainedEntries: 5, breaks: 0 });
    expect(result.headId).toBe(last);
    expect(result.headHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('an edited entry breaks at that entry', async () => {
    const third = (await ids())[2]!;
    await sql.query("UPDATE access_log SET subject = 'someone-else' WHERE id = $1", [third]);
    expect(await store.verifyAccessLog()).toMatchObject({
      ok: false,
      breaks: 1,
      firstBreaks: [{ id: third }],
    });
  });

  it('an entry removed with its link breaks at the next entry; removed without it, at the link', async () => {
    const [, second, third, , fifth] = await ids();
    await sql.query('DELETE FROM access_log_chain WHERE id = $1', [second!]);
    await sql.query('DELETE FROM access_log WHERE id = $1', [second!]);
    expect(await store.verifyAccessLog()).toMatchObject({
      ok: false,
      breaks: 1,
      firstBreaks: [{ id: third }],
    });
    await sql.query('DELETE FROM access_log WHERE id = $1', [fifth!]);
    const tail = await store.verifyAccessLog();
    expect(tail.firstBreaks).toEqual([
      { id: third, message: expect.any(String) },
      { id: fifth, message: '1 links whose entries are gone (entries deleted)' },
    ]);
  });

  it('an entry written around the service (no link) after the chain began is a break', async () => {
    await sql.query(
      "INSERT INTO access_log (at, subject, roles, method, resource, status, correlation_id) VALUES ('2026-11-30T11:00:00.000Z', 'ghost', 'admin', 'GET', '/api/x', 200, 'c-x')",
    );
    const ghost = (await ids()).at(-1)!;
    expect(await store.verifyAccessLog()).toMatchObject({ ok: false, firstBreaks: [{ id: ghost }] });
    await store.recordAccess(read(6));
    expect((await store.verifyAccessLog()).breaks).toBe(1);
  });

  it('entries from before the chain began are a legacy prefix: counted, not checked', async () => {
    await sql.query('DELETE FROM access_log_chain');
    await sql.query("UPDATE access_log SET subject = 'edited-before-the-chain'");
    await store.recordAccess(read(6));
    await store.recordAccess(read(7));
    expect(await store.verifyAccessLog()).toMatchObject({
      ok: true,
      entries: 7,
      legacyEntries: 5,
      chainedEntries: 2,
    });
  });

  // SQLite: the API's one connection, its writes at once (other processes wait for SQLite's write lock);
  // PostgreSQL: two API instances on one database.
  it(`writes at once keep one chain (${writers})`, async () => {
    const other = writers === 'one process' ? store : await ServiceStore.open(setting);
    try {
      await Promise.all(
        Array.from({ length: 20 }, (_, n) => (n % 2 ? store : other).recordAccess(read(10 + n))),
      );
    } finally {
      if (other !== store) await other.close();
    }
    expect(await store.verifyAccessLog()).toMatchObject({ ok: true, entries: 25, chainedEntries: 25 });
  });
}

describe('the access log hash chain in a SQLite service store', () => {
  accessLogChainContract(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bcl-access-chain-'));
    return {
      setting: `sqlite:${join(dir, 'service.db')}`,
      done: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }, 'one process');
});

describeWithServer('postgres', 'the access log hash chain in a PostgreSQL service store', (url) => {
  accessLogChainContract(async () => {
    const { storeUrl, drop } = withSchema(url);
    return { setting: storeUrl, done: drop };
  }, 'two connections');
});
