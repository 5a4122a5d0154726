import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { execFileSync } from 'node:child_process';
import { generateSigningKey, signerFromKeyFile } from '@bcl/event-store';
import { openEventStore } from '@bcl/event-store-open';
import { GlobalOptions, toJson } from '../cli-context';
import { wholeNumber } from '../commands/demo.command';
import { rawAppendRate, rawReadRate, setPhaseScope, sha256ChainRate } from '@bcl/bench-kit';
import { appendGroup, appendSingle, replay, verify } from './store-phases';
import { cliConfigFromEnv } from '../config';
import { Floor, FLOOR_OF, floorCounts, postgresFloorRates, sqliteFloorRates } from './floor-phases';

type Limit = 'fsyncPerEvent' | 'fsyncPer100' | 'sequentialRead' | 'sha256Chain';

interface BenchResult {
  name: 'append.single' | 'append.group' | 'replay' | 'verify';
  store: 'sqlite' | 'postgres';
  /** Appended through a store given a signing key (`--signed`): each record is signed inside the append. */
  signed: boolean;
  events: number;
  eventsPerSecond: number;
  limit: Limit;
  ratio: number;
  /** The same-work floor (bare store, same storage work, no ledger code) this phase is set against, if any. */
  floor?: Floor;
  /** eventsPerSecond over the floor's rows/s: how much of the bare store's speed the ledger keeps. */
  floorRatio?: number;
}

interface BenchOptions {
  events: string;
  singleEvents: string;
  replayEvents: string;
  appenders: string;
  dir: string;
  postgres?: string;
  signed?: boolean;
}

/** Targets from the issue, printed beside the figures. The benchmark never fails on speed. */
const TARGETS: Record<BenchResult['name'], string> = {
  'append.single': '>= 0.9x fsyncPerEvent',
  'append.group': '>= 0.7x fsyncPer100',
  replay: '>= 0.75x sequentialRead',
  verify: '>= 0.9x sha256Chain',
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
    .option(
      '--signed',
      'also measure the appends on SQLite with a signing key, so the cost of signing is known',
    )
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
      const counts = floorCounts(singleEvents, events, appenders);
      const floors: Partial<Record<Floor, number>> = {};
      const stores: Array<{
        name: BenchResult['store'];
        setting: string;
        floors: () => Promise<Partial<Record<Floor, number>>>;
        cleanup: () => Promise<void>;
      }> = [
        {
          name: 'sqlite',
          setting: `sqlite:${sqlitePath}`,
          floors: () => sqliteFloorRates(dir, counts),
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
          floors: () => postgresFloorRates(postgres, counts),
          cleanup: () => dropSchema(postgres, schema),
        });
      } else {
        log('PostgreSQL: skipped (set DATABASE_URL or --postgres to measure it)');
      }
      const rate = (
        name: BenchResult['name'],
        store: BenchResult['store'],
        signed: boolean,
        count: number,
        seconds: number,
        limit: Limit,
      ) => {
        const eventsPerSecond = count / seconds;
        const floor = FLOOR_OF[store][name];
        const floorRate = floor && floors[floor];
        results.push({
          name,
          store,
          signed,
          events: count,
          eventsPerSecond,
          limit,
          ratio: eventsPerSecond / limits[limit],
          ...(floor && floorRate ? { floor, floorRatio: eventsPerSecond / floorRate } : {}),
        });
      };
      for (const target of stores) {
        log(`measuring ${target.name}'s same-work floors ...`);
        Object.assign(floors, await target.floors());
        log(`measuring ${target.name} ...`);
        setPhaseScope(target.name);
        const store = await openEventStore(target.setting);
        let open = true;
        try {
          const single = await appendSingle(store, 'bench-single', singleEvents);
          rate('append.single', target.name, false, singleEvents, single, 'fsyncPerEvent');
          const group = await appendGroup(store, 'bench-group', events, appenders);
          rate('append.group', target.name, false, events, group, 'fsyncPer100');
          const [replayed, replaySeconds] = await replay(store, replayEvents);
          rate('replay', target.name, false, replayed, replaySeconds, 'sequentialRead');
          const [verified, verifySeconds] = await verify(store);
          rate('verify', target.name, false, verified, verifySeconds, 'sha256Chain');
          await store.close();
          open = false;
          replayRssMb.push(replayInChildProcess(target.setting));
        } finally {
          if (open) await store.close();
          await target.cleanup();
        }
      }
      if (options.signed) {
        log('measuring sqlite appends with a signing key ...');
        setPhaseScope('sqlite signed');
        const signedPath = join(dir, `bench-signed-${process.pid}.db`);
        const signer = signerFromKeyFile(generateSigningKey('service', 'bench', '2026-01-01').keyFile);
        const store = await openEventStore(`sqlite:${signedPath}`, { signer });
        try {
          const single = await appendSingle(store, 'bench-single', singleEvents);
          rate('append.single', 'sqlite', true, singleEvents, single, 'fsyncPerEvent');
          const group = await appendGroup(store, 'bench-group', events, appenders);
          rate('append.group', 'sqlite', true, events, group, 'fsyncPer100');
        } finally {
          await store.close();
          ['', '-wal', '-shm'].forEach((suffix) => rmSync(signedPath + suffix, { force: true }));
        }
      }
      const peakRssMb = Math.max(...replayRssMb);
      if (globals.json) {
        process.stdout.write(`${toJson({ results, limits, floors, peakRssMb })}\n`);
        return;
      }
      const perSecond = (n: number) => Math.round(n).toLocaleString('en-GB');
      const rows = results.map(
        (r) =>
          `| ${r.name} | ${r.store}${r.signed ? ' (signed)' : ''} | ${r.events.toLocaleString('en-GB')} | ${perSecond(r.eventsPerSecond)} | ${r.limit} ${perSecond(limits[r.limit])} | ${r.ratio.toFixed(2)}x | ${TARGETS[r.name]} | ${r.floor ? `${r.floor} ${perSecond(floors[r.floor]!)} | ${r.floorRatio!.toFixed(2)}x` : '– | –'} |`,
      );
      process.stdout.write(
        [
          '| measure | store | events | events/s | limit (events/s) | ratio | target | same-work floor (rows/s) | of floor |',
          '|---|---|---|---|---|---|---|---|---|',
          ...rows,
          '',
          `peak RSS of a process replaying all ${(events + singleEvents).toLocaleString('en-GB')} events: ${replayRssMb.map((mb, i) => `${stores[i]!.name} ${mb} MB`).join(', ')} (target < 150 MB)`,
          "of floor: the ledger's rate over the bare store doing the same storage work (same table, indexes and pragmas, rows made in advance, no ledger code); the floor's own shortfall from the limit is the storage engine's.",
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
