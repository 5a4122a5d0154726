import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ACCESS_LOG_FLUSH_DELAY_MS,
  ACCESS_LOG_QUEUE_MAX,
  AccessEntry,
  ServiceStore,
} from '@bcl/service-store';
import { SqlConnection, openSqliteConnection } from '../../libs/service-store/src/sql-connection';

const read = (n: number): AccessEntry => ({
  at: new Date(Date.UTC(2026, 10, 30, 10, 0, 0, n)).toISOString(),
  subject: `reader-${n % 7}`,
  roles: ['auditor'],
  method: 'GET',
  resource: `/api/people/p-${n}`,
  status: 200,
  correlationId: `c-${n}`,
});

/** Lets the write queue (started on setImmediate, which these tests leave real) run until `done` holds. */
async function until(done: () => boolean): Promise<void> {
  for (let turn = 0; turn < 10_000 && !done(); turn += 1) await new Promise((next) => setImmediate(next));
  if (!done()) throw new Error('never happened');
}

/**
 * Issue 16: a read's access-log entry is queued before the answer and committed in batches: within
 * ACCESS_LOG_FLUSH_DELAY_MS (a timer, faked here: no test waits on the clock), or with another commit, and
 * all of it at close; in order, with its hash chain intact.
 */
describe('the access log committed in batches (SQLite)', () => {
  let dir: string;
  let path: string;
  let store: ServiceStore;
  let other: SqlConnection;
  /** Entries committed, as another connection sees them. */
  const committed = async () =>
    (await other.query('SELECT correlation_id FROM access_log ORDER BY id')).map((row) =>
      String(row.correlation_id),
    );

  beforeEach(async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
    dir = mkdtempSync(join(tmpdir(), 'bcl-access-batch-'));
    path = join(dir, 'service.db');
    store = await ServiceStore.open(`sqlite:${path}`);
    other = await openSqliteConnection(path, true);
  });
  afterEach(async () => {
    jest.useRealTimers();
    await store.close().catch(() => undefined);
    await other.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('schedules one commit within the bound, and the entries are committed when it fires, not before', async () => {
    const scheduled = jest.spyOn(global, 'setTimeout');
    for (let n = 1; n <= 3; n += 1) await store.recordAccess(read(n));
    const delays = scheduled.mock.calls.map((call) => call[1]);
    expect(delays).toEqual([ACCESS_LOG_FLUSH_DELAY_MS]);
    expect(store.accessEntriesWaiting).toBe(3);
    expect(await committed()).toEqual([]);

    jest.advanceTimersByTime(ACCESS_LOG_FLUSH_DELAY_MS - 1);
    expect(store.accessEntriesWaiting).toBe(3);
    jest.advanceTimersByTime(1);
    await until(() => store.accessEntriesWaiting === 0);
    expect(await committed()).toEqual(['c-1', 'c-2', 'c-3']);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('joins the next commit of another write, before the timer', async () => {
    await store.recordAccess(read(1));
    await store.recordAccess(read(2));
    await store.putPersonalData('p-1', 'Someone');
    expect(await committed()).toEqual(['c-1', 'c-2']);
    expect(store.writeCommits).toBe(1);
  });

  it('commits every queued entry on close, in order, with its chain intact', async () => {
    const entries = Array.from({ length: 150 }, (_, n) => read(n));
    await Promise.all(entries.map((entry) => store.recordAccess(entry)));
    expect(await committed()).toEqual([]);
    await store.close();
    expect(await committed()).toEqual(entries.map((entry) => entry.correlationId));
    await expect(store.recordAccess(read(999))).rejects.toThrow(/closed/);

    const reopened = await ServiceStore.open(`sqlite:${path}`);
    try {
      expect(await reopened.verifyAccessLog()).toMatchObject({ ok: true, entries: 150, chainedEntries: 150 });
    } finally {
      await reopened.close();
    }
  });

  it('a query or verification of the log sees every entry recorded before it', async () => {
    await store.recordAccess(read(1));
    await store.recordAccess(read(2));
    expect((await store.queryAccess({ limit: 10 })).map((entry) => entry.correlationId)).toEqual([
      'c-1',
      'c-2',
    ]);
    await store.recordAccess(read(3));
    expect(await store.verifyAccessLog()).toMatchObject({ ok: true, entries: 3 });
  });

  it('a full queue makes the next reads wait for a commit instead of dropping entries', async () => {
    const total = ACCESS_LOG_QUEUE_MAX + 25;
    let most = 0;
    await Promise.all(
      Array.from({ length: total }, async (_, n) => {
        await store.recordAccess(read(n));
        most = Math.max(most, store.accessEntriesWaiting);
      }),
    );
    expect(most).toBeLessThanOrEqual(ACCESS_LOG_QUEUE_MAX);
    expect((await committed()).length).toBeGreaterThanOrEqual(ACCESS_LOG_QUEUE_MAX);
    await store.flushAccessLog();
    expect(await committed()).toEqual(Array.from({ length: total }, (_, n) => `c-${n}`));
    expect(await store.verifyAccessLog()).toMatchObject({ ok: true, entries: total });
  });

  it('a failed commit is reported (and readiness fails), the entries are kept and committed once it can', async () => {
    const failures: string[] = [];
    store.onAccessLogFailure((message) => failures.push(message));
    await store.recordAccess(read(1));
    await other.query('ALTER TABLE access_log_chain RENAME TO access_log_chain_away');
    jest.advanceTimersByTime(ACCESS_LOG_FLUSH_DELAY_MS);
    await until(() => failures.length > 0);
    expect(failures[0]).toMatch(/^1 access-log entries not yet committed \(retrying\): .*access_log_chain/);
    // while commits fail, a read waits for its own entry's commit and fails with it (fail closed), its entry dropped
    const answer = await store.recordAccess(read(2)).then(
      () => 'answered',
      (error: Error) => `refused: ${error.message}`, // (SQLite's error is not an Error of jest's realm)
    );
    expect(answer).toMatch(/^refused: .*access_log_chain/);
    await expect(store.probeWrite()).rejects.toThrow(/1 access-log entries cannot be committed/);
    expect(await committed()).toEqual([]);

    await other.query('ALTER TABLE access_log_chain_away RENAME TO access_log_chain');
    await store.probeWrite();
    expect(await committed()).toEqual(['c-1']);
    expect(await store.verifyAccessLog()).toMatchObject({ ok: true, entries: 1 });
    await store.recordAccess(read(3));
    await store.flushAccessLog();
    expect(await committed()).toEqual(['c-1', 'c-3']);
  });
});
