import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadavg } from 'node:os';
import { INestApplication } from '@nestjs/common';
import { EventStore, foldEvents, readWholeStream } from '@bcl/event-store';
import { agreementStream, evolveAgreement } from '@bcl/domain-fund';
import { termsInForce } from '@bcl/domain-fund/facts';
import { signDevelopmentToken } from '@bcl/identity';
import { EVENT_STORE, PROJECTIONS } from '@bcl/application';
import { ProjectionRunner } from '@bcl/service-store';
import { markPhase } from '@bcl/bench-kit';
import { apiConfigFromEnv } from '../config/api-config';
import { createApp } from '../create-app';
import { loadDemoDataIntoEmptyStore } from '../demo/load-demo-data';
import { growPoolYear } from './grow-pool-year';

/**
 * `npm run bench` (fund through the API): Southend's 2016-17 pool-year grown to a million postings on a scratch
 * SQLite store, then the API's fund routes asked over real HTTP, as an auditor's client asks them: the position
 * and the reconciliation as at several dates of the year (the present knowledge), the first of each after the
 * API starts on that store, both as known at a past instant (half the postings recorded), and the transactions
 * list (its first page). p50 and p95 of each against the 100 ms target. Never fails on speed; fails if a route
 * does not answer 200. Usage: node -r bin/register-aliases.js dist/apps/api/src/bench/fund-api-bench.js [--json]
 * [--postings N]
 */
const POOL = { poolId: 'southend-bcf', year: '2016-17', agreementId: 'southend-bcf-s75' } as const;
const BASE = `/api/fund/pools/${POOL.poolId}/years/${POOL.year}`;
const DATES = ['2016-06-30', '2016-09-30', '2016-12-31', '2017-03-31'];
const REPEATS = 20;
const TARGET_MS = 100;

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.max(0, Math.ceil(values.length * p) - 1)]!;

interface Timed {
  measure: string;
  requests: number;
  p50Ms: number;
  p95Ms: number;
  bytes: number;
}

async function listening(config: ReturnType<typeof apiConfigFromEnv>) {
  const app = await createApp({ ...config, port: 0 });
  await app.listen(0, '127.0.0.1');
  return { app, url: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
}

/** Each path asked once per round, `rounds` rounds (after one untimed round unless `cold`), read to the last byte. */
async function timeRoutes(
  url: string,
  authorization: string,
  measure: string,
  paths: string[],
  rounds: number,
  cold = false,
): Promise<Timed> {
  const times: number[] = [];
  let bytes = 0;
  for (let round = cold ? 0 : -1; round < rounds; round += 1)
    for (const path of paths) {
      const start = process.hrtime.bigint();
      const response = await fetch(`${url}${path}`, { headers: { authorization } });
      const body = await response.arrayBuffer();
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}, not 200`);
      bytes = Math.max(bytes, body.byteLength);
      if (round >= 0) times.push(ms);
    }
  return {
    measure,
    requests: times.length,
    p50Ms: Number(percentile(times, 0.5).toFixed(1)),
    p95Ms: Number(percentile(times, 0.95).toFixed(1)),
    bytes,
  };
}

/** Waits until every projection runner of the app has applied the log up to its head (catching up can take minutes). */
async function caughtUp(app: INestApplication, store: EventStore): Promise<void> {
  const head = await store.headPosition();
  if (head === null) return;
  const runners = app.get<ProjectionRunner[]>(PROJECTIONS);
  await Promise.all(runners.map((runner) => runner.waitFor(head, 30 * 60_000)));
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const at = process.argv.indexOf('--postings');
  const postings = at > 0 ? Number(process.argv[at + 1]) : 1_000_000;
  if (!Number.isInteger(postings) || postings < 10_000 || postings > 10_000_000)
    throw new Error('--postings must be a whole number from 10,000 to 10,000,000');
  const dir = resolve('.bench', 'fund-api');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const config = apiConfigFromEnv({ LEDGER_STORE: `sqlite:${join(dir, 'ledger.db')}`, LOG_LEVEL: 'silent' });
  const authorization = `Bearer ${await signDevelopmentToken({ roles: ['auditor'], subject: 'bench' })}`;
  const rows: Timed[] = [];
  let app: INestApplication | undefined;
  try {
    ({ app } = await listening(config));
    await loadDemoDataIntoEmptyStore(app);
    const store = app.get<EventStore>(EVENT_STORE);
    const agreement = foldEvents(
      await readWholeStream(store, agreementStream(POOL.agreementId)),
      evolveAgreement,
    );
    const terms = termsInForce(agreement, '2017-03-31')!;
    await growPoolYear(store, POOL, postings / 2, terms);
    await new Promise((done) => setTimeout(done, 5));
    const halfKnownAt = new Date().toISOString();
    await new Promise((done) => setTimeout(done, 5));
    await growPoolYear(store, POOL, postings, terms);
    // the projections (the fund totals among them) catch up, as they do while an API serves its writes
    await markPhase('projections catch up', () => caughtUp(app!, store));
    await app.close();
    app = undefined;

    // a fresh API on the grown store: its first position and reconciliation read the fund-totals views; its
    // first read as known at a past instant folds the pool-year up to it
    const started = await listening(config);
    app = started.app;
    const { url } = started;
    const position = (asAt: string) => `${BASE}/position?asAt=${asAt}`;
    const reconciliation = (asAt: string) => `${BASE}/reconciliation?asAt=${asAt}`;
    const time = (measure: string, paths: string[], rounds: number, cold = false) =>
      markPhase(measure, () => timeRoutes(url, authorization, measure, paths, rounds, cold));
    rows.push(await time('position, first read after start', [position(DATES[1]!)], 1, true));
    rows.push(await time('reconciliation, first read after start', [reconciliation(DATES[1]!)], 1, true));
    rows.push(await time('position as at 4 dates', DATES.map(position), REPEATS / DATES.length));
    rows.push(await time('reconciliation as at 4 dates', DATES.map(reconciliation), REPEATS / DATES.length));
    const known = `&knownAt=${encodeURIComponent(halfKnownAt)}`;
    rows.push(
      await time('position as known at a past instant, first', [position(DATES[1]!) + known], 1, true),
    );
    rows.push(
      await time(
        'position as at 4 dates as known at a past instant',
        DATES.map((d) => position(d) + known),
        2,
      ),
    );
    rows.push(
      await time(
        'reconciliation as at 4 dates as known at a past instant',
        DATES.map((d) => reconciliation(d) + known),
        2,
      ),
    );
    rows.push(await time('transactions, first page', [`${BASE}/transactions`], 5));
  } finally {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const result = {
    name: 'fund.api',
    postings,
    targetMs: TARGET_MS,
    results: rows.map((r) => ({ ...r, meetsTarget: r.p95Ms < TARGET_MS })),
    loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
  };
  if (json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  process.stdout.write(
    [
      `fund routes over HTTP (auditor, SQLite), ${POOL.poolId} ${POOL.year} grown to ${postings.toLocaleString('en-GB')} postings (target < ${TARGET_MS} ms):`,
      '',
      '| measure | requests | p50 ms | p95 ms | bytes | target |',
      '|---|---|---|---|---|---|',
      ...result.results.map(
        (r) =>
          `| ${r.measure} | ${r.requests} | ${r.p50Ms} | ${r.p95Ms} | ${r.bytes.toLocaleString('en-GB')} | ${r.meetsTarget ? 'met' : 'not met'} |`,
      ),
      '',
      `load average (1, 5, 15 min) at the end: ${result.loadAverage.join(', ')}`,
      '',
    ].join('\n'),
  );
}

main().catch((error: Error) => {
  process.stderr.write(`fund-api-bench: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
