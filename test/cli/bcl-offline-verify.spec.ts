import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collect, runCli } from '../support/child-process';

const ROOT = join(__dirname, '..', '..');
const RECORDER = join(ROOT, 'test', 'support', 'record-loaded-modules.js');
const DRIVERS = {
  pg: '/node_modules/pg/',
  'better-sqlite3': '/node_modules/better-sqlite3/',
  '@eventstore/db-client': '/node_modules/@eventstore/',
};
type Driver = keyof typeof DRIVERS;

/** The database drivers among the modules a process loaded (from the list the recorder wrote). */
function driversIn(listFile: string): Driver[] {
  const loaded = readFileSync(listFile, 'utf8')
    .split('\n')
    .map((path) => path.replaceAll('\\', '/'));
  return (Object.keys(DRIVERS) as Driver[]).filter((driver) =>
    loaded.some((path) => path.includes(DRIVERS[driver])),
  );
}

describe('the offline verifier loads no database driver', () => {
  let dir: string;
  const bcl = (...args: string[]) => runCli(args, { cwd: dir, env: { LEDGER_STORE: '' } });
  /** Runs bcl with the recorder preloaded; returns its result and the drivers it loaded. */
  const recorded = async (name: string, ...args: string[]) => {
    const list = join(dir, `${name}.modules`);
    const result = await runCli(args, {
      cwd: dir,
      env: {
        LEDGER_STORE: '',
        BCL_LOADED_MODULES: list,
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require "${RECORDER}"`,
      },
    });
    const loaded = readFileSync(list, 'utf8');
    return { ...result, loaded, drivers: driversIn(list) };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bcl-offline-'));
    expect((await bcl('demo', '--events', '40', '--streams', '3')).code).toBe(0);
    expect((await bcl('digest', '--out', 'digest.json')).code).toBe(0);
    expect((await bcl('export', '--out', 'log.ndjson')).code).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('`bcl verify --file LOG --digest D` checks the export and loads none of pg, better-sqlite3, the ESDB client', async () => {
    const offline = await recorded('offline', 'verify', '--file', 'log.ndjson', '--digest', 'digest.json');
    expect(offline.code).toBe(0);
    expect(offline.stdout).toMatch(
      /^OK: 40 events in log\.ndjson verified.*digest at position 40 matched\nsignatures: no event is signed\n$/,
    );
    // The recorder saw the verifier itself, so an empty list cannot pass for a clean one.
    expect(offline.loaded).toMatch(/dist[\\/]libs[\\/]event-store[\\/]src[\\/]verify-log\.js/);
    expect(offline.drivers).toEqual([]);
  });

  it('control: verifying the SQLite store loads better-sqlite3, and only that driver', async () => {
    const online = await recorded('online', 'verify');
    expect(online.code).toBe(0);
    expect(online.stdout).toMatch(/^OK: 40 events in the store verified/);
    expect(online.drivers).toEqual(['better-sqlite3']);
  });

  it('the event store core and the store opener, loaded alone, load no driver', async () => {
    const list = join(dir, 'libraries.modules');
    const child = spawn(
      process.execPath,
      [
        '-r',
        join(ROOT, 'bin', 'register-aliases.js'),
        '-r',
        RECORDER,
        '-e',
        "require('@bcl/event-store'); require('@bcl/event-store-open'); require('@bcl/service-store')",
      ],
      { env: { ...process.env, BCL_LOADED_MODULES: list }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    expect(await collect(child)).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(list, 'utf8')).toMatch(/dist[\\/]libs[\\/]event-store-open[\\/]src[\\/]index\.js/);
    expect(driversIn(list)).toEqual([]);
  });
});
