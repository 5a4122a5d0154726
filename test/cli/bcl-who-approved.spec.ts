import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/child-process';
import { startApi } from '../support/api-app';

describe('bcl who-approved', () => {
  let dir: string;
  let store: string;
  const bcl = (...args: string[]) =>
    runCli(['--store', store, ...args], { cwd: dir, env: { LEDGER_STORE: '' } });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bcl-who-'));
    store = `sqlite:${join(dir, 'ledger.db')}`;
    await (await startApi(store, { demoData: true })).close(); // registry, plans and governance fixtures
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the chain from the Kent plan sign-off to the Board that delegated it, with the post holders', async () => {
    const printed = await bcl('who-approved', 'bcf-plan', 'kent-2017-19');
    expect(printed).toMatchObject({ code: 0, stderr: '' });
    const lines = printed.stdout.split('\n');
    expect(lines[0]).toBe('bcf-plan kent-2017-19 (current version 1): 1 approval(s)');
    expect(lines[1]).toBe('approval kent-2017-19-v1-chairman of version 1');
    expect(lines[2]).toMatch(
      /^ {2}signed 2017-09-11 \(recorded .+\) by Peter Oakford \(p-0002\) as Chair, Kent HWB; assumed: the date of exercise is not in the seeds, so the plan date stands in \(cites 000:34-36\)$/,
    );
    expect(printed.stdout).toContain(
      '  under delegation kent-hwb-2017-06-14-bcf-sign-off (one of: Chair, Kent HWB: Peter Oakford (p-0002))',
    );
    expect(printed.stdout).toContain(
      '    report-back to kent-hwb by 2017-09-20: done 2017-09-20 (kent-hwb-2017-09-20); assumed: the plan states only the intention',
    );
    expect(printed.stdout).toContain('    at the meeting kent-hwb-2017-06-14 of 2017-06-14');
    expect(printed.stdout).toContain(
      '    of Kent Health and Wellbeing Board; chair Chair, Kent HWB: Mr R W Gough (p-0001)',
    );
    const json = JSON.parse((await bcl('--json', 'who-approved', 'bcf-plan', 'kent-2017-19')).stdout);
    expect(json.approvals[0].authority.delegations[0].granted.resolution.resolutionId).toBe(
      'kent-hwb-2017-06-14-bcf-sign-off',
    );
  });

  it('says in one line what to fix', async () => {
    const refused = await bcl('who-approved', 'plan', 'kent-2017-19');
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toEqual([
      expect.stringContaining('kind: must be one of bcf-plan, ibcf-plan, quarterly-return, s75-variation'),
    ]);
    const none = await bcl('who-approved', 'ibcf-plan', 'southend-on-sea-2017-18');
    expect(none.stdout).toBe('ibcf-plan southend-on-sea-2017-18: 0 approval(s)\n');
  });
});
