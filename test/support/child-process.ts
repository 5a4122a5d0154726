import { spawn, ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** Starts a compiled test worker (built into dist/ by the global setup) with the @bcl aliases. */
export function startWorker(name: string, args: string[]): ChildProcess {
  return spawn(
    process.execPath,
    [
      '-r',
      join(ROOT, 'bin', 'register-aliases.js'),
      join(ROOT, 'dist', 'test', 'support', 'workers', `${name}.js`),
      ...args,
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
}

/** Resolves once the worker has printed `line` on stdout (its readiness signal). */
export function waitForLine(child: ChildProcess, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString();
      if (!seen.split('\n').includes(line)) return;
      child.stdout?.off('data', onData);
      resolve();
    };
    child.stdout?.on('data', onData);
    child.on('close', (code) => reject(new Error(`worker exited with ${code} before printing "${line}"`)));
  });
}

/** Runs the bcl CLI to completion. */
export function runCli(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<{
  code: number;
  stdout: string;
  stderr: string;
}> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'bcl.js'), ...args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return collect(child);
}

export function collect(child: ChildProcess): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
