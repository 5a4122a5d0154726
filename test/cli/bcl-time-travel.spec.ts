import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/child-process';
import { startApi } from '../support/api-app';
import { withEventStore } from '../support/durable-stores';
import { readWholeLog } from '../support/read-log';
import kent from '../../demo/plans/kent-2017-19.json';

/** One millisecond before an instant. */
const justBefore = (instant: string) => new Date(Date.parse(instant) - 1).toISOString();

describe('bcl who-approved, fund position and reconcile: --as-at and --known-at', () => {
  let dir: string;
  let store: string;
  let approvalRecorded: string;
  const bcl = (...args: string[]) =>
    runCli(['--store', store, ...args], { cwd: dir, env: { LEDGER_STORE: '' } });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bcl-time-'));
    store = `sqlite:${join(dir, 'ledger.db')}`;
    const api = await startApi(store, { demoData: true });
    // Kent's version 2, in effect from 1 April 2018: one narrative reworded
    await api
      .http()
      .post('/api/plans/import?effectiveOn=2018-04-01')
      .set('Authorization', `Bearer ${await api.token('programme-lead', 'lead-1')}`)
      .send({
        ...kent,
        justification: 'Kent plan, reworded narrative (test)',
        narratives: kent.narratives.map((n) => ({ ...n, text: `${n.text} (reworded)` })),
        evidence: { citations: ['test:kent-v2'], assumed: null },
      })
      .expect(201);
    await api.close();
    approvalRecorded = await withEventStore(store, async (events) => {
      const log = await readWholeLog(events);
      return log.find(
        (e) => e.type === 'ApprovalRecorded' && JSON.stringify(e.data).includes('kent-2017-19'),
      )!.recordedAt;
    });
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('traces the Kent sign-off as at a date and as known at an instant', async () => {
    const approvals = async (...options: string[]) =>
      JSON.parse((await bcl('--json', 'who-approved', 'bcf-plan', 'kent-2017-19', ...options)).stdout)
        .approvals.length;
    expect(await approvals()).toBe(1);
    expect(await approvals('--as-at', '2017-09-11')).toBe(1);
    expect(await approvals('--as-at', '2017-06-01')).toBe(0);
    expect(await approvals('--known-at', justBefore(approvalRecorded))).toBe(0);
    expect(await approvals('--known-at', approvalRecorded)).toBe(1);
    const onTheDay = await bcl('who-approved', 'bcf-plan', 'kent-2017-19', '--as-at', '2017-09-11');
    expect(onTheDay.stdout).toContain('    report-back to kent-hwb by 2017-09-20: not recorded');
  });

  it('shows the Southend position as at 30 September 2016 without the Q3 and Q4 returns, and as known at an instant', async () => {
    const position = async (...options: string[]) =>
      JSON.parse((await bcl('--json', 'fund', 'position', 'southend-bcf', '2016-17', ...options)).stdout);
    const actuals = (p: { byQuarter: { income: { statedActualPence: number | null } }[] }) =>
      p.byQuarter.map((q) => q.income.statedActualPence);
    expect(actuals(await position('--as-at', '2016-09-30'))).toEqual([328_276_300, null, null, null]);
    expect(actuals(await position())).toEqual([328_276_300, 328_276_200, 328_276_200, 328_276_200]);
    const unknown = await bcl(
      'fund',
      'position',
      'southend-bcf',
      '2016-17',
      '--known-at',
      '2016-01-01T00:00:00Z',
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      "pool 'southend-bcf' has no year 2016-17 opened as known at 2016-01-01T00:00:00.000Z",
    );
    const reconciled = await bcl('reconcile', 'southend-bcf', '2016-17', '--as-at', '2016-09-30');
    expect(reconciled.stdout).not.toMatch(/Q[34] 2016\/17 return/);
  });

  it('exports the Kent plan as the ledger knew it at an instant', async () => {
    const planRecorded = await withEventStore(
      store,
      async (events) =>
        (await readWholeLog(events)).find((e) => e.stream === 'plan-kent-2017-19')!.recordedAt,
    );
    const before = await bcl(
      'plan',
      'export',
      'kent-2017-19',
      '--out',
      'k0.json',
      '--known-at',
      justBefore(planRecorded),
    );
    expect(before.code).toBe(2);
    expect(before.stderr).toContain('kent-2017-19: no such plan is recorded as known at');
    const then = await bcl('plan', 'export', 'kent-2017-19', '--out', 'k1.json', '--known-at', planRecorded);
    expect(then).toMatchObject({ code: 0, stdout: 'wrote kent-2017-19 version 1 to k1.json\n' });
  });

  it('exports the Kent plan as it stood on a date: the version in effect then', async () => {
    const wrote = async (...options: string[]) =>
      (await bcl('plan', 'export', 'kent-2017-19', '--out', 'k.json', ...options)).stdout;
    expect(await wrote()).toBe('wrote kent-2017-19 version 2 to k.json\n');
    expect(await wrote('--as-at', '2018-03-31')).toBe('wrote kent-2017-19 version 1 to k.json\n');
    expect(await wrote('--as-at', '2018-04-01')).toBe('wrote kent-2017-19 version 2 to k.json\n');
    const before = await bcl('plan', 'export', 'kent-2017-19', '--out', 'k.json', '--as-at', '2017-06-01');
    expect(before.code).toBe(2);
    expect(before.stderr.trim()).toContain('kent-2017-19: had no version in effect on 2017-06-01');
    // who-approved reads the plan's version from the same viewpoint
    const current = async (...options: string[]) =>
      JSON.parse((await bcl('--json', 'who-approved', 'bcf-plan', 'kent-2017-19', ...options)).stdout)
        .currentVersion;
    expect(await current()).toBe(2);
    expect(await current('--as-at', '2017-09-11')).toBe(1);
  });

  it('says in one line what to fix in a bad viewpoint', async () => {
    for (const [args, message] of [
      [['who-approved', 'bcf-plan', 'kent-2017-19', '--as-at', '2017-02-30'], '--as-at: must be a real date'],
      // a mistyped plan is not a plan with no approvals
      [['who-approved', 'bcf-plan', 'kent-2017-91'], 'kent-2017-91: no such plan is recorded'],
      [
        ['who-approved', 'bcf-plan', 'kent-2017-19', '--known-at', 'yesterday'],
        '--known-at: must be an ISO 8601',
      ],
      [
        ['fund', 'position', 'southend-bcf', '2016-17', '--known-at', '2016-09-30'],
        '--known-at: must be an ISO 8601',
      ],
      [
        ['reconcile', 'southend-bcf', '2016-17', '--known-at', '2016-13-01T00:00:00Z'],
        '--known-at: must be an ISO 8601',
      ],
      [
        ['reconcile', 'southend-bcf', '2016-17', '--known-at', '2017-02-30T00:00:00Z'],
        '--known-at: must be an ISO 8601',
      ],
      [
        ['plan', 'export', 'kent-2017-19', '--out', 'k.json', '--known-at', '2016-09-30T00:00'],
        '--known-at: must be an ISO 8601',
      ],
      [
        ['plan', 'export', 'kent-2017-19', '--out', 'k.json', '--as-at', '2017-02-30'],
        '--as-at: must be a real date',
      ],
      [
        ['plan', 'export', 'kent-2017-19', '--out', 'k.json', '--as-at', '11/09/2017'],
        '--as-at: must be a real date',
      ],
    ] as const) {
      const refused = await bcl(...args);
      expect(refused.code).toBe(2);
      expect(refused.stderr.trim().split('\n')).toEqual([expect.stringContaining(message)]);
    }
  });
});
