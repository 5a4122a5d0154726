import { Command } from 'commander';
import { GlobalOptions, UsageError, report, withStore } from '../cli-context';
import { demoEvent, demoStreams, seededRandom } from './demo-events';

const DEMO_EVENTS_MAX = 10_000_000;
const DEMO_STREAMS_MAX = 100_000;
/** Appends kept in flight at once, so that the store can group-commit them. */
const IN_FLIGHT = 64;

export function demoCommand(): Command {
  return new Command('demo')
    .description('append plausible pooled-fund events (contributions and spend) for trying the ledger out')
    .option('--events <n>', 'how many events', '1000')
    .option('--streams <m>', 'spread over how many streams', '12')
    .option('--seed <n>', 'seed for the generator', '2017')
    .action(async (options: { events: string; streams: string; seed: string }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const total = wholeNumber('--events', options.events, 1, DEMO_EVENTS_MAX);
      const streamCount = wholeNumber('--streams', options.streams, 1, DEMO_STREAMS_MAX);
      const random = seededRandom(wholeNumber('--seed', options.seed, 0, 2 ** 31));
      const streams = demoStreams(streamCount);
      const started = process.hrtime.bigint();
      const summary = await withStore(globals, async (store) => {
        let made = 0;
        let lastPosition = 0n;
        const worker = async (lane: number) => {
          while (made < total) {
            const size = Math.min(total - made, 1 + Math.floor(random() * 5));
            made += size;
            const stream = streams[(lane + made) % streams.length]!;
            const events = Array.from({ length: size }, () => demoEvent(stream, random));
            const result = await store.append(stream.name, events, 'any');
            if (result.lastPosition > lastPosition) lastPosition = result.lastPosition;
          }
        };
        await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, total) }, (_, lane) => worker(lane)));
        return { events: total, streams: streamCount, lastPosition, store: store.description.location };
      });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      report(
        globals,
        { ...summary, seconds },
        `appended ${summary.events} demo events over ${summary.streams} streams to ${summary.store} in ${seconds.toFixed(2)} s (last position ${summary.lastPosition})`,
      );
    });
}

export function wholeNumber(option: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new UsageError(`${option} must be a whole number from ${min} to ${max}, not '${text}'`);
  }
  return value;
}
