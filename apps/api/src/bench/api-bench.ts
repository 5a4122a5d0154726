import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { signDevelopmentToken } from '@bcl/identity';
import { rawAppendRate, timeItAsync } from '@bcl/bench-kit';
import { apiConfigFromEnv } from '../config/api-config';
import { createApp } from '../create-app';

/**
 * `npm run bench` (second part): the API end to end over real HTTP on the embedded store, against this
 * machine's fsync-per-event limit measured in the same run. Every write is an event append (one fsync) and
 * a wait for the read model; every read writes one access-log entry (one fsync). Never fails on speed.
 * Usage: node -r bin/register-aliases.js dist/apps/api/src/bench/api-bench.js [--json] [--requests N]
 */
const CONCURRENT_CLIENTS = 32;

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const requestsAt = process.argv.indexOf('--requests');
  const requests = requestsAt > 0 ? Number(process.argv[requestsAt + 1]) : 1000;
  if (!Number.isInteger(requests) || requests < 10 || requests > 1_000_000)
    throw new Error('--requests must be a whole number from 10 to 1,000,000');
  const dir = resolve('.bench', 'api');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const fsyncPerEvent = rawAppendRate(dir, Math.min(requests, 3000), 1);

  const config = {
    ...apiConfigFromEnv({ LEDGER_STORE: `sqlite:${join(dir, 'ledger.db')}`, LOG_LEVEL: 'silent' }),
    port: 0,
  };
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const admin = `Bearer ${await signDevelopmentToken({ roles: ['admin'], subject: 'bench' })}`;
  const call = async (path: string, body?: object) => {
    const response = await fetch(`${base}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { authorization: admin, 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
  };
  const person = (i: number) => ({
    personId: `bench-${i}`,
    displayName: `Bench Person ${i}`,
    reason: 'benchmark',
  });
  let next = 0;
  const results: {
    name: string;
    requests: number;
    requestsPerSecond: number;
    ratioToFsyncPerEvent: number;
  }[] = [];
  const record = (name: string, count: number, seconds: number) =>
    results.push({
      name,
      requests: count,
      requestsPerSecond: Math.round(count / seconds),
      ratioToFsyncPerEvent: Math.round((count / seconds / fsyncPerEvent) * 100) / 100,
    });

  try {
    const sequential = Math.max(10, Math.floor(requests / 4));
    record(
      'write.sequential',
      sequential,
      await timeItAsync(async () => {
        for (let i = 0; i < sequential; i += 1) await call('/api/people', person(next++));
      }),
    );
    record(
      'write.concurrent',
      requests,
      await timeItAsync(() =>
        Promise.all(
          Array.from({ length: CONCURRENT_CLIENTS }, async (_, client) => {
            for (let i = client; i < requests; i += CONCURRENT_CLIENTS)
              await call('/api/people', person(next + i));
          }),
        ),
      ),
    );
    next += requests;
    record(
      'read.sequential',
      requests,
      await timeItAsync(async () => {
        for (let i = 0; i < requests; i += 1) await call(`/api/people/bench-${i}`);
      }),
    );
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
  if (json) {
    process.stdout.write(
      `${JSON.stringify({ limits: { fsyncPerEvent: Math.round(fsyncPerEvent) }, results })}\n`,
    );
    return;
  }
  process.stdout.write(
    `API over HTTP on SQLite; this machine's fsync-per-event limit: ${Math.round(fsyncPerEvent)}/s\n`,
  );
  for (const r of results)
    process.stdout.write(
      `  ${r.name.padEnd(18)} ${String(r.requestsPerSecond).padStart(7)} requests/s  ${r.ratioToFsyncPerEvent}x fsyncPerEvent  (${r.requests} requests)\n`,
    );
}

main().catch((error: Error) => {
  process.stderr.write(`api-bench: ${error.message}\n`);
  process.exit(1);
});
