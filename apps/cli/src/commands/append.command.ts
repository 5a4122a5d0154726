import { Command } from 'commander';
import { EventStore, ExpectedRevision, JsonObject, isJsonObject, newEventId } from '@bcl/event-store';
import { contextOfStream } from '@bcl/contexts';
import { GlobalOptions, UsageError, cliMetadata, cliSigner, report, withStore } from '../cli-context';

interface AppendOptions {
  stream: string;
  type: string;
  data: string;
  expectedRevision: string;
  reason: string;
  validTime?: string;
  eventId?: string;
  intoContextStream?: boolean;
}

const DEFAULT_REASON = 'recorded with bcl append';

/**
 * A raw write by an operator: no context's rules decide it, so it is marked as an operator write in its metadata
 * (every view that shows it says so), signed with the operator's key when one is configured, and refused on a
 * stream a bounded context writes unless the operator insists with --into-context-stream and a reason.
 */
export function appendCommand(): Command {
  return new Command('append')
    .description(
      'append one event to a stream, as an operator write (marked as such, signed with the operator key)',
    )
    .requiredOption('--stream <name>', 'stream to append to')
    .requiredOption('--type <type>', 'event type, e.g. ContributionRecorded')
    .requiredOption('--data <json>', 'event data: a JSON object')
    .option('--expected-revision <n>', "the stream's current revision, 'no-stream' or 'any'", 'any')
    .option('--reason <text>', 'why the event is recorded', DEFAULT_REASON)
    .option('--valid-time <iso>', 'when the fact takes effect, where that differs from now')
    .option('--event-id <uuid>', 'event id (a retry with the same id and body is a no-op)')
    .option(
      '--into-context-stream',
      "write into a bounded context's stream, bypassing its rules (needs an explicit --reason)",
    )
    .action(async (options: AppendOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const data = parseData(options.data);
      const expected = parseExpected(options.expectedRevision);
      const explicitReason = command.getOptionValueSource('reason') !== 'default';
      checkContextStream(options.stream, options.intoContextStream === true, explicitReason, options.reason);
      const signer = cliSigner(globals, ['operator']);
      // One command is its own correlation root: using the event id as the correlation id makes a retry
      // with the same --event-id, data and reason identical, so the store recognises it.
      const eventId = options.eventId ?? newEventId();
      const metadata = cliMetadata(options.reason, options.validTime, eventId);
      metadata.operatorWrite = {
        reason: options.reason,
        intoContextStream: options.intoContextStream === true,
      };
      const event = { eventId, type: options.type, data, metadata };
      const result = await withStore(
        globals,
        async (store) => {
          if (!signer) await refuseUnsignedOntoSignedLog(store);
          return store.append(options.stream, [event], expected);
        },
        { signer },
      );
      report(
        globals,
        { ...result, eventId: event.eventId, signedBy: signer?.keyId ?? null },
        `${result.replayed ? 'already appended' : 'appended'} ${event.eventId} to ${result.stream} at revision ${result.lastRevision}, position ${result.lastPosition}, as an operator write${signer ? ` signed by ${signer.keyId}` : ' (unsigned: no operator key configured)'}`,
      );
    });
}

function checkContextStream(
  stream: string,
  insisted: boolean,
  explicitReason: boolean,
  reason: string,
): void {
  const context = contextOfStream(stream);
  if (!context) return;
  if (!insisted) {
    throw new UsageError(
      `'${stream}' is a ${context} stream, written by that context's rules: nothing was written (pass --into-context-stream and a --reason to write it anyway)`,
    );
  }
  if (!explicitReason || reason.trim() === '' || reason === DEFAULT_REASON) {
    throw new UsageError(
      `writing into the ${context} stream '${stream}' needs a --reason saying why: nothing was written`,
    );
  }
}

/**
 * Once a log's events are signed, an unsigned event would break `bcl verify --keyring` at that event: refused
 * before anything is written, saying how to sign it.
 */
async function refuseUnsignedOntoSignedLog(store: EventStore): Promise<void> {
  const head = await store.headPosition();
  if (head === null) return;
  const { rows } = await store.readRaw(head - 1n, 1);
  if (rows[0]?.signature) {
    throw new UsageError(
      'the log is signed and no operator key is configured: pass --signing-key (or set BCL_SIGNING_KEY_FILE) to an operator key file; nothing was written',
    );
  }
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
