import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/child-process';
import { startApi } from '../support/api-app';

const Q3 = 'southend-on-sea-2016-17-q3';

describe("bcl who-approved quarterly-return: the chair's standing authority", () => {
  let dir: string;
  let store: string;
  const bcl = (...args: string[]) =>
    runCli(['--store', store, ...args], { cwd: dir, env: { LEDGER_STORE: '' } });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bcl-who-chair-'));
    store = `sqlite:${join(dir, 'ledger.db')}`;
    // the demo records the Chair's sign-off of the Q3 2016-17 return (demo/returns.json: version 3, on the day
    // it was made to NHS England, 3 March 2017, 004:1807, 004:2663)
    const api = await startApi(store, { demoData: true });
    await api.close();
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints approval ← chair seat ← body, with the holder on the day', async () => {
    const printed = await bcl('who-approved', 'quarterly-return', Q3);
    expect(printed).toMatchObject({ code: 0, stderr: '' });
    const lines = printed.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`quarterly-return ${Q3}: 1 approval(s)`);
    expect(lines[1]).toBe(`approval ${Q3}-chair of version 3`);
    expect(lines[2]).toMatch(
      /^ {2}signed 2017-03-03 \(recorded .+\) by Cllr Lesley Salter \(p-0007\) as Chair, Southend-on-Sea HWB/,
    );
    expect(lines.slice(3)).toEqual([
      "  under the chair's standing authority of Southend Health & Wellbeing Board (southend-hwb), signing on the Board's behalf",
      expect.stringMatching(
        /^ {4}chair seat held by post southend-hwb-chair from 2013-04-01; assumed: the seat's start date is not in the seeds.* \(cites 004:864\)$/,
      ),
      '    chair on the day: Chair, Southend-on-Sea HWB: Cllr Lesley Salter (p-0007)',
      expect.stringMatching(
        /^ {4}health-and-wellbeing-board of southend-on-sea, established 2013-04-01; assumed: .*\(cites 004:33\)$/,
      ),
    ]);
    const json = JSON.parse((await bcl('--json', 'who-approved', 'quarterly-return', Q3)).stdout);
    expect(json.approvals[0].authority).toMatchObject({
      kind: 'chair',
      bodyId: 'southend-hwb',
      chair: { postId: 'southend-hwb-chair', holder: { personId: 'p-0007' } },
    });
  });
});
