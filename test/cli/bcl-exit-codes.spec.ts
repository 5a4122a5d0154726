import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { collect, runCli } from '../support/child-process';

const BCL = join(__dirname, '..', '..', 'bin', 'bcl.js');

/** docs/cli.md: 0 success; 1 verification found a break; 2 bad input or an unusable store, in one `bcl:` line. */
describe('bcl exit codes and error lines', () => {
  let dir: string;
  const bcl = (...args: string[]) => runCli(args, { cwd: dir, env: { LEDGER_STORE: '' } });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bcl-exit-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('0 for a sound log, 1 once it is altered, 2 for a store it cannot use', async () => {
    expect((await bcl('demo', '--events', '20')).code).toBe(0);
    const sound = await bcl('verify');
    expect(sound).toMatchObject({ code: 0, stderr: '' });
    const db = new Database(join(dir, 'data', 'ledger.db'));
    db.prepare("UPDATE bcl_events SET record = replace(record, 'Pence', 'Pennies') WHERE position = 7").run();
    db.close();
    const broken = await bcl('verify');
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/^BROKEN: position 7: .*\[altered\]/);
    const unusable = await bcl('--store', 'sqlite:./nowhere.db', 'verify');
    expect(unusable).toMatchObject({ code: 2, stdout: '' });
  });

  it('a usage error is one line starting "bcl:" that says what to fix, exit 2', async () => {
    const cases: Array<[string[], string]> = [
      [['verify', '--bogus'], "bcl: unknown option '--bogus' (run bcl verify --help for usage)\n"],
      [
        ['verify', '--jsn'],
        "bcl: unknown option '--jsn' (did you mean --json?) (run bcl verify --help for usage)\n",
      ],
      [
        ['verify', '--digest'],
        "bcl: option '--digest <file>' argument missing (run bcl verify --help for usage)\n",
      ],
      [['nosuch'], "bcl: unknown command 'nosuch' (run bcl --help for usage)\n"],
      [
        ['fund', 'position'],
        "bcl: missing required argument 'pool' (run bcl fund position --help for usage)\n",
      ],
      [
        ['reconcile', 'kent-bcf'],
        "bcl: missing required argument 'year' (run bcl reconcile --help for usage)\n",
      ],
      [['fund'], "bcl: name a command after 'bcl fund': position (run bcl fund --help for usage)\n"],
      [
        ['plan', 'export', 'kent-2017-19'],
        "bcl: required option '--out <file>' not specified (run bcl plan export --help for usage)\n",
      ],
      [
        ['verify', 'extra'],
        "bcl: too many arguments for 'verify'. Expected 0 arguments but got 1. (run bcl verify --help for usage)\n",
      ],
    ];
    for (const [args, line] of cases) {
      const result = await bcl(...args);
      expect({ args, code: result.code, stderr: result.stderr, stdout: result.stdout }).toEqual({
        args,
        code: 2,
        stderr: line,
        stdout: '',
      });
    }
    const bare = await bcl();
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(
      /^bcl: name a command after 'bcl': append, demo, verify, .* \(run bcl --help for usage\)\n$/,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('help asked for still prints, exit 0', async () => {
    for (const args of [['--help'], ['verify', '--help'], ['help', 'fund'], ['fund', 'position', '--help']]) {
      const help = await bcl(...args);
      expect({ args, code: help.code, stderr: help.stderr }).toEqual({ args, code: 0, stderr: '' });
      expect(help.stdout).toMatch(/^Usage: bcl /);
    }
  });

  it('a file it cannot read or write is one plain line, exit 2', async () => {
    const cases: Array<[string[], string]> = [
      [['verify', '--file', 'nope.ndjson'], 'bcl: cannot read nope.ndjson: no such file\n'],
      [['verify', '--file', '.'], 'bcl: cannot read .: it is a directory\n'],
      [['verify', '--digest', 'nope.json'], 'bcl: cannot read digest file nope.json: no such file\n'],
      [['plan', 'import', 'nope.json'], 'bcl: cannot read nope.json: no such file\n'],
    ];
    for (const [args, line] of cases) {
      const result = await bcl(...args);
      expect({ args, code: result.code, stderr: result.stderr }).toEqual({ args, code: 2, stderr: line });
    }
    expect((await bcl('demo', '--events', '5')).code).toBe(0);
    const writes: Array<[string[], string]> = [
      [
        ['export', '--out', 'no/such/folder.ndjson'],
        'bcl: cannot write no/such/folder.ndjson: no such folder\n',
      ],
      [['digest', '--out', 'no/digest.json'], 'bcl: cannot write no/digest.json: no such folder\n'],
      [['export', '--out', 'data'], 'bcl: cannot write data: it is a directory\n'],
    ];
    for (const [args, line] of writes) {
      const result = await bcl(...args);
      expect({ args, code: result.code, stderr: result.stderr }).toEqual({ args, code: 2, stderr: line });
    }
  });

  it('`bcl export | head -1` ends quietly when the reader closes the pipe', async () => {
    // enough events that the export outgrows the pipe's buffer and is still writing when the reader leaves
    expect((await bcl('demo', '--events', '5000')).code).toBe(0);
    const child = spawn(process.execPath, [BCL, 'export'], {
      cwd: dir,
      env: { ...process.env, LEDGER_STORE: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let first = '';
    child.stdout.on('data', (chunk: Buffer) => {
      first += chunk.toString();
      if (first.includes('\n')) child.stdout.destroy();
    });
    const result = await collect(child);
    expect(first).toMatch(/^\{"format":"bcl-export\/1"/);
    expect(result).toMatchObject({ code: 0, stderr: '' });
  });
});
