import { Command } from 'commander';
import { logEventPages } from '@bcl/event-store';
import { GlobalOptions, report, withExistingStore } from '../cli-context';

/** Replays the whole log in global order, a page at a time, and reports throughput and this process's peak memory. */
export function replayCommand(): Command {
  return new Command('replay')
    .description('read the whole log in global order; report events/s and peak memory (a diagnostic)')
    .action(async (_options: unknown, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const started = process.hrtime.bigint();
      const events = await withExistingStore(globals, async (store) => {
        let count = 0;
        for await (const events of logEventPages(store, { pageSize: 1000 })) count += events.length;
        return count;
      });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
      report(
        globals,
        { events, seconds, eventsPerSecond: events / seconds, peakRssMb },
        `replayed ${events} events in ${seconds.toFixed(2)} s (${Math.round(events / seconds)} events/s); peak RSS ${peakRssMb} MB`,
      );
    });
}
