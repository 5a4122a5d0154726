import { Command } from 'commander';
import { PROJECTIONS } from '@bcl/contexts';
import { ServiceStore, defaultServiceStoreFor, rebuildProjection } from '@bcl/service-store';
import { GlobalOptions, report, storeSetting, withExistingStore } from '../cli-context';
import { cliConfigFromEnv } from '../config';

const BAR_WIDTH = 30;

/** A one-line progress bar on stderr (stdout stays clean for --json). */
function progressBar(name: string, done: bigint, head: bigint | null): void {
  const fraction = head === null || head === 0n ? 1 : Number((done * 1000n) / head) / 1000;
  const filled = Math.round(Math.min(1, fraction) * BAR_WIDTH);
  process.stderr.write(
    `\r${name} [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${(fraction * 100).toFixed(1)}% (${done}/${head ?? 0})`,
  );
}

export function projectionsCommand(): Command {
  const projections = new Command('projections').description('manage the read models built from the log');
  projections
    .command('rebuild')
    .description('drop the projections and rebuild them from the first event (stop the API first)')
    .option(
      '--service-store <setting>',
      'service store (default: $LEDGER_SERVICE_STORE or beside the event store)',
    )
    .action(async (options: { serviceStore?: string }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const serviceSetting = serviceStoreSetting(globals, options);
      const results = await withExistingStore(globals, async (events) => {
        const service = await ServiceStore.open(serviceSetting);
        try {
          const rebuilt: { name: string; events: string }[] = [];
          for (const definition of PROJECTIONS) {
            const count = await rebuildProjection(events, service, definition, (done, head) =>
              progressBar(definition.name, done, head),
            );
            process.stderr.write('\n');
            rebuilt.push({ name: definition.name, events: count.toString() });
          }
          return rebuilt;
        } finally {
          await service.close();
        }
      });
      report(
        globals,
        { rebuilt: results },
        results.map((r) => `rebuilt ${r.name} from ${r.events} events`).join('\n'),
      );
    });
  projections
    .command('status')
    .description("print each projection's checkpoint, the head of the log, and the lag between them")
    .option(
      '--service-store <setting>',
      'service store (default: $LEDGER_SERVICE_STORE or beside the event store)',
    )
    .action(async (options: { serviceStore?: string }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const statuses = await withExistingStore(globals, async (events) => {
        const service = await ServiceStore.open(serviceStoreSetting(globals, options), { mustExist: true });
        try {
          const head = await events.headPosition();
          return await Promise.all(
            PROJECTIONS.map(async ({ name, version }) => {
              const stored = await service.checkpoint(name);
              const checkpoint = stored?.position ?? null;
              const lag = (head ?? 0n) - (checkpoint ?? 0n);
              return {
                name,
                version,
                storedVersion: stored?.version ?? null,
                checkpoint,
                head,
                lagPositions: lag,
              };
            }),
          );
        } finally {
          await service.close();
        }
      });
      report(
        globals,
        { projections: statuses },
        statuses
          .map(
            (s) =>
              `${s.name}: checkpoint ${s.checkpoint ?? 'none'}, head ${s.head ?? 'none'}, lag ${s.lagPositions}`,
          )
          .join('\n'),
      );
    });
  return projections;
}

export function serviceStoreSetting(globals: GlobalOptions, options: { serviceStore?: string }): string {
  return (
    options.serviceStore || cliConfigFromEnv().serviceStore || defaultServiceStoreFor(storeSetting(globals))
  );
}
