import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newEventId } from '@bcl/event-store';
import { RunningApi, startApi } from '../support/api-app';
import { withEventStore } from '../support/durable-stores';
import { registerPerson } from './support';

/**
 * Issue 11: a log restored from an older backup while the service store is newer (its checkpoints,
 * idempotency records and names describe writes the log no longer holds) is refused at start with one line,
 * never served with "ready, lag 0". The service store records the log's first event's hash and the hash of
 * the event at each checkpoint.
 */
describe('a service store newer than its log (a log restored from an older backup)', () => {
  let dir: string;
  let api: RunningApi | undefined;
  const setting = () => `sqlite:${join(dir, 'ledger.db')}`;
  const backup = () => join(dir, 'backup.db');

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bcl-restored-log-'));
    api = await startApi(setting());
    const admin = await api.token('admin', 'admin-restore');
    expect((await registerPerson(api, admin, 'Kept In Backup')).status).toBe(201);
    await api.close();
    copyFileSync(join(dir, 'ledger.db'), backup()); // closed: the WAL is checkpointed into the file
    api = await startApi(setting());
    expect((await registerPerson(api, admin, 'Lost By Restore')).status).toBe(201);
    expect((await registerPerson(api, admin, 'Also Lost')).status).toBe(201);
    await api.http().get('/health/ready').expect(200);
    await api.close();
    api = undefined;
    for (const suffix of ['-wal', '-shm']) rmSync(join(dir, `ledger.db${suffix}`), { force: true });
    copyFileSync(backup(), join(dir, 'ledger.db'));
  }, 60_000);
  afterEach(async () => {
    await api?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is refused at start with one line when its checkpoints are beyond the log head', async () => {
    const refused = startApi(setting());
    await expect(refused).rejects.toThrow(
      /^the service store sqlite:.*ledger\.service\.db is ahead of its log: projection '\w+' has applied position \d+ but the log ends at \d+\. .*restore the service store from the same backup as the log/,
    );
    await expect(refused).rejects.not.toThrow(/\n/);
  });

  const diverge = (count: number) =>
    withEventStore(setting(), async (store) => {
      const head = (await store.headPosition()) ?? 0n;
      const events = Array.from({ length: count }, (_, n) => ({
        eventId: newEventId(),
        type: 'TestDiverged',
        data: { n },
        metadata: { actor: { id: 'test' }, correlationId: 'c', reason: 'diverge' },
      }));
      await store.append(`test-diverged-${newEventId()}`, events, 'no-stream');
      expect(await store.headPosition()).toBe(head + BigInt(count));
    });

  it('is refused when the log has moved on differently to the same position (another hash there)', async () => {
    await diverge(5);
    await expect(startApi(setting())).rejects.toThrow(
      /does not match its log: projection '\w+' applied event [0-9a-f]{12}… at position \d+, where the log holds [0-9a-f]{12}…/,
    );
  });

  it('is refused when it belongs to another log altogether', async () => {
    rmSync(join(dir, 'ledger.db'));
    await diverge(5);
    await expect(startApi(setting())).rejects.toThrow(
      /belongs to another log: it was built from a log whose first event is [0-9a-f]{12}…, this log's is [0-9a-f]{12}…/,
    );
  });
});
