import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { StoredEvent } from '@bcl/event-store';
import { signDevelopmentToken } from '@bcl/identity';
import { readWholeLog } from '../support/read-log';
import { withEventStore } from '../support/durable-stores';

const ROOT = join(__dirname, '..', '..');

/** The built API running as its own process, as `npm start` runs it (after the global setup built dist/). */
export interface ApiProcess {
  url: string;
  child: ChildProcess;
  /** What the process wrote on stderr so far (for failure messages). */
  stderr(): string;
  /** Ends the process with `signal` and waits (at most 10 s, then SIGKILL) until it has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts `node -r ./bin/register-aliases.js dist/apps/server/src/main.js` on a store, on a free port of 127.0.0.1,
 * with the development secret, no demo data and no log unless `settings` (environment variables) say otherwise;
 * resolves with its URL once it listens (at most 60 s).
 */
export function startApiProcess(
  ledgerStore: string,
  settings: Record<string, string> = {},
): Promise<ApiProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of [
    'LEDGER_SERVICE_STORE',
    'DATABASE_URL',
    'AUTH_JWT_SECRET',
    'AUTH_ISSUER',
    'AUTH_JWKS_URL',
    'AUTH_AUDIENCE',
    'LEDGER_REFERENCE_DIR',
    'NODE_ENV',
  ])
    delete env[name];
  Object.assign(env, {
    LEDGER_STORE: ledgerStore,
    LEDGER_DEMO_DATA: 'off',
    LOG_LEVEL: 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
    ...settings,
  });
  const child = spawn(
    process.execPath,
    ['-r', join(ROOT, 'bin', 'register-aliases.js'), join(ROOT, 'dist', 'apps', 'server', 'src', 'main.js')],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('close', () => resolve());
  });
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise<ApiProcess>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop('SIGKILL');
      reject(new Error(`the API did not listen within 60 s: ${stdout}${stderr}`));
    }, 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      resolve({ url: match[1] ?? '', child, stderr: () => stderr, stop });
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the API exited (${code ?? signal}) before listening: ${stdout}${stderr}`));
    });
  });
}

/** An admin's development token (the API runs with the development secret). */
export function adminToken(subject: string): Promise<string> {
  return signDevelopmentToken({
    roles: ['admin'],
    subject,
    displayName: `Tester ${subject}`,
    organisationId: 'kent-county-council',
  });
}

export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

/** One HTTP call, bounded to `timeoutMs`; rejects when the connection fails (e.g. the process was killed). */
export async function call(
  url: string,
  options: { method?: string; token: string; key?: string; body?: unknown; timeoutMs?: number },
): Promise<Answer> {
  const headers: Record<string, string> = { Authorization: `Bearer ${options.token}` };
  if (options.key) headers['Idempotency-Key'] = options.key;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(url, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body };
}

/** Every event of the log, read after the API processes have stopped. */
export function readLog(setting: string): Promise<StoredEvent[]> {
  return withEventStore(setting, readWholeLog);
}
