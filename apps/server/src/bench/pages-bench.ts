import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadavg } from 'node:os';
import { INestApplication } from '@nestjs/common';
import { EventStore, foldEvents, newEventId, readWholeStream } from '@bcl/event-store';
import { agreementStream, evolveAgreement, pooledFundStream } from '@bcl/domain-fund';
import { PdfPrinter, WarmChromium, buildAuditorPack } from '@bcl/auditor-pack';
import { openEventStore } from '@bcl/event-store-open';
import { termsInForce } from '@bcl/domain-fund/facts';
import { EVENT_STORE } from '@bcl/application';
import { rawReadRate } from '@bcl/bench-kit';
import { apiConfigFromEnv } from '../../../api/src/config/api-config';
import { loadDemoDataIntoEmptyStore } from '../../../api/src/demo/load-demo-data';
import { growPoolYear } from '../../../api/src/bench/grow-pool-year';
import { webConfigFromEnv } from '../../../web/src/web-config';
import { createServer } from '../create-server';

/**
 * `npm run bench` (fifth part): the web pages and the auditor pack, rendered by the server `npm start` runs, over
 * HTTP on this machine as a browser asks for them (signed in; HTML, or the pack's zip). Each page's p95 over its
 * repeats, on the demo data (target < 200 ms), then the fund pages with Southend's 2016-17 pool-year grown to a
 * million postings (target < 1 s), beside this machine's floor for that pool-year: reading its events as raw JSON
 * lines. Never fails on speed; fails if a page does not answer 200.
 * Usage: node -r bin/register-aliases.js dist/apps/server/src/bench/pages-bench.js [--json] [--postings N] [--large-only]
 * (`--large-only`: only the large pool-year's pages, skipping the demo pages and the pack, e.g. to profile them).
 */
const PAGES = [
  '/',
  '/areas/kent',
  '/plans/kent-2017-19?asAt=2017-09-11',
  '/fund/medway-bcf/2017-18',
  '/returns/southend-on-sea-2016-17-q1',
  '/decisions?bodyId=kent-hwb',
  '/decisions/meetings/kent-hwb-2017-06-14',
  '/verify',
  '/events',
  '/audit/access-log',
];
const PACK = '/pack/download?area=kent&from=2017-04-01&to=2018-03-31';
const LARGE_POOL = { poolId: 'southend-bcf', year: '2016-17', agreementId: 'southend-bcf-s75' } as const;
const LARGE_PAGES = [
  `/fund/${LARGE_POOL.poolId}/${LARGE_POOL.year}`,
  `/fund/${LARGE_POOL.poolId}/${LARGE_POOL.year}/transactions`,
];
const REPEATS = 20;
const PACK_REPEATS = 5;
const LARGE_REPEATS = 5;
const PAGE_TARGET_MS = 200;
const LARGE_TARGET_MS = 1000;

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1]!;

/** Signs in through the development sign-in form, as a browser does; the session cookie. */
async function signIn(url: string): Promise<string> {
  const form = await fetch(`${url}/sign-in`);
  const csrfCookie = (form.headers.get('set-cookie') ?? '').split(';')[0]!;
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  const signedIn = await fetch(`${url}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ _csrf: csrf, role: 'auditor', returnTo: '/' }).toString(),
  });
  const session = signedIn.headers
    .getSetCookie()
    .find((cookie) => cookie.startsWith('bcl_session='))
    ?.split(';')[0];
  if (!session) throw new Error(`the development sign-in did not issue a session (${signedIn.status})`);
  return session;
}

/**
 * The p95 of `repeats` requests for `path` (after one warm-up), each read to its last byte; `before` runs before
 * each request, untimed (e.g. a posting, so each request is the first view after it).
 */
async function timePage(
  url: string,
  cookie: string,
  path: string,
  repeats: number,
  before?: () => Promise<unknown>,
) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = -1; i < repeats; i += 1) {
    if (before) await before();
    const start = process.hrtime.bigint();
    const response = await fetch(`${url}${path}`, { headers: { cookie }, redirect: 'manual' });
    const body = await response.arrayBuffer();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}, not 200`);
    bytes = body.byteLength;
    if (i >= 0) times.push(ms);
  }
  return { path, p95Ms: Number(p95(times).toFixed(1)), bytes };
}

/** Appends one more expenditure to the large pool-year, like the last one grown (a posting between two views). */
async function postOneMore(store: EventStore): Promise<void> {
  const stream = pooledFundStream(LARGE_POOL.poolId, LARGE_POOL.year);
  const [last] = await store.readStream(stream, { direction: 'backwards', maxCount: 1 });
  const data = { ...last!.data, transactionId: `bench-after-${last!.revision + 1}` };
  await store.append(
    stream,
    [
      {
        eventId: newEventId(),
        type: last!.type,
        schemaVersion: last!.schemaVersion,
        data,
        metadata: last!.metadata,
      },
    ],
    last!.revision,
  );
}

/** A one-page document: what a warm Chromium takes to print the least, the floor under the pack's PDF. */
const ONE_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>one page</title></head><body><h1>One page</h1><p>The floor.</p></body></html>';

/**
 * The auditor pack built directly (no HTTP), p95 of PACK_REPEATS: with a Chromium launched for each pack and with
 * one kept warm (`WarmChromium`, as the pages keep), to show what launching costs; with the warm one, the median
 * of each step (buildAuditorPack's `timings`), and the floor: the warm Chromium printing a one-page document and
 * the pack's own HTML alone.
 */
async function timePackPrinting(directory: string) {
  const store = await openEventStore(`sqlite:${join(directory, 'ledger.db')}`, { mustExist: true });
  const warm = new WarmChromium(webConfigFromEnv({}).chromiumPath);
  let packHtml = '';
  const printer = { print: (html: string) => ((packHtml = html), warm.print(html)) };
  const steps: Record<string, number[]> = {};
  const timed = async (printer?: PdfPrinter) => {
    const times: number[] = [];
    for (let i = -1; i < PACK_REPEATS; i += 1) {
      const start = process.hrtime.bigint();
      const timings: Record<string, number> = {};
      await buildAuditorPack({
        store,
        areaId: 'kent',
        from: '2017-04-01',
        to: '2018-03-31',
        generatedBy: 'bench',
        generatedAt: new Date().toISOString(),
        chromiumPath: webConfigFromEnv({}).chromiumPath,
        timings,
        ...(printer ? { printer } : {}),
      });
      if (i < 0) continue;
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      if (printer) for (const [step, ms] of Object.entries(timings)) (steps[step] ??= []).push(ms);
    }
    return Number(p95(times).toFixed(1));
  };
  const printed = async (html: string) => {
    const times: number[] = [];
    for (let i = -1; i < PACK_REPEATS; i += 1) {
      const start = process.hrtime.bigint();
      await warm.print(html);
      if (i >= 0) times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    return Number(p95(times).toFixed(1));
  };
  const median = (values: number[]) =>
    Number([...values].sort((a, b) => a - b)[values.length >> 1]!.toFixed(1));
  try {
    const launchedPerPackP95Ms = await timed();
    const warmChromiumP95Ms = await timed(printer);
    return {
      launchedPerPackP95Ms,
      warmChromiumP95Ms,
      warmStepsMedianMs: Object.fromEntries(Object.entries(steps).map(([step, ms]) => [step, median(ms)])),
      onePagePrintP95Ms: await printed(ONE_PAGE),
      packHtmlPrintP95Ms: await printed(packHtml),
    };
  } finally {
    await warm.close();
    await store.close();
  }
}

async function listening(): Promise<{ app: INestApplication; url: string; directory: string }> {
  const directory = resolve('.bench', 'pages');
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  const api = apiConfigFromEnv({
    LEDGER_STORE: `sqlite:${join(directory, 'ledger.db')}`,
    LOG_LEVEL: 'silent',
  });
  const app = await createServer({ ...api, port: 0 }, webConfigFromEnv({}));
  await loadDemoDataIntoEmptyStore(app);
  await app.listen(0, '127.0.0.1');
  return { app, url: (await app.getUrl()).replace('[::1]', '127.0.0.1'), directory };
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const at = process.argv.indexOf('--postings');
  const large = at > 0 ? Number(process.argv[at + 1]) : 1_000_000;
  if (!Number.isInteger(large) || large < 10_000 || large > 10_000_000)
    throw new Error('--postings must be a whole number from 10,000 to 10,000,000');
  const { app, url, directory } = await listening();
  const cookie = await signIn(url);
  const largeOnly = process.argv.includes('--large-only');
  const pages = [];
  if (!largeOnly) for (const path of PAGES) pages.push(await timePage(url, cookie, path, REPEATS));
  const pack = largeOnly ? null : await timePage(url, cookie, PACK, PACK_REPEATS);
  const packPrinting = largeOnly ? null : await timePackPrinting(directory);

  const store = app.get<EventStore>(EVENT_STORE);
  const agreement = foldEvents(
    await readWholeStream(store, agreementStream(LARGE_POOL.agreementId)),
    evolveAgreement,
  );
  await growPoolYear(store, LARGE_POOL, large, termsInForce(agreement, '2017-03-31')!);
  const largePages = [];
  for (const path of LARGE_PAGES)
    largePages.push({
      ...(await timePage(url, cookie, path, LARGE_REPEATS)),
      afterAPostingP95Ms: (await timePage(url, cookie, path, LARGE_REPEATS, () => postOneMore(store))).p95Ms,
    });
  const transactions = large / 2;
  const rawReadMs = (transactions / (await rawReadRate(directory, transactions))) * 1000;
  await app.close();

  const result = {
    name: 'pages.render',
    targetMs: PAGE_TARGET_MS,
    pages,
    pack,
    packPrinting,
    loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
    large: {
      postings: large,
      targetMs: LARGE_TARGET_MS,
      rawReadOfItsEventsMs: Number(rawReadMs.toFixed(1)),
      pages: largePages.map((page) => ({ ...page, vsRawRead: Number((page.p95Ms / rawReadMs).toFixed(2)) })),
    },
  };
  if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else
    process.stdout.write(
      [
        `web pages over HTTP, signed in, p95 of ${REPEATS} (target < ${PAGE_TARGET_MS} ms), demo data:`,
        ...pages.map(
          (page) => `  ${page.path}: ${page.p95Ms} ms (${page.bytes.toLocaleString('en-GB')} bytes)`,
        ),
        ...(pack && packPrinting
          ? [
              `  auditor pack ${PACK}: p95 of ${PACK_REPEATS} ${pack.p95Ms} ms (${pack.bytes.toLocaleString('en-GB')} bytes)`,
              `  the same pack built directly: ${packPrinting.launchedPerPackP95Ms} ms with Chromium launched for it, ${packPrinting.warmChromiumP95Ms} ms with one kept warm`,
              `    its steps with the warm one (median ms): ${Object.entries(packPrinting.warmStepsMedianMs)
                .map(([step, ms]) => `${step} ${ms}`)
                .join(', ')}`,
              `    the printing floor, warm Chromium (p95): a one-page document ${packPrinting.onePagePrintP95Ms} ms, the pack's HTML alone ${packPrinting.packHtmlPrintP95Ms} ms`,
            ]
          : []),
        `fund pages with ${LARGE_POOL.poolId} ${LARGE_POOL.year} grown to ${large.toLocaleString('en-GB')} postings, p95 of ${LARGE_REPEATS} (target < ${LARGE_TARGET_MS} ms):`,
        ...result.large.pages.map(
          (page) =>
            `  ${page.path}: ${page.p95Ms} ms, ${page.vsRawRead}x this machine's raw read of its ${transactions.toLocaleString('en-GB')} events (${result.large.rawReadOfItsEventsMs} ms); the first view after a posting: ${page.afterAPostingP95Ms} ms`,
        ),
        `load average (1, 5, 15 min) at the end: ${result.loadAverage.join(', ')}`,
      ].join('\n') + '\n',
    );
}

main().catch((error: Error) => {
  process.stderr.write(`pages-bench: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
