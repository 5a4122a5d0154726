import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EventStore, foldEvents, readWholeStream } from '@bcl/event-store';
import { agreementStream, evolveAgreement } from '@bcl/domain-fund';
import { termsInForce } from '@bcl/domain-fund/facts';
import {
  FieldValue,
  ReturnTemplate,
  checkReturn,
  evolveReturn,
  foldReturn,
  importIntoReturn,
  issueReturn,
  returnUnderCheck,
  returnView,
} from '@bcl/domain-returns';
import { gatherIssueFacts, loadYearReturns, readReturnTemplate } from '@bcl/quarterly-returns';
import { apiConfigFromEnv } from '../config/api-config';
import { createApp } from '../create-app';
import { demoDirectory } from '../demo/demo-files';
import { loadDemoDataIntoEmptyStore } from '../demo/load-demo-data';
import { EVENT_STORE } from '@bcl/application';
import { growPoolYear } from './grow-pool-year';

/**
 * `npm run bench` (fourth part): building and validating a quarterly return from the ledger, end to end as the
 * API does it (read the pool-year's stated figures, the previous returns and the registry; issue pre-populated;
 * fill with Southend's Q4 2016/17 values; run every template rule and consistency check), over the demo ledger
 * with Southend's pool-year grown to a realistic year (thousands of postings), then to a large one (a million).
 * Never fails on speed. Usage: node -r bin/register-aliases.js dist/apps/api/src/bench/return-bench.js [--json]
 * [--postings N]
 */
const POOL = { poolId: 'southend-bcf', year: '2016-17', agreementId: 'southend-bcf-s75' } as const;
const REALISTIC_POSTINGS = 6_000;
const REPEATS = 15;
const TARGET_MS = 100;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** One return built and validated: what `POST /api/returns` then `PATCH …/values` then `GET …/checks` read and decide. */
async function buildAndValidate(
  store: EventStore,
  template: ReturnTemplate,
  values: Record<string, FieldValue>,
) {
  const target = { areaId: 'southend-on-sea', financialYear: POOL.year, quarter: 4 as const };
  const facts = await gatherIssueFacts(store, { ...target, template, on: '2017-05-31' });
  const issued = issueReturn(
    undefined,
    { ...target, templateVersion: template.templateVersion },
    { template, ...facts },
  );
  let state = foldReturn(issued)!;
  for (const event of importIntoReturn(state, { values, amendments: [], by: 'bench' }, template))
    state = evolveReturn(state, event);
  const earlier = (await loadYearReturns(store, target.areaId, POOL.year))
    .filter((q) => q.quarter < 4)
    .map((q) => returnView(q.events, { viewpoint: {} })!);
  return checkReturn(returnUnderCheck(template, state, earlier, '2017-05-31'));
}

async function measure(store: EventStore, template: ReturnTemplate, values: Record<string, FieldValue>) {
  const times: number[] = [];
  let checks = 0;
  for (let i = 0; i < REPEATS; i += 1) {
    const start = process.hrtime.bigint();
    checks = (await buildAndValidate(store, template, values)).length;
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { medianMs: Number(median(times).toFixed(1)), checks };
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const at = process.argv.indexOf('--postings');
  const large = at > 0 ? Number(process.argv[at + 1]) : 1_000_000;
  if (!Number.isInteger(large) || large < REALISTIC_POSTINGS || large > 10_000_000)
    throw new Error(`--postings must be a whole number from ${REALISTIC_POSTINGS} to 10,000,000`);
  const dir = resolve('.bench', 'returns');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const config = apiConfigFromEnv({ LEDGER_STORE: `sqlite:${join(dir, 'ledger.db')}`, LOG_LEVEL: 'silent' });
  const app = await createApp({ ...config, port: 0 });
  await loadDemoDataIntoEmptyStore(app);
  const store = app.get<EventStore>(EVENT_STORE);
  const template = readReturnTemplate('bcf-quarterly-2016-17');
  const q4 = JSON.parse(
    readFileSync(join(demoDirectory(), 'returns', 'southend-on-sea-2016-17-q4.json'), 'utf8'),
  );
  const agreement = foldEvents(
    await readWholeStream(store, agreementStream(POOL.agreementId)),
    evolveAgreement,
  );
  const terms = termsInForce(agreement, '2017-03-31')!;

  const results = [];
  for (const postings of [REALISTIC_POSTINGS, large]) {
    await growPoolYear(store, POOL, postings, terms);
    const events = Number((await store.headPosition()) ?? 0n);
    results.push({
      name: 'return.build-and-validate',
      postings,
      logEvents: events,
      ...(await measure(store, template, q4.values)),
      targetMs: postings === REALISTIC_POSTINGS ? TARGET_MS : null,
    });
  }
  await app.close();
  if (json) process.stdout.write(`${JSON.stringify(results)}\n`);
  else
    process.stdout.write(
      [
        'quarterly return (Southend Q4 2016/17) built from the ledger and validated, median of ' +
          `${REPEATS}:`,
        ...results.map(
          (r) =>
            `  pool-year of ${r.postings.toLocaleString('en-GB')} postings (log ${r.logEvents.toLocaleString('en-GB')} events): ${r.medianMs} ms, ${r.checks} checks${r.targetMs ? ` (target < ${r.targetMs} ms)` : ''}`,
        ),
      ].join('\n') + '\n',
    );
}

main().catch((error: Error) => {
  process.stderr.write(`return-bench: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
