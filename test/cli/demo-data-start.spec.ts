import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/child-process';
import { startApi } from '../support/api-app';

const ROOT = join(__dirname, '..', '..');

/** Starts the built API (`npm start` without its build step) and returns its start-up lines, then stops it. */
function startupLines(store: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', './bin/register-aliases.js', 'dist/apps/server/src/main.js'],
      {
        cwd: ROOT,
        env: { ...process.env, LEDGER_STORE: store, LEDGER_SERVICE_STORE: '', PORT: '0', LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let seen = '';
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (/ {2}try: /.test(seen)) child.kill('SIGTERM');
    });
    child.on('close', (code) =>
      /listening on/.test(seen) ? resolve(seen) : reject(new Error(`exit ${code}: ${seen}${errors}`)),
    );
  });
}

describe('demo data: loaded once, into an empty store, never over a store that has moved on', () => {
  let dir: string;
  let store: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bcl-demo-start-'));
    store = `sqlite:${join(dir, 'ledger.db')}`;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("loads the demo into a fresh store; after a user's documented plan import, a restart starts and keeps it", async () => {
    const first = await startApi(store, { demoData: true });
    expect(first.demoData).toEqual({ loaded: true, written: expect.any(Number) });
    expect((first.demoData as { written: number }).written).toBeGreaterThan(100);
    await first.close();

    // docs/cli.md: a one-row contributions table for Kent, confirmed with --replace.
    const kent = JSON.parse(readFileSync(join(ROOT, 'demo', 'plans', 'kent-2017-19.json'), 'utf8')) as {
      contributions: { key: string; source: string; contributorId: string }[];
    };
    const [row] = kent.contributions;
    const csv = join(dir, 'kent-contributions.csv');
    writeFileSync(
      csv,
      `Key,Source,Contributor,2017-18,2018-19\n${row!.key},${row!.source},${row!.contributorId},123.45,123.45\n`,
    );
    const imported = await runCli(
      ['--store', store, 'plan', 'import', csv, '--table', 'contributions', '--area', 'kent'].concat([
        '--cycle',
        '2017-19',
        '--justification',
        'Kent HWB report (test)',
        '--replace',
      ]),
      { cwd: dir, env: { LEDGER_STORE: '' } },
    );
    expect([imported.code, imported.stderr]).toEqual([0, '']);

    const again = await startApi(store, { demoData: true });
    try {
      expect(again.demoData).toMatchObject({
        loaded: false,
        reason: expect.stringMatching(/^the store is not empty/),
      });
      const plan = await again
        .http()
        .get('/api/plans/kent-2017-19')
        .set('Authorization', `Bearer ${await again.token('auditor')}`)
        .expect(200);
      expect(plan.body.content.contributions).toEqual([
        expect.objectContaining({ key: row!.key, amountsPence: { '2017-18': 12345, '2018-19': 12345 } }),
      ]);
    } finally {
      await again.close();
    }

    const lines = await startupLines(store);
    expect(lines).toMatch(
      /\n {2}demo data: {5}not loaded: the store is not empty \(its log ends at position \d+\)\n/,
    );
  }, 120_000);

  it('says so when it loads the demo into an empty store', async () => {
    const fresh = `sqlite:${join(dir, 'fresh.db')}`;
    expect(await startupLines(fresh)).toMatch(
      /\n {2}demo data: {5}loaded into the empty store \(\d+ steps recorded\)\n/,
    );
  }, 120_000);

  it('`npm run demo` writes its synthetic events to a store and digest of its own, never the record or data/digest.json', () => {
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<
      string,
      string
    >;
    const work = join(dir, 'npm-run-demo');
    mkdirSync(join(work, 'data'), { recursive: true });
    writeFileSync(join(work, 'data', 'digest.json'), 'the digest the README says to keep\n');
    execFileSync(
      'bash',
      ['-c', scripts.demo!.split('node bin/bcl.js').join(`node ${join(ROOT, 'bin', 'bcl.js')}`)],
      {
        cwd: work,
        env: { ...process.env, LEDGER_STORE: '' },
        stdio: 'ignore',
      },
    );
    expect(existsSync(join(work, 'data', 'ledger.db'))).toBe(false);
    expect(readFileSync(join(work, 'data', 'digest.json'), 'utf8')).toBe(
      'the digest the README says to keep\n',
    );
    expect(existsSync(join(work, 'data', 'demo-synthetic.db'))).toBe(true);
    expect(JSON.parse(readFileSync(join(work, 'data', 'demo-synthetic-digest.json'), 'utf8'))).toMatchObject({
      eventCount: '1000',
    });
  }, 120_000);
});
