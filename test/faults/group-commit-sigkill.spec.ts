import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceStore, defaultServiceStoreFor } from '@bcl/service-store';
import { ApiProcess, adminToken, call, readLog, startApiProcess } from './api-process';

const CLIENTS = 32;
/** The kill comes this many answers into the run (and a few milliseconds later), while writes are in flight. */
const ANSWERED_BEFORE_KILL = 96;
const KILL_DELAY_MS = 7;
const READS = 64;

/** Opens the service store the API keeps beside the log, runs `work`, closes it. */
async function withServiceStore<T>(ledger: string, work: (store: ServiceStore) => Promise<T>): Promise<T> {
  const store = await ServiceStore.open(defaultServiceStoreFor(ledger), { mustExist: true });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/**
 * Issue 16: with the service store's writes grouped across requests (one commit for many vault writes) and the
 * access log committed in batches, an acknowledged write still survives a SIGKILL, and a clean stop (SIGTERM)
 * commits the access-log entry of every read that was answered.
 */
describe('group commit across requests under SIGKILL and SIGTERM (built API, SQLite)', () => {
  let dir: string;
  let api: ApiProcess | undefined;
  const setting = () => `sqlite:${join(dir, 'ledger.db')}`;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bcl-group-sigkill-'));
  });
  afterEach(async () => {
    await api?.stop('SIGKILL');
    api = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it(`every POST /api/people answered 2xx before a SIGKILL (${CLIENTS} clients) has its event and its name`, async () => {
    api = await startApiProcess(setting());
    const { url } = api;
    const token = await adminToken('admin-group-sigkill');
    const answered: { personId: string; displayName: string }[] = [];
    const refused: number[] = [];
    let killed: Promise<void> | undefined;
    const kill = () => (killed ??= api!.stop('SIGKILL'));
    const deadline = setTimeout(kill, 60_000);
    const client = async (c: number) => {
      for (let n = 0; !killed; n += 1) {
        const personId = `p-group-c${c}-n${n}`;
        const displayName = `Group Client ${c} Number ${n}`;
        try {
          const answer = await call(`${url}/api/people`, {
            method: 'POST',
            token,
            body: { personId, displayName, reason: 'group commit fault test' },
          });
          if (answer.status >= 200 && answer.status < 300) answered.push({ personId, displayName });
          else refused.push(answer.status);
        } catch {
          return; // the connection died with the process
        }
        if (answered.length === ANSWERED_BEFORE_KILL) setTimeout(kill, KILL_DELAY_MS);
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
    clearTimeout(deadline);
    await kill();
    api = undefined;

    expect(refused).toEqual([]);
    expect(answered.length).toBeGreaterThanOrEqual(ANSWERED_BEFORE_KILL);
    const registered = new Set(
      (await readLog(setting()))
        .filter((event) => event.type === 'PersonRegistered')
        .map((event) => event.stream),
    );
    expect(answered.filter(({ personId }) => !registered.has(`person-${personId}`))).toEqual([]);
    const names = await withServiceStore(setting(), (store) =>
      store.displayNames(answered.map(({ personId }) => personId)),
    );
    expect(answered.filter(({ personId, displayName }) => names.get(personId) !== displayName)).toEqual([]);
    process.stdout.write(
      `group commit under SIGKILL: ${answered.length} answered 2xx, ${registered.size} in the log, all ${answered.length} with their names\n`,
    );
  }, 120_000);

  it(`every GET answered before a SIGTERM is in the access log, its chain intact (${READS} reads)`, async () => {
    api = await startApiProcess(setting());
    const { url } = api;
    const token = await adminToken('admin-group-sigterm');
    const person = await call(`${url}/api/people`, {
      method: 'POST',
      token,
      body: { personId: 'p-read', displayName: 'Read Often', reason: 'clean shutdown test' },
    });
    expect(person.status).toBe(201);
    const reads = await Promise.all(
      Array.from({ length: READS }, () => call(`${url}/api/people/p-read`, { token })),
    );
    expect(reads.map((read) => read.status)).toEqual(reads.map(() => 200));
    await api.stop('SIGTERM');
    api = undefined;

    const answeredIds = reads.map((read) => read.headers.get('x-correlation-id')!);
    const { logged, verification } = await withServiceStore(setting(), async (store) => ({
      logged: await store.queryAccess({ subject: 'admin-group-sigterm', limit: 10_000 }),
      verification: await store.verifyAccessLog(),
    }));
    const loggedIds = new Set(logged.map((entry) => entry.correlationId));
    expect(answeredIds.filter((id) => !loggedIds.has(id))).toEqual([]);
    expect(verification).toMatchObject({ ok: true, breaks: 0 });
    expect(verification.entries).toBeGreaterThanOrEqual(READS);
  }, 120_000);
});
