import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/child-process';
import { startApi } from '../support/api-app';
import { withEventStore } from '../support/durable-stores';
import { readWholeLog } from '../support/read-log';

const KENT = join(__dirname, '..', '..', 'demo', 'plans', 'kent-2017-19.json');

describe('bcl plan import --effective-on', () => {
  let dir: string;
  let store: string;
  const bcl = (...args: string[]) =>
    runCli(['--store', store, ...args], { cwd: dir, env: { LEDGER_STORE: '' } });
  const planEvents = () =>
    withEventStore(store, async (events) =>
      (await readWholeLog(events)).filter((e) => e.stream === 'plan-kent-2017-19'),
    );

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bcl-plan-effective-'));
    store = `sqlite:${join(dir, 'ledger.db')}`;
    await (await startApi(store, { demoData: 'registry' })).close(); // the registry the plan refers to
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a date that is not a real YYYY-MM-DD in one line, exit 2, recording nothing', async () => {
    for (const bad of ['2017-09-31', '11/09/2017', '2017-9-11']) {
      const result = await bcl('plan', 'import', KENT, '--effective-on', bad);
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toEqual([
        'bcl: --effective-on: must be a real date written YYYY-MM-DD',
      ]);
    }
    expect(await planEvents()).toEqual([]);
  });

  it("records the version's effective date as its events' validTime: the plan is seen as at that date, not before", async () => {
    const result = await bcl('plan', 'import', KENT, '--effective-on', '2017-09-11');
    expect(result.code).toBe(0);
    const events = await planEvents();
    expect(events.length).toBeGreaterThan(0);
    expect(new Set(events.map((e) => e.metadata.validTime))).toEqual(new Set(['2017-09-11']));

    const api = await startApi(store);
    try {
      const token = await api.token('auditor');
      const get = (asAt: string) =>
        api.http().get(`/api/plans/kent-2017-19?asAt=${asAt}`).set('Authorization', `Bearer ${token}`);
      expect((await get('2017-09-11').expect(200)).body.version).toBe(1);
      expect((await get('2017-09-10').expect(404)).body.detail).toBe(
        "plan 'kent-2017-19' had no version in effect on 2017-09-10",
      );
    } finally {
      await api.close();
    }
  });
});
