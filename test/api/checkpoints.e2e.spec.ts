import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  TreeDigest,
  checkpointFromObject,
  generateSigningKey,
  keyringOf,
  verifyCheckpoint,
  verifyStore,
} from '@bcl/event-store';
import { apiConfigFromEnv } from '../../apps/api/src/config/api-config';
import { RunningApi, startApi } from '../support/api-app';
import { withEventStore } from '../support/durable-stores';
import { readWholeLog } from '../support/read-log';

/** Resolves once `check` holds, looking every 100 ms (no time limit of its own: the test's timeout is it). */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 100));
}

describe('the API writes signed checkpoints after each sign-off and submission', () => {
  let dir: string;
  let api: RunningApi;
  const store = () => `sqlite:${join(dir, 'ledger.db')}`;
  const checkpoints = () => join(dir, 'checkpoints');

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bcl-api-checkpoints-'));
  });
  afterAll(async () => {
    await api?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('one after the last significant act of the demo data; each verifies against the keyring and the store', async () => {
    const key = generateSigningKey('checkpoint', 'api (test)', '2026-01-01T00:00:00.000Z');
    writeFileSync(join(dir, 'checkpoint.key'), key.keyFile);
    const keyring = keyringOf([key.entry]);
    api = await startApi(store(), {
      demoData: true,
      env: {
        CHECKPOINT_DIR: checkpoints(),
        CHECKPOINT_KEY_FILE: join(dir, 'checkpoint.key'),
        CHECKPOINT_INTERVAL_SECONDS: '0',
      },
    });
    const log = await withEventStore(store(), readWholeLog);
    const lastAct = log.findLastIndex((event) =>
      ['ApprovalRecorded', 'ApprovalRatified', 'ReturnSubmitted'].includes(event.type),
    );
    expect(lastAct).toBeGreaterThan(0);
    const sizes = () =>
      existsSync(checkpoints())
        ? readdirSync(checkpoints())
            .flatMap((name) => /^checkpoint-(\d+)\.json$/.exec(name)?.[1] ?? [])
            .map(Number)
        : [];
    await until(() => sizes().some((size) => size >= lastAct + 1));
    const digests: TreeDigest[] = sizes().map((size) =>
      verifyCheckpoint(
        checkpointFromObject(
          JSON.parse(readFileSync(join(checkpoints(), `checkpoint-${size}.json`), 'utf8')),
        ),
        keyring,
      ),
    );
    expect(digests.length).toBeGreaterThan(1);
    const report = await withEventStore(store(), (events) => verifyStore(events, digests));
    expect(report).toMatchObject({ ok: true, firstBreak: null });
    expect(report.digests!.every((digest) => digest.matched)).toBe(true);
  }, 120_000);

  it('refuses to start with half the settings', () => {
    expect(() => apiConfigFromEnv({ CHECKPOINT_DIR: '/tmp/x' })).toThrow(
      'set both CHECKPOINT_DIR and CHECKPOINT_KEY_FILE, or neither',
    );
    expect(() =>
      apiConfigFromEnv({
        CHECKPOINT_DIR: '/tmp/x',
        CHECKPOINT_KEY_FILE: 'k',
        CHECKPOINT_INTERVAL_SECONDS: 'hourly',
      }),
    ).toThrow(/CHECKPOINT_INTERVAL_SECONDS must be a whole number/);
  });
});
