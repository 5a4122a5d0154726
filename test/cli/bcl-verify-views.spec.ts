import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runCli } from '../support/child-process';
import { startApi } from '../support/api-app';

/** `bcl verify --views` as an operator runs it: one line per problem, exit 1 on a difference. */
describe('bcl verify --views', () => {
  let dir: string;
  const bcl = (...args: string[]) =>
    runCli(['--store', `sqlite:${join(dir, 'ledger.db')}`, ...args], {
      cwd: dir,
      env: { LEDGER_STORE: '', LEDGER_SERVICE_STORE: '' },
    });
  const service = () => new Database(join(dir, 'ledger.service.db'));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bcl-verify-views-'));
    const api = await startApi(`sqlite:${join(dir, 'ledger.db')}`, { demoData: 'registry' });
    await api.close();
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('passes a clean store, saying where each projection stands', async () => {
    const clean = await bcl('verify', '--views');
    expect(clean).toMatchObject({ code: 0, stderr: '' });
    expect(clean.stdout).toMatch(
      /^OK: 5 projections \(\d+ stored views\), \d+ vault entries and \d+ access-log entries in sqlite:.*: the views and the vault agree with the log replayed up to each checkpoint \(registry at \d+, plans at \d+, governance at \d+, fund at \d+, fund-totals at \d+; head \d+\), and the access log's chain holds \((no chained entry yet|chain head: entry \d+, [0-9a-f]{64})\)\n$/,
    );
  });

  it('names the projection and the key of an edited view, exits 1, and reports it in --json', async () => {
    const db = service();
    const { key } = db
      .prepare(
        "SELECT key FROM projection_views WHERE projection = 'registry' AND view LIKE '%Kent County Council%' ORDER BY key LIMIT 1",
      )
      .get() as { key: string };
    db.prepare(
      "UPDATE projection_views SET view = replace(view, 'Kent County Council', 'Kent County Counsel') WHERE projection = 'registry' AND key = ?",
    ).run(key);
    db.close();
    const broken = await bcl('verify', '--views');
    expect(broken.code).toBe(1);
    expect(broken.stdout.split('\n')).toEqual(
      expect.arrayContaining([
        `projection registry: 1 of its views differ from the log replayed at checkpoint ${/at checkpoint (\d+)/.exec(broken.stdout)?.[1]} (first: key '${key}', differs)`,
        `projection registry, key '${key}': the stored view differs from the log replayed`,
        expect.stringMatching(/^BROKEN: /),
      ]),
    );
    const json = await bcl('--json', 'verify', '--views');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      projections: expect.arrayContaining([
        expect.objectContaining({
          name: 'registry',
          differences: 1,
          firstDifferences: [{ key, kind: 'differs' }],
        }),
      ]),
    });
  });

  it('refuses --views with an offline file or a digest: it checks a store', async () => {
    const refused = await bcl('verify', '--views', '--file', 'log.ndjson');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^bcl: --views checks the service store/);
  });

  it('refuses, creating nothing, where there is no service store', async () => {
    const missing = await runCli(
      [
        '--store',
        `sqlite:${join(dir, 'ledger.db')}`,
        'verify',
        '--views',
        '--service-store',
        `sqlite:${join(dir, 'none.db')}`,
      ],
      { cwd: dir, env: { LEDGER_STORE: '', LEDGER_SERVICE_STORE: '' } },
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no service store/);
  });
});
