import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collect } from '../support/child-process';

const ROOT = join(__dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
/** Where the README's examples say the API listens; the test's API listens on a free port instead. */
const README_URL = 'http://127.0.0.1:3000';

/** The README's `sh` blocks from its quick start up to the next second-level heading, as logical lines. */
function quickStartCommands(readme: string): string[] {
  const start = readme.indexOf('\n## Quick start');
  if (start < 0) throw new Error('README.md has no "## Quick start"');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap(([, block = '']) =>
    block
      .replace(/\\\n\s*/g, ' ')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#')),
  );
}

/**
 * How the test runs the lines it cannot run literally. `npm ci && npm start` is what the test does before the
 * examples (the suite's global setup builds dist/; the API starts as `npm start` starts it, on a fresh store);
 * `npm test` is this suite. `bcl bench` measures this machine with a million events by default and touches no
 * ledger, so it runs at small sizes.
 */
const INSTEAD: [RegExp, string | null][] = [
  [/^npm ci && npm start\b/, null],
  [/^npm test\b/, null],
  [/^npx bcl bench\b/, 'npx bcl bench --events 2000 --single-events 100 --replay-events 1000 --appenders 8'],
];

function runnable(line: string): string | null {
  for (const [pattern, instead] of INSTEAD) if (pattern.test(line)) return instead;
  if (/^npm\b/.test(line)) throw new Error(`the README examples test does not know how to run: ${line}`);
  return line;
}

/** `npm start` without its build step (the global setup has built dist/). */
function startCommand(): string {
  const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<
    string,
    string
  >;
  return (scripts.start ?? '').replace(/^npm run build[^&]*&&\s*/, '');
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(seen);
      if (!match) return;
      child.stdout?.off('data', onData);
      resolve(match[1] ?? '');
    };
    child.stdout?.on('data', onData);
    child.on('close', (code) => reject(new Error(`the API exited with ${code} before listening: ${seen}`)));
  });
}

describe("the README's quick start and CLI walk-through, in order, on a fresh store", () => {
  let dir: string;
  let api: ChildProcess | undefined;
  let env: NodeJS.ProcessEnv;
  let apiUrl: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bcl-readme-'));
    mkdirSync(join(dir, 'data'));
    // The examples name repository files (demo/plans/…) relative to the repository root.
    symlinkSync(join(ROOT, 'demo'), join(dir, 'demo'), 'dir');
    env = { ...process.env, LEDGER_STORE: `sqlite:${join(dir, 'data', 'ledger.db')}`, LOG_LEVEL: 'warn' };
    for (const name of ['LEDGER_SERVICE_STORE', 'LEDGER_DEMO_DATA', 'DATABASE_URL', 'AUTH_JWT_SECRET'])
      delete env[name];
    for (const name of ['AUTH_ISSUER', 'AUTH_JWKS_URL', 'AUTH_AUDIENCE', 'LEDGER_REFERENCE_DIR'])
      delete env[name];
    api = spawn('bash', ['-c', `exec ${startCommand()}`], {
      cwd: ROOT,
      env: { ...env, PORT: '0', HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    apiUrl = await waitForUrl(api);
  }, 120_000);

  afterAll(async () => {
    if (api && api.exitCode === null) {
      const exited = new Promise((resolve) => api?.once('close', resolve));
      api.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds the examples', () => {
    const lines = quickStartCommands(README);
    expect(lines[0]).toMatch(/^npm ci && npm start\b/);
    expect(lines.filter((line) => line.startsWith('curl ')).length).toBeGreaterThan(0);
    expect(lines.filter((line) => line.startsWith('npx bcl ')).length).toBeGreaterThan(5);
    for (const line of lines.filter((l) => l.startsWith('curl '))) expect(line).toContain(README_URL);
  });

  it('opens the home page the quick start names: a visitor is sent to sign in, and the sign-in page answers', async () => {
    expect(README).toContain('open http://127.0.0.1:3000/');
    const home = await fetch(`${apiUrl}/`, { redirect: 'manual' });
    expect(home.status).toBe(303);
    expect(home.headers.get('location')).toBe('/sign-in?returnTo=%2F');
    const signIn = await fetch(`${apiUrl}/sign-in`);
    expect(signIn.status).toBe(200);
    expect(await signIn.text()).toContain('<h1 class="govuk-heading-l">Sign in</h1>');
  });

  it('runs every example: each exits 0, and every curl gets a 2xx', async () => {
    const lines = quickStartCommands(README)
      .map(runnable)
      .filter((line): line is string => line !== null);
    const script = [
      'set -eo pipefail',
      `npx() { if [ "$1" = bcl ]; then shift; node ${JSON.stringify(join(ROOT, 'bin', 'bcl.js'))} "$@"; else echo "npx $1: not a README example" >&2; return 1; fi; }`,
      `curl() { node ${JSON.stringify(join(ROOT, 'test', 'support', 'curl-via-fetch.js'))} "$@"; }`,
      ...lines.flatMap((line, index) => [
        `printf '%s\\n' ${shellQuote(`+ ${line}`)} >&2`,
        line.split(README_URL).join(apiUrl),
        `echo ${index} >> ran.txt`,
      ]),
    ].join('\n');
    const run = await collect(
      spawn('bash', ['-c', script], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] }),
    );
    const ran = readLines(join(dir, 'ran.txt'));
    expect({
      code: run.code,
      ran: ran.length,
      stderr: run.code === 0 ? '' : run.stderr.slice(-3000),
    }).toEqual({
      code: 0,
      ran: lines.length,
      stderr: '',
    });
  }, 300_000);
});

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function readLines(path: string): string[] {
  try {
    return readFileSync(path, 'utf8').split('\n').filter(Boolean);
  } catch {
    return [];
  }
}
