import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Command } from 'commander';
import { execFileSync } from 'node:child_process';
import { NewEvent, logEventPages, newEventId, verifyStore } from '@bcl/event-store';
import { openEventStore } from '@bcl/event-store-open';
import { GlobalOptions, toJson } from '../cli-context';
import { wholeNumber } from '../commands/demo.command';
import { rawAppendRate, rawReadRate, sha256ChainRate, timeItAsync } from '@bcl/bench-kit';
import { cliConfigFromEnv } from '../config';

type Limit = 'fsyncPerEvent' | 'fsyncPer100' | 'sequentialRead' | 'sha256Chain';

interface BenchResult {
  name: 'append.single' | 'append.group' | 'replay' | 'verify';
  store: 'sqlite' | 'postgres';
  events: number;
  eventsPerSecond: number;
  limit: Limit;
  ratio: number;
}

interface BenchOptions {
  events: string;
  singleEvents: string;
  replayEvents: string;
  appenders: string;
  dir: string;
  postgres?: string;
}

/** Targets from the issue, printed beside the figures. The benchmark never fails on speed. */
const TARGETS: Record<BenchResult['name'], string> = {
  'append.single': '>= 0.9x fsyncPerEvent',
  'append.group': '>= 0.7x fsyncPer100',
  replay: '>= 0.75x sequentialRead',
  verify: '>= 300,000 events/s',
};

export function benchCommand(): Command {
  return new Command('bench')
    .description('measure store throughput against this machine’s raw disk and CPU limits, in one run')
    .option(
      '--events <n>',
      'events appended by concurrent appenders, then replayed in full for peak memory',
      '1000000',
    )
    .option('--single-events <n>', 'events appended one per transaction', '3000')
    .option('--replay-events <n>', 'events timed for the replay and verify figures', '100000')
    .option('--appenders <n>', 'concurrent appenders for the group-commit figure', '256')
    .option('--dir <path>', 'scratch directory, on the disk the store would use', './.bench')
    .option('--postgres <url>', 'also measure PostgreSQL (default: $DATABASE_URL when set)')
    .action(async (options: BenchOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const events = wholeNumber('--events', options.events, 1000, 10_000_000);
      const singleEvents = wholeNumber('--single-events', options.singleEvents, 100, 1_000_000);
      const replayEvents = Math.min(
        events,
        wholeNumber('--replay-events', options.replayEvents, 1000, 10_000_000),
      );
      const appenders = wholeNumber('--appenders', options.appenders, 1, 10_000);
      const dir = resolve(options.dir);
      mkdirSync(dir, { recursive: true });
      const log = (line: string) => globals.json || process.stderr.write(`${line}\n`);

      log(`measuring raw limits in ${dir} ...`);
      const limits: Record<Limit, number> = {
        fsyncPerEvent: rawAppendRate(dir, singleEvents, 1),
        fsyncPer100: rawAppendRate(dir, replayEvents, 100),
        sequentialRead: await rawReadRate(dir, replayEvents),
        sha256Chain: sha256ChainRate(replayEvents),
      };
      const results: BenchResult[] = [];
      const replayRssMb: number[] = [];
      const sqlitePath = join(dir, `bench-${process.pid}.db`);
      const stores: Array<{ name: BenchResult['store']; setting: string; cleanup: () => Promise<void> }> = [
        {
          name: 'sqlite',
          setting: `sqlite:${sqlitePath}`,
          cleanup: async () =>
            ['', '-wal', '-shm'].forEach((suffix) => rmSync(sqlitePath + suffix, { force: true })),
        },
      ];
      const postgres = options.postgres ?? cliConfigFromEnv().databaseUrl;
      const schema = `bcl_bench_${process.pid}`;
      if (postgres) {
        const url = new URL(postgres);
        url.searchParams.set('schema', schema);
        stores.push({
          name: 'postgres',
          setting: url.toString(),
          cleanup: () => dropSchema(postgres, schema),
        });
      } else {
        log('PostgreSQL: skipped (set DATABASE_URL or --postgres to measure it)');
      }
      for (const target of stores) {
        log(`measuring ${target.name} ...`);
        const store = await openEventStore(target.setting);
        let open = true;
        try {
          const rate = (name: BenchResult['name'], count: number, seconds: number, limit: Limit) => {
            const eventsPerSecond = count / seconds;
            results.push({
              name,
              store: target.name,
              events: count,
              eventsPerSecond,
              limit,
              ratio: eventsPerSecond / limits[limit],
            });
          };
          let revision = -1;
          const single = await timeItAsync(async () => {
            for (let i = 0; i < singleEvents; i += 1) {
              await store.append('bench-single', [benchEvent(i)], revision === -1 ? 'no-stream' : revision);
              revision += 1;
            }
          });
          rate('append.single', singleEvents, single, 'fsyncPerEvent');
          let next = 0;
          const group = await timeItAsync(() =>
            Promise.all(
              Array.from({ length: appenders }, async (_, lane) => {
                while (next < events) {
                  const i = next++;
                  await store.append(`bench-group-${lane % 64}`, [benchEvent(i)], 'any');
                }
              }),
            ),
          );
          rate('append.group', events, group, 'fsyncPer100');
          let replayed = 0;
          const replay = await timeItAsync(async () => {
            for await (const page of logEventPages(store, { pageSize: 10_000 })) {
              replayed += page.length;
              if (replayed >= replayEvents) break;
            }
          });
          rate('replay', replayed, replay, 'sequentialRead');
          let verified = 0;
          const verify = await timeItAsync(async () => {
            const report = await verifyStore(store);
            if (!report.ok)
              throw new Error(`verify failed during the benchmark: ${report.firstBreak?.message}`);
            verified = report.eventsChecked;
          });
          rate('verify', verified, verify, 'sha256Chain');
          await store.close();
          open = false;
          replayRssMb.push(replayInChildProcess(target.setting));
        } finally {
          if (open) await store.close();
          await target.cleanup();
        }
      }
      const peakRssMb = Math.max(...replayRssMb);
      if (globals.json) {
        process.stdout.write(`${toJson({ results, limits, peakRssMb })}\n`);
        return;
      }
      const rows = results.map(
        (r) =>
          `| ${r.name} | ${r.store} | ${r.events.toLocaleString('en-GB')} | ${Math.round(r.eventsPerSecond).toLocaleString('en-GB')} | ${r.limit} ${Math.round(limits[r.limit]).toLocaleString('en-GB')} | ${r.ratio.toFixed(2)}x | ${TARGETS[r.name]} |`,
      );
      process.stdout.write(
        [
          '| measure | store | events | events/s | limit (events/s) | ratio | target |',
          '|---|---|---|---|---|---|---|',
          ...rows,
          '',
          `peak RSS of a process replaying all ${(events + singleEvents).toLocaleString('en-GB')} events: ${replayRssMb.map((mb, i) => `${stores[i]!.name} ${mb} MB`).join(', ')} (target < 300 MB)`,
          '',
        ].join('\n'),
      );
    });
}

/** Replays the whole log in a fresh process (`bcl replay`), so its peak RSS is the replay's alone. */
function replayInChildProcess(setting: string): number {
  const output = execFileSync(process.execPath, [process.argv[1]!, '--store', setting, '--json', 'replay'], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return (JSON.parse(output) as { peakRssMb: number }).peakRssMb;
}

function benchEvent(i: number): NewEvent {
  return {
    eventId: newEventId(),
    type: 'ContributionReceived',
    data: {
      partner: 'NHS West Kent CCG',
      source: 'nhs-minimum',
      amountPence: 123_456_700 + i,
      quarter: 1 + (i % 4),
    },
    metadata: { actor: { id: 'os-user:bench' }, correlationId: randomUUID() },
  };
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
