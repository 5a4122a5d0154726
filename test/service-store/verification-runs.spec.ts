import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { ServiceStore, VerificationRun } from '@bcl/service-store';
import { describeWithServer } from '../support/servers';
import { withSchema } from '../support/postgres-schema';

const intact: VerificationRun = {
  at: '2026-11-30T09:00:00.000Z',
  subject: 'auditor-1',
  origin: 'web',
  eventsChecked: 1234,
  headPosition: '1234',
  headHash: 'a'.repeat(64),
  ok: true,
  firstBreak: null,
  digest: null,
};

const broken: VerificationRun = {
  at: '2026-11-30T09:05:00.000Z',
  subject: 'os-user:operator',
  origin: 'cli',
  eventsChecked: 41,
  headPosition: '41',
  headHash: 'b'.repeat(64),
  ok: false,
  firstBreak: { kind: 'hash-mismatch', position: '42', message: 'event 42: its hash does not match' },
  digest: { position: '40', matched: false },
};

/** The same promises of both adapters: what is recorded comes back as it was, the last one first. */
function verificationRunContract(open: () => Promise<{ store: ServiceStore; done: () => Promise<void> }>) {
  let store: ServiceStore;
  let done: () => Promise<void>;

  beforeEach(async () => ({ store, done } = await open()));
  afterEach(async () => {
    await store.close();
    await done();
  });

  it('has no last verification before the first run', async () => {
    expect(await store.lastVerification()).toBeUndefined();
  });

  it('returns an intact run as it was recorded', async () => {
    await store.recordVerification(intact);
    expect(await store.lastVerification()).toEqual({ ...intact, id: expect.any(Number) });
  });

  it('returns the latest run: a broken one with its first break and the digest it was checked against', async () => {
    await store.recordVerification(intact);
    await store.recordVerification(broken);
    expect(await store.lastVerification()).toEqual({ ...broken, id: expect.any(Number) });
  });

  it('keeps a matched digest and an empty log (no head yet)', async () => {
    const emptyWithDigest: VerificationRun = {
      ...intact,
      eventsChecked: 0,
      headPosition: null,
      headHash: null,
      digest: { position: '7', matched: true },
    };
    await store.recordVerification(emptyWithDigest);
    expect(await store.lastVerification()).toEqual({ ...emptyWithDigest, id: expect.any(Number) });
  });
}

describe('verification runs in a SQLite service store', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'bcl-verification-runs-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  let file = 0;
  verificationRunContract(async () => {
    file += 1;
    const store = await ServiceStore.open(`sqlite:${join(dir, `service-${file}.db`)}`);
    return { store, done: async () => undefined };
  });

  it('an older service store (made before verification runs were kept) gains the table when opened', async () => {
    const path = join(dir, 'older.db');
    const older = await ServiceStore.open(`sqlite:${path}`);
    await older.close();
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(path);
    db.exec('DROP TABLE verification_runs');
    db.close();

    const reopened = await ServiceStore.open(`sqlite:${path}`, { mustExist: true });
    try {
      await reopened.recordVerification(intact);
      expect((await reopened.lastVerification())?.subject).toBe('auditor-1');
    } finally {
      await reopened.close();
    }
  });
});

describeWithServer('postgres', 'verification runs in a PostgreSQL service store', (url) => {
  verificationRunContract(async () => {
    const { storeUrl, drop } = withSchema(url);
    return { store: await ServiceStore.open(storeUrl), done: drop };
  });

  it('an older service store (made before verification runs were kept) gains the table when opened', async () => {
    const { storeUrl, schema, drop } = withSchema(url);
    try {
      await (await ServiceStore.open(storeUrl)).close();
      const client = new Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP TABLE "${schema}".verification_runs`).finally(() => client.end());

      const reopened = await ServiceStore.open(storeUrl, { mustExist: true });
      try {
        await reopened.recordVerification(broken);
        expect((await reopened.lastVerification())?.firstBreak?.position).toBe('42');
      } finally {
        await reopened.close();
      }
    } finally {
      await drop();
    }
  });
});
