import { Command } from 'commander';
import { ExpectedRevision, JsonObject, isJsonObject, newEventId } from '@bcl/event-store';
import { GlobalOptions, UsageError, cliMetadata, report, withStore } from '../cli-context';

interface AppendOptions {
  stream: string;
  type: string;
  data: string;
  expectedRevision: string;
  reason: string;
  validTime?: string;
  eventId?: string;
}

export function appendCommand(): Command {
  return new Command('append')
    .description('append one event to a stream')
    .requiredOption('--stream <name>', 'stream to append to')
    .requiredOption('--type <type>', 'event type, e.g. ContributionRecorded')
    .requiredOption('--data <json>', 'event data: a JSON object')
    .option('--expected-revision <n>', "the stream's current revision, 'no-stream' or 'any'", 'any')
    .option('--reason <text>', 'why the event is recorded', 'recorded with bcl append')
    .option('--valid-time <iso>', 'when the fact takes effect, where that differs from now')
    .option('--event-id <uuid>', 'event id (a retry with the same id and body is a no-op)')
    .action(async (options: AppendOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const data = parseData(options.data);
      const expected = parseExpected(options.expectedRevision);
      // One command is its own correlation root: using the event id as the correlation id makes a retry
      // with the same --event-id, data and reason identical, so the store recognises it.
      const eventId = options.eventId ?? newEventId();
      const event = {
        eventId,
        type: options.type,
        data,
        metadata: cliMetadata(options.reason, options.validTime, eventId),
      };
      const result = await withStore(globals, (store) => store.append(options.stream, [event], expected));
      report(
        globals,
        { ...result, eventId: event.eventId },
        `${result.replayed ? 'already appended' : 'appended'} ${event.eventId} to ${result.stream} at revision ${result.lastRevision}, position ${result.lastPosition}`,
      );
    });
}

function parseData(text: string): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(`--data is not valid JSON: ${text.slice(0, 60)}`);
  }
  if (!isJsonObject(value)) throw new UsageError('--data must be a JSON object, like {"amountPence":100}');
  return value;
}

function parseExpected(text: string): ExpectedRevision {
  if (text === 'any' || text === 'no-stream') return text;
  if (/^\d+$/.test(text)) return Number(text);
  throw new UsageError(`--expected-revision must be a revision number, 'no-stream' or 'any', not '${text}'`);
}
