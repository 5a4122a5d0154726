import { execFile } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { signDevelopmentToken } from '@bcl/identity';
import { markPhase, rawAppendRate } from '@bcl/bench-kit';
import { apiConfigFromEnv } from '../config/api-config';
import { createApp } from '../create-app';
import { startBareServer } from './bare-http';
import { startNestFloor } from './nest-floor';
import { LoadResult, LoadSpec } from './load-gen';

/**
 * `npm run bench` (second part): the API end to end over real HTTP on the embedded store, beside a bare Node
 * HTTP server doing the same durable work (bare-http.ts), the API's own NestJS pipeline doing that same work with
 * no store (nest-floor.ts), and this machine's fsync-per-event limit, all measured in the same run. The load comes from a separate process (load-gen.ts) at 1, 32 and 128 clients. Every API
 * write is an event append and a wait for the read model; every API read writes one access-log entry. Never
 * fails on speed. Usage: node -r bin/register-aliases.js dist/apps/api/src/bench/api-bench.js [--json]
 * [--requests N]
 */
const CLIENTS = [1, 32, 128];
const run = promisify(execFile);

interface Row extends LoadResult {
  server: 'api' | 'bare' | 'nest floor';
  request: 'POST /api/people' | 'GET /api/people/:id';
  clients: number;
  /**
   * This process's CPU (user + system) during the phase, per request: the server's own cost, which other
   * processes on the machine disturb far less than they do requests/s (the load generator runs apart).
   */
  serverCpuUsPerRequest: number;
}

async function load(spec: LoadSpec): Promise<LoadResult> {
  const { stdout } = await run(process.execPath, [join(__dirname, 'load-gen.js'), JSON.stringify(spec)], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout) as LoadResult;
}

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
  const apiBase = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const authorization = `Bearer ${await signDevelopmentToken({ roles: ['admin'], subject: 'bench' })}`;
  const rows: Row[] = [];
  let bare: Awaited<ReturnType<typeof startBareServer>> | undefined;
  let nest: Awaited<ReturnType<typeof startNestFloor>> | undefined;
  let nextPerson = 0;
  try {
    const measure = async (server: Row['server'], base: string, write: boolean, clients: number) => {
      const count = clients === 1 ? Math.max(10, Math.floor(requests / 4)) : requests;
      const request: Row['request'] = write ? 'POST /api/people' : 'GET /api/people/:id';
      const spec: LoadSpec = {
        base,
        authorization,
        clients,
        requests: count,
        write,
        path: write ? '/api/people' : '/api/people/bench-{i}',
        from: write ? nextPerson : 0,
      };
      if (write && server === 'api') nextPerson += count;
      const cpu = process.cpuUsage();
      const result = await markPhase(`${server} ${request} x${clients}`, () => load(spec));
      const { user, system } = process.cpuUsage(cpu);
      rows.push({
        server,
        request,
        clients,
        ...result,
        serverCpuUsPerRequest: Math.round((user + system) / count),
      });
    };
    await measure('api', apiBase, true, 1); // the people the GETs read, and a warm API
    rows.length = 0;
    const person = await fetch(`${apiBase}/api/people/bench-0`, { headers: { authorization } });
    const personJson = await person.text();
    bare = await startBareServer(dir, personJson);
    nest = await startNestFloor(dir, config, JSON.parse(personJson));
    await measure('nest floor', nest.base, true, 1); // warm, as the API was
    rows.length = 0;
    for (const write of [true, false])
      for (const clients of CLIENTS) {
        await measure('bare', bare.base, write, clients);
        await measure('nest floor', nest.base, write, clients);
        await measure('api', apiBase, write, clients);
      }
  } finally {
    await Promise.allSettled([bare?.close(), nest?.close()]);
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const ratio = (row: Row, server: Row['server']) => {
    const floor = rows.find(
      (r) => r.server === server && r.request === row.request && r.clients === row.clients,
    );
    return floor ? Math.round((row.requestsPerSecond / floor.requestsPerSecond) * 100) / 100 : null;
  };
  const results = rows.map((row) => {
    return {
      ...row,
      seconds: Math.round(row.seconds * 1000) / 1000,
      ratioToBare: row.server === 'bare' ? null : ratio(row, 'bare'),
      ratioToNestFloor: row.server === 'api' ? ratio(row, 'nest floor') : null,
      ratioToFsyncPerEvent: Math.round((row.requestsPerSecond / fsyncPerEvent) * 100) / 100,
    };
  });
  if (json) {
    process.stdout.write(
      `${JSON.stringify({ limits: { fsyncPerEvent: Math.round(fsyncPerEvent) }, results })}\n`,
    );
    return;
  }
  process.stdout.write(
    [
      `API over HTTP on SQLite beside a bare Node HTTP server and the API's NestJS pipeline with no store (both doing the same durable work); fsync-per-event limit ${Math.round(fsyncPerEvent)}/s`,
      '',
      '| request | clients | server | requests | requests/s | p50 ms | p99 ms | of bare | of Nest floor | server CPU µs/request |',
      '|---|---|---|---|---|---|---|---|---|---|',
      ...results.map(
        (r) =>
          `| ${r.request} | ${r.clients} | ${r.server} | ${r.requests} | ${r.requestsPerSecond} | ${r.p50Ms} | ${r.p99Ms} | ${r.ratioToBare === null ? '' : `${r.ratioToBare}x`} | ${r.ratioToNestFloor === null ? '' : `${r.ratioToNestFloor}x`} | ${r.serverCpuUsPerRequest} |`,
      ),
      '',
    ].join('\n'),
  );
}

main().catch((error: Error) => {
  process.stderr.write(`api-bench: ${error.message}\n`);
  process.exit(1);
});
