import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runCli } from '../support/child-process';

describe('bcl command line', () => {
  let dir: string;
  const bcl = (...args: string[]) => runCli(args, { cwd: dir, env: { LEDGER_STORE: '' } });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bcl-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the walk-through on the default embedded store: demo, append, verify, digest, export, offline verify', async () => {
    const demo = await bcl('demo', '--events', '300', '--streams', '4', '--json');
    expect(demo.code).toBe(0);
    expect(JSON.parse(demo.stdout)).toMatchObject({ events: 300, streams: 4, lastPosition: '300' });
    expect(demo.stdout).toContain(join(dir, 'data', 'ledger.db'));

    // Rutland's 2016-17 minimum pooled fund: £2.061m (003:62), in pence.
    const rutlandPool = [
      'append',
      '--stream',
      'minimum-pool-rutland-2016-17',
      '--type',
      'ContributionCommitted',
    ];
    const append = await bcl(
      ...rutlandPool,
      '--data',
      '{"amountPence":206100000}',
      '--expected-revision',
      'no-stream',
      '--json',
    );
    expect(append.code).toBe(0);
    const appended = JSON.parse(append.stdout);
    expect(appended).toMatchObject({
      stream: 'minimum-pool-rutland-2016-17',
      lastRevision: 0,
      lastPosition: '301',
      replayed: false,
    });
    const retry = await bcl(
      ...rutlandPool,
      '--data',
      '{"amountPence":206100000}',
      '--event-id',
      appended.eventId,
      '--json',
    );
    expect(retry.code).toBe(0);
    expect(JSON.parse(retry.stdout)).toEqual({ ...appended, replayed: true });
    const changed = await bcl(
      ...rutlandPool,
      '--data',
      '{"amountPence":206100001}',
      '--event-id',
      appended.eventId,
    );
    expect(changed.code).toBe(2);
    expect(changed.stderr).toMatch(/^bcl: event id .* was already appended with a different body\n$/);

    const conflict = await bcl(
      'append',
      '--stream',
      'minimum-pool-rutland-2016-17',
      '--type',
      'T',
      '--data',
      '{}',
      '--expected-revision',
      '5',
    );
    expect(conflict).toMatchObject({
      code: 2,
      stderr:
        "bcl: stream 'minimum-pool-rutland-2016-17' is at revision 0, but the append expected revision 5\n",
    });

    const verify = await bcl('verify', '--json');
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, eventsChecked: 301, lastPosition: '301' });

    const digest = await bcl('digest', '--out', 'digest.json');
    expect(digest.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'digest.json'), 'utf8'))).toMatchObject({
      format: 'bcl-digest/2',
      position: '301',
      eventCount: '301',
      treeSize: '301',
      root: expect.stringMatching(/^[0-9a-f]{64}$/),
    });

    expect((await bcl('export', '--out', 'log.ndjson')).code).toBe(0);
    const offline = await bcl(
      'verify',
      '--file',
      'log.ndjson',
      '--digest',
      'digest.json',
      '--store',
      'postgres://nowhere.invalid/x',
    );
    expect(offline.code).toBe(0);
    expect(offline.stdout).toMatch(
      /^OK: 301 events in log\.ndjson verified.*digest at position 301 matched\nsignatures: no event is signed\n$/,
    );

    const lines = readFileSync(join(dir, 'log.ndjson'), 'utf8').trim().split('\n');
    writeFileSync(join(dir, 'cut.ndjson'), `${lines.slice(0, 201).join('\n')}\n`);
    const cut = await bcl('verify', '--file', 'cut.ndjson', '--digest', 'digest.json');
    expect(cut.code).toBe(1);
    expect(cut.stdout).toMatch(/^BROKEN: .*the log ends at 200, before position 301.*\[truncated\]/);
  });

  it('exits 1 and names the first break when the store was altered', async () => {
    await bcl('demo', '--events', '50');
    const db = new Database(join(dir, 'data', 'ledger.db'));
    db.prepare(
      "UPDATE bcl_events SET record = replace(record, 'Received', 'Receivee') WHERE position = (SELECT min(position) FROM bcl_events WHERE type = 'ContributionReceived')",
    ).run();
    db.close();
    const verify = await bcl('verify');
    expect(verify.code).toBe(1);
    expect(verify.stdout).toMatch(
      /^BROKEN: position \d+: the stored record does not match its hash.*\[altered\]/,
    );
  });

  it('prints one line saying what to fix, exit 2, for bad input or an unusable store', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['append', '--stream', 's', '--type', 'T', '--data', '{nope'], /^bcl: --data is not valid JSON/],
      [['append', '--stream', 's', '--type', 'T', '--data', '[1]'], /^bcl: --data must be a JSON object/],
      [
        ['append', '--stream', 's', '--type', 'T', '--data', '{}', '--expected-revision', 'soon'],
        /^bcl: --expected-revision must be/,
      ],
      [
        ['append', '--stream', '$all', '--type', 'T', '--data', '{}'],
        /^bcl: stream: must start with a letter or digit/,
      ],
      [['demo', '--events', '-5'], /^bcl: --events must be a whole number from 1 to/],
      [['--store', 'mysql://x', 'verify'], /^bcl: unknown store 'mysql:\/\/x'/],
      [
        ['--store', 'postgres://root@127.0.0.1:1/none', 'verify'],
        /^bcl: cannot use PostgreSQL store at postgres:\/\/root@127\.0\.0\.1:1\/none.*ECONNREFUSED/,
      ],
      [['verify', '--digest', 'missing.json'], /^bcl: cannot read digest file missing\.json/],
    ];
    for (const [args, message] of cases) {
      const result = await bcl(...args);
      expect({ args, code: result.code }).toEqual({ args, code: 2 });
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('refuses a store written in another format version, in one line', async () => {
    await bcl('demo', '--events', '1');
    const db = new Database(join(dir, 'data', 'ledger.db'));
    db.prepare("UPDATE bcl_meta SET value = '2' WHERE key = 'format_version'").run();
    db.close();
    const verify = await bcl('verify');
    expect(verify.code).toBe(2);
    expect(verify.stderr).toMatch(
      /^bcl: SQLite store at .* was written in store format version 2; this build reads version 1\n$/,
    );
  });

  it('shows help', async () => {
    const help = await bcl('--help');
    expect(help.code).toBe(0);
    for (const command of ['append', 'demo', 'verify', 'digest', 'export', 'bench'])
      expect(help.stdout).toContain(command);
  });
});
