import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { runCli } from '../support/child-process';
import { withSchema } from '../support/postgres-schema';
import { describeWithServer } from '../support/servers';

/** Every command that only reads the log: none may create the store it is pointed at. */
const READ_ONLY: string[][] = [
  ['verify'],
  ['digest'],
  ['export'],
  ['export', '--out', 'log.ndjson'],
  ['replay'],
  ['projections', 'status'],
  ['reconcile', 'southend-bcf', '2016-17'],
  ['fund', 'position', 'southend-bcf', '2016-17'],
  ['who-approved', 'bcf-plan', 'kent-2017-19'],
  ['plan', 'export', 'kent-2017-19', '--out', 'plan.json'],
  // not read-only, but they work on a ledger that must already be there
  ['migrate', 'claim-resolutions'],
  ['projections', 'rebuild'],
];

describe('bcl refuses a store that does not exist, and never creates one', () => {
  let dir: string;
  const bcl = (...args: string[]) => runCli(args, { cwd: dir, env: { LEDGER_STORE: '' } });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bcl-missing-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a mistyped SQLite path: "no ledger at …", exit 2, and nothing is created', async () => {
    for (const command of READ_ONLY) {
      const result = await bcl('--store', 'sqlite:./data/ledgr.db', ...command);
      expect({ command, code: result.code, stderr: result.stderr, stdout: result.stdout }).toEqual({
        command,
        code: 2,
        stderr: `bcl: no ledger at ${join(dir, 'data', 'ledgr.db')}\n`,
        stdout: '',
      });
      expect({ command, files: readdirSync(dir) }).toEqual({ command, files: [] });
    }
    // the default store too (`bcl digest` in a fresh checkout used to leave stray databases behind)
    const digest = await bcl('digest');
    expect(digest).toMatchObject({
      code: 2,
      stderr: `bcl: no ledger at ${join(dir, 'data', 'ledger.db')}\n`,
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a file that is not a ledger is refused and left as it was', async () => {
    writeFileSync(join(dir, 'empty.db'), '');
    writeFileSync(join(dir, 'notes.db'), 'not a database');
    for (const name of ['empty.db', 'notes.db']) {
      const before = statSync(join(dir, name)).size;
      const verify = await bcl('--store', `sqlite:${name}`, 'verify');
      expect(verify).toMatchObject({ code: 2, stderr: `bcl: no ledger at ${join(dir, name)}\n` });
      expect(statSync(join(dir, name)).size).toBe(before);
    }
  });

  it('a ledger without its service store: verify still checks the chain; projections status and who-approved refuse, creating nothing', async () => {
    const append = await bcl('append', '--stream', 'note-1', '--type', 'Noted', '--data', '{}');
    expect(append.code).toBe(0);
    const serviceDb = join(dir, 'data', 'ledger.service.db');
    expect(existsSync(serviceDb)).toBe(false);

    const verify = await bcl('verify');
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/^OK: 1 events in the store verified/);
    for (const command of [
      ['projections', 'status'],
      ['who-approved', 'bcf-plan', 'kent-2017-19'],
    ]) {
      const result = await bcl(...command);
      expect({ command, code: result.code, stderr: result.stderr }).toEqual({
        command,
        code: 2,
        stderr: `bcl: no service store at ./data/ledger.service.db\n`,
      });
    }
    expect(existsSync(serviceDb)).toBe(false);

    // an existing ledger still works (exit 0), and writing commands still create stores as before
    expect((await bcl('projections', 'rebuild')).code).toBe(0);
    const status = await bcl('projections', 'status');
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('registry: checkpoint 1, head 1, lag 0');
  });
});

describeWithServer('postgres', 'bcl on a PostgreSQL schema that holds no ledger', (url) => {
  const schemaExists = async (schema: string) => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const found = await client.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [
        schema,
      ]);
      return (found.rowCount ?? 0) > 0;
    } finally {
      await client.end();
    }
  };

  it('refuses every read-only command, "no ledger at … (schema …)", exit 2, and creates no schema', async () => {
    const { storeUrl, schema, drop } = withSchema(url);
    const dir = mkdtempSync(join(tmpdir(), 'bcl-missing-pg-'));
    try {
      for (const command of READ_ONLY) {
        const result = await runCli(['--store', storeUrl, ...command], { cwd: dir });
        expect({ command, code: result.code }).toEqual({ command, code: 2 });
        expect(result.stderr).toMatch(
          new RegExp(`^bcl: no ledger at postgres://.*\\(schema ${schema}\\)\\n$`),
        );
      }
      expect(await schemaExists(schema)).toBe(false);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await drop();
    }
  });
});
