import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, rmdirSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningApi, startApi } from '../support/api-app';
import { withEventStore } from '../support/durable-stores';
import { describeNeeding } from '../support/servers';
import { WriteTally, readinessBecomes, registerPerson } from './support';

/** A 2 MiB tmpfs for the stores, or why there is none (mounting needs root). */
function smallDisk(): { dir: string } | { reason: string } {
  if (process.getuid?.() !== 0) return { reason: 'mounting a tmpfs needs root' };
  const dir = mkdtempSync(join(tmpdir(), 'bcl-disk-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dir], { stdio: 'pipe' });
    return { dir };
  } catch (error) {
    rmdirSync(dir);
    return { reason: `mount -t tmpfs failed: ${(error as Error).message.split('\n')[0]}` };
  }
}

/** Fills the disk with one file until it refuses a byte more; returns the file. */
function fill(dir: string): string {
  const path = join(dir, 'filler');
  const fd = openSync(path, 'w');
  const chunk = Buffer.alloc(4096, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
  return path;
}

const disk = smallDisk();
const describeOnSmallDisk = (title: string, body: () => void) =>
  describeNeeding(
    title,
    'dir' in disk ? { value: disk.dir } : disk,
    { flag: 'CI=true', set: process.env.CI === 'true', what: 'a small disk (tmpfs)' },
    body,
  );

/**
 * Issue 11: the SQLite log and the service store on a full disk. A write fails with a clear error, readiness
 * says 503 with the reason, and once space returns the API recovers by itself (no restart).
 */
describeOnSmallDisk('a full disk under SQLite, and recovery when space returns', () => {
  const dir = 'dir' in disk ? disk.dir : '';
  const setting = `sqlite:${join(dir, 'ledger.db')}`;
  let api: RunningApi;
  let admin: string;
  const tally = new WriteTally();
  const head = () => withEventStore(setting, async (store) => (await store.headPosition()) ?? 0n);

  beforeAll(async () => {
    api = await startApi(setting);
    admin = await api.token('admin', 'admin-disk');
  }, 60_000);
  afterAll(async () => {
    await api?.close().catch(() => undefined);
    execFileSync('umount', ['-l', dir]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses writes with 507 storage-full while full (recording nothing), readiness 503, and heals when space returns', async () => {
    expect(tally.note((await registerPerson(api, admin, 'Before Full')).status)).toBe(201);
    await api.http().get('/health/ready').expect(200);
    const headBefore = await head();

    const filler = fill(dir);
    const refused: { status: number; type: string; detail: string }[] = [];
    const refusedWrites = new Set<number>();
    let succeeded = 0;
    const register = (n: number) =>
      api
        .http()
        .post('/api/people')
        .set('Authorization', `Bearer ${admin}`)
        .set('Idempotency-Key', `disk-full-${n}`)
        .send({ personId: `p-disk-full-${n}`, displayName: `While Full ${n}`, reason: 'fault test' });
    for (let n = 0; n < 5; n++) {
      const answer = await register(n);
      tally.note(answer.status);
      if (answer.status >= 200 && answer.status < 300) succeeded += 1;
      else {
        refusedWrites.add(n);
        refused.push({ status: answer.status, type: answer.body.type, detail: String(answer.body.detail) });
      }
    }
    expect(refused.length).toBeGreaterThan(0);
    // A write refused for want of space says so, and that nothing was recorded (the append rolled back).
    for (const answer of refused)
      expect(answer).toEqual({
        status: 507,
        type: '/problems/storage-full',
        detail: "the ledger's storage is full; nothing was recorded; retry when space is freed",
      });
    const down = await readinessBecomes(api, 503, 10_000);
    expect(down.status).toBe(503);
    expect((down.body.reasons as string[]).join('\n')).toMatch(/full/i);
    const recordedWhileFull = (await head()) - headBefore;
    // Each answer is true: the log grew by exactly the writes answered 2xx (one event each).
    expect(recordedWhileFull).toBe(BigInt(succeeded));

    rmSync(filler);
    const up = await readinessBecomes(api, 200, 30_000);
    expect(up.body).toMatchObject({ status: 'up' });
    const after = await registerPerson(api, admin, 'After Full');
    expect(tally.note(after.status)).toBe(201);
    const read = await api
      .http()
      .get(after.headers.location!)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(read.body).toMatchObject({ displayName: 'After Full' });
    // Every write refused while full is retried with its key: nothing of it was recorded, so the retry records
    // it now (201, not a replay), and the log holds each write once.
    const headBeforeRetries = await head();
    for (let n = 0; n < 5; n++) {
      const retry = await register(n);
      tally.note(retry.status);
      expect(retry.status).toBe(201);
      expect(retry.headers['idempotency-replayed']).toBe(refusedWrites.has(n) ? undefined : 'true');
      await api
        .http()
        .get(`/api/people/p-disk-full-${n}`)
        .set('Authorization', `Bearer ${admin}`)
        .expect(200)
        .expect((answer) => expect(answer.body).toMatchObject({ displayName: `While Full ${n}` }));
    }
    expect((await head()) - headBeforeRetries).toBe(BigInt(refused.length));
    process.stderr.write(
      `disk full: ${tally}; recorded while full: ${recordedWhileFull}; answers while full: ${JSON.stringify(refused)}\n`,
    );
  }, 90_000);
});
