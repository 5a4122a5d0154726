import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ServiceStore } from '@bcl/service-store';
import { runCli } from '../support/child-process';

describe('bcl verify keeps its run in the service store', () => {
  let dir: string;
  const bcl = (...args: string[]) =>
    runCli(['--store', `sqlite:${join(dir, 'ledger.db')}`, ...args], { cwd: dir, env: { LEDGER_STORE: '' } });
  const serviceDb = () => join(dir, 'ledger.service.db');
  const lastRun = async () => {
    const service = await ServiceStore.open(`sqlite:${serviceDb()}`, { mustExist: true });
    try {
      return await service.lastVerification();
    } finally {
      await service.close();
    }
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bcl-verify-records-'));
    expect((await bcl('demo', '--events', '30', '--streams', '3')).code).toBe(0);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('records who ran it, from the CLI, the events checked and the head, and that the log is intact', async () => {
    expect((await bcl('projections', 'rebuild')).code).toBe(0);
    const verified = await bcl('verify', '--json');
    expect(verified.code).toBe(0);
    const report = JSON.parse(verified.stdout) as { eventsChecked: number; lastHash: string };
    expect(await lastRun()).toEqual({
      id: expect.any(Number),
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      subject: `os-user:${userInfo().username}`,
      origin: 'cli',
      eventsChecked: report.eventsChecked,
      headPosition: String(report.eventsChecked),
      headHash: report.lastHash,
      ok: true,
      firstBreak: null,
      digest: null,
    });
  });

  it("records the digest's position and that it matched, for a check against a digest", async () => {
    expect((await bcl('projections', 'rebuild')).code).toBe(0);
    expect((await bcl('digest', '--out', 'digest.json')).code).toBe(0);
    expect((await bcl('verify', '--digest', join(dir, 'digest.json'))).code).toBe(0);
    expect((await lastRun())?.digest).toEqual({ position: '30', matched: true });
  });

  it('records a broken log with its first break, and still exits 1', async () => {
    expect((await bcl('projections', 'rebuild')).code).toBe(0);
    const db = new Database(join(dir, 'ledger.db'));
    db.prepare("UPDATE bcl_events SET record = replace(record, 'Pence', 'Pennies') WHERE position = 7").run();
    db.close();
    const broken = await bcl('verify');
    expect(broken.code).toBe(1);
    expect(await lastRun()).toMatchObject({
      ok: false,
      eventsChecked: 6,
      headPosition: '6',
      firstBreak: { kind: 'altered', position: '7' },
    });
  });

  it('creates no service store where there is none, and keeps nothing for an offline file check', async () => {
    expect((await bcl('verify')).code).toBe(0);
    expect((await bcl('export', '--out', 'log.ndjson')).code).toBe(0);
    expect((await bcl('verify', '--file', join(dir, 'log.ndjson'))).code).toBe(0);
    expect(existsSync(serviceDb())).toBe(false);
  });
});
