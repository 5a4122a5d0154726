import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReturnContext } from '../../apps/api/src/returns/return-context';
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
    const api = await startApi(store, { demoData: true });
    try {
      // the returns context is not governance's: a stand-in holding one clean return of Southend
      const returns = api.app.get(ReturnContext);
      jest.spyOn(returns, 'currentVersion').mockResolvedValue(4);
      jest.spyOn(returns, 'areaOf').mockResolvedValue('southend-on-sea');
      jest.spyOn(returns, 'signOffObstacles').mockResolvedValue([]);
      const chair = await api.token('programme-lead', 'user-p-0007', 'p-0007');
      await api
        .http()
        .post(`/api/governance/instruments/quarterly-return/${Q3}/approvals`)
        .set('Authorization', `Bearer ${chair}`)
        .send({
          approvalId: `${Q3}-chair`,
          version: 4,
          actingPostId: 'southend-hwb-chair',
          authority: { kind: 'chair', id: 'southend-hwb' },
          effectiveOn: '2017-03-03',
          reason: 'test: the Chair signs the Q3 return on behalf of the HWB (004:1807)',
        })
        .expect(201);
    } finally {
      await api.close();
    }
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints approval ← chair seat ← body, with the holder on the day', async () => {
    const printed = await bcl('who-approved', 'quarterly-return', Q3);
    expect(printed).toMatchObject({ code: 0, stderr: '' });
    const lines = printed.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`quarterly-return ${Q3}: 1 approval(s)`);
    expect(lines[1]).toBe(`approval ${Q3}-chair of version 4`);
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
