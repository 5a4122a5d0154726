import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceStore } from '@bcl/service-store';
import { DurableWriteQueue } from '../../libs/service-store/src/durable-write-queue';
import {
  SqlConnection,
  openPostgresConnection,
  openSqliteConnection,
} from '../../libs/service-store/src/sql-connection';
import { describeWithServer } from '../support/servers';
import { withSchema } from '../support/postgres-schema';

const WRITES = 32;

const openConnection = (setting: string): Promise<SqlConnection> =>
  setting.startsWith('sqlite:')
    ? openSqliteConnection(setting.slice('sqlite:'.length))
    : openPostgresConnection(setting);

/** Issue 16: concurrent service-store writes share commits; each is durable when answered, and fails alone. */
function groupCommitContract(open: () => Promise<{ setting: string; done: () => Promise<void> }>) {
  let setting: string;
  let done: () => Promise<void>;

  beforeEach(async () => {
    ({ setting, done } = await open());
  });
  afterEach(() => done());

  it(`${WRITES} concurrent vault writes share commits, and every one is there after reopening`, async () => {
    const store = await ServiceStore.open(setting);
    const people = Array.from({ length: WRITES }, (_, n) => `p-group-${n}`);
    try {
      await Promise.all(people.map((id) => store.putPersonalData(id, `Name of ${id}`)));
      expect(store.writeCommits).toBeLessThan(WRITES);
      expect(store.writeCommits).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
    const reopened = await ServiceStore.open(setting);
    try {
      const names = await reopened.displayNames(people);
      expect(people.map((id) => names.get(id))).toEqual(people.map((id) => `Name of ${id}`));
    } finally {
      await reopened.close();
    }
  });

  it('a failing write in a batch rejects its own caller only: the others commit, its own statements are undone', async () => {
    const sql = await openConnection(setting);
    await sql.query(
      'CREATE TABLE IF NOT EXISTS group_commit_probe (id TEXT PRIMARY KEY, value TEXT NOT NULL)',
    );
    const queue = new DurableWriteQueue(sql);
    const insert = (id: string, value: string | null) =>
      queue.submit((tx) =>
        tx.query('INSERT INTO group_commit_probe (id, value) VALUES ($1, $2)', [id, value]),
      );
    const outcomes = await Promise.allSettled(
      Array.from({ length: WRITES }, (_, n) =>
        n === 7
          ? queue.submit(async (tx) => {
              await tx.query("INSERT INTO group_commit_probe (id, value) VALUES ('partial', 'undone')");
              await tx.query('INSERT INTO group_commit_probe (id, value) VALUES ($1, $2)', ['bad', null]);
            })
          : insert(`w-${n}`, `value ${n}`),
      ),
    );
    await queue.close();
    await sql.close();
    expect(outcomes.map((outcome) => outcome.status)).toEqual(
      Array.from({ length: WRITES }, (_, n) => (n === 7 ? 'rejected' : 'fulfilled')),
    );
    expect(queue.commits).toBeLessThan(WRITES);

    const reopened = await openConnection(setting);
    try {
      const rows = await reopened.query('SELECT id FROM group_commit_probe ORDER BY id');
      const expected = Array.from({ length: WRITES }, (_, n) => n)
        .filter((n) => n !== 7)
        .map((n) => `w-${n}`)
        .sort();
      expect(rows.map((row) => String(row.id))).toEqual(expected);
    } finally {
      await reopened.close();
    }
  });

  it('a caller is answered only once its batch has committed, never before', async () => {
    const sql = await openConnection(setting);
    await sql.query(
      'CREATE TABLE IF NOT EXISTS group_commit_probe (id TEXT PRIMARY KEY, value TEXT NOT NULL)',
    );
    let releaseCommit = () => undefined as void;
    const commitHeld = new Promise<void>((resolve) => (releaseCommit = resolve));
    let statementsRun = () => undefined as void;
    const statementsRan = new Promise<void>((resolve) => (statementsRun = resolve));
    // The batch's statements run, then its COMMIT waits until the test lets it go.
    const held: SqlConnection = {
      ...sql,
      transaction: (work) =>
        sql.transaction(async (tx) => {
          const result = await work(tx);
          statementsRun();
          await commitHeld;
          return result;
        }),
    };
    const queue = new DurableWriteQueue(held);
    let answered = 0;
    const writes = ['a', 'b', 'c'].map((id) =>
      queue
        .submit((tx) => tx.query('INSERT INTO group_commit_probe (id, value) VALUES ($1, $2)', [id, id]))
        .then(() => (answered += 1)),
    );
    await statementsRan;
    for (let turn = 0; turn < 20; turn += 1) await new Promise((next) => setImmediate(next));
    const answeredBeforeCommit = answered;
    releaseCommit();
    expect(answeredBeforeCommit).toBe(0);
    await Promise.all(writes);
    expect(answered).toBe(3);
    await queue.close();
    await sql.close();
  });

  it('idempotency records written at once are each kept, the first record of a key winning', async () => {
    const store = await ServiceStore.open(setting);
    try {
      const record = (key: string, status: number) => ({
        scope: 'caller',
        key,
        requestHash: `hash-${key}`,
        status,
        body: '{}',
        headers: {},
        createdAt: '2026-11-30T12:00:00.000Z',
      });
      const kept = await Promise.all([
        ...Array.from({ length: 10 }, (_, n) => store.saveIdempotencyRecord(record(`k-${n}`, 201))),
        store.saveIdempotencyRecord(record('k-3', 200)),
      ]);
      expect(kept.map((entry) => `${entry.key}:${entry.status}`)).toEqual([
        ...Array.from({ length: 10 }, (_, n) => `k-${n}:201`),
        'k-3:201',
      ]);
      expect(store.writeCommits).toBeLessThan(11);
    } finally {
      await store.close();
    }
  });
}

describe('group commit of service-store writes (SQLite)', () => {
  groupCommitContract(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bcl-group-commit-'));
    return {
      setting: `sqlite:${join(dir, 'service.db')}`,
      done: async () => rmSync(dir, { recursive: true, force: true }),
    };
  });
});

describeWithServer('postgres', 'group commit of service-store writes (PostgreSQL)', (url) => {
  groupCommitContract(async () => {
    const { storeUrl, drop } = withSchema(url);
    return { setting: storeUrl, done: drop };
  });

  // Two API processes on one service store each commit the same projections; grouped, a batch holds several
  // projections' rows in the order their runners finished, so two processes' batches could lock them in opposite
  // orders (17 of 20 rounds deadlocked before each batch took the service store's lock).
  it('two processes committing the same projections in opposite orders never deadlock', async () => {
    const { storeUrl, drop } = withSchema(url);
    const a = await ServiceStore.open(storeUrl);
    const b = await ServiceStore.open(storeUrl);
    const errors: string[] = [];
    try {
      for (let round = 1; round <= 20; round += 1) {
        const commit = (store: ServiceStore, projection: string) =>
          store
            .commitProjection(projection, 1, new Map([[`k-${projection}`, { round }]]), BigInt(round))
            .catch((error: Error) => errors.push(`${round} ${projection}: ${error.message}`));
        await Promise.all([
          commit(a, 'registry'),
          commit(a, 'fund'),
          commit(b, 'fund'),
          commit(b, 'registry'),
        ]);
      }
      expect(errors).toEqual([]);
      expect(await a.checkpoint('fund')).toEqual({ position: 20n, version: 1 });
    } finally {
      await a.close();
      await b.close();
      await drop();
    }
  }, 120_000);
});
