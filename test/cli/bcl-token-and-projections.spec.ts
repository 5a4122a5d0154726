import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TokenVerifier } from '@bcl/identity';
import { ServiceStore } from '@bcl/service-store';
import { runCli } from '../support/child-process';
import { startApi } from '../support/api-app';

describe('bcl token and bcl projections', () => {
  let dir: string;
  const bcl = (...args: string[]) =>
    runCli(args, { cwd: dir, env: { LEDGER_STORE: '', AUTH_JWT_SECRET: '' } });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bcl-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints a development token the API accepts, with the roles, subject, organisation and person asked for', async () => {
    const printed = await bcl(
      'token',
      '--role',
      'auditor',
      'finance-officer',
      '--subject',
      'u-42',
      '--org',
      'medway-council',
      '--person',
      'p-0006',
    );
    expect(printed).toMatchObject({ code: 0, stderr: '' });
    const identity = await TokenVerifier.create({}).verify(printed.stdout.trim());
    expect(identity).toEqual({
      subject: 'u-42',
      displayName: null,
      organisationId: 'medway-council',
      personId: 'p-0006',
      roles: ['auditor', 'finance-officer'],
    });
  });

  it('refuses an unknown role in one line', async () => {
    const refused = await bcl('token', '--role', 'superuser');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'bcl: --role superuser is not a role; use one of auditor, finance-officer, governance-officer, programme-lead, admin\n',
    );
  });

  it('rebuilds the projections from zero with a progress bar, to the views the live service built', async () => {
    const setting = `sqlite:${join(dir, 'ledger.db')}`;
    const api = await startApi(setting, { demoData: true });
    await api.close();
    const viewsNow = async () => {
      const service = await ServiceStore.open(`sqlite:${join(dir, 'ledger.service.db')}`);
      try {
        return await service.listViews('registry', '', 10_000);
      } finally {
        await service.close();
      }
    };
    const live = await viewsNow();
    const rebuilt = await bcl('--store', setting, 'projections', 'rebuild', '--json');
    expect(rebuilt.code).toBe(0);
    const [{ events }] = JSON.parse(rebuilt.stdout).rebuilt;
    expect(Number(events)).toBeGreaterThan(80);
    expect(rebuilt.stderr).toMatch(
      /\rregistry \[#+\] 100\.0% \(\d+\/\d+\)\n\rplans \[#+\] 100\.0% \(\d+\/\d+\)\n\rgovernance \[#+\] 100\.0% \(\d+\/\d+\)\n\rfund \[#+\] 100\.0% \(\d+\/\d+\)\n\rfund-totals \[#+\] 100\.0% \(\d+\/\d+\)\n$/,
    );
    expect(await viewsNow()).toEqual(live);
    const status = await bcl('--store', setting, 'projections', 'status', '--json');
    expect(JSON.parse(status.stdout).projections).toEqual([
      expect.objectContaining({ name: 'registry', checkpoint: events, head: events, lagPositions: '0' }),
      expect.objectContaining({ name: 'plans', checkpoint: events, head: events, lagPositions: '0' }),
      expect.objectContaining({ name: 'governance', checkpoint: events, head: events, lagPositions: '0' }),
      expect.objectContaining({ name: 'fund', checkpoint: events, head: events, lagPositions: '0' }),
      expect.objectContaining({ name: 'fund-totals', checkpoint: events, head: events, lagPositions: '0' }),
    ]);
  });
});
