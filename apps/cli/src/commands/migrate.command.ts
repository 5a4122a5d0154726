import { Command } from 'commander';
import { EventStore, derivedEventId, foldStream, logEventPages } from '@bcl/event-store';
import {
  ResolutionIndex,
  claimResolutionId,
  evolveResolutionIndex,
  resolutionStream,
} from '@bcl/domain-governance';
import { GlobalOptions, cliMetadata, report, withExistingStoreToWrite } from '../cli-context';

const REASON =
  'claims the id of a resolution recorded before resolutions had streams of their own (bcl migrate claim-resolutions)';

/** One-off upgrades of a store written by an earlier release. Each is a set of new events; nothing is changed. */
export function migrateCommand(): Command {
  return new Command('migrate').description('upgrade a store written by an earlier release').addCommand(
    new Command('claim-resolutions')
      .description(
        'give every resolution recorded before resolution streams existed its ResolutionIdClaimed (idempotent)',
      )
      .action(async (_options: unknown, command: Command) => {
        const globals = command.optsWithGlobals<GlobalOptions>();
        const outcome = await withExistingStoreToWrite(globals, claimUnclaimedResolutions);
        report(
          globals,
          outcome,
          `claimed ${outcome.claimed} resolution${outcome.claimed === 1 ? '' : 's'}; ${outcome.alreadyClaimed} already claimed`,
        );
      }),
  );
}

/**
 * Finds every `ResolutionPassed` in the log and claims its id for its meeting where no claim exists, through
 * the same pure decision the API uses. Event ids derive from the resolution, so a rerun, or two operators at
 * once, append each claim once.
 */
export async function claimUnclaimedResolutions(
  store: EventStore,
): Promise<{ claimed: number; alreadyClaimed: number }> {
  const passed = new Map<string, ResolutionIndex>();
  for await (const events of logEventPages(store, { pageSize: 1000 }))
    for (const event of events)
      if (event.type === 'ResolutionPassed') {
        const data = event.data as { resolutionId: string; meetingId: string };
        if (!passed.has(data.resolutionId))
          passed.set(data.resolutionId, { resolutionId: data.resolutionId, meetingId: data.meetingId });
      }
  let claimed = 0;
  for (const resolution of passed.values()) {
    const stream = resolutionStream(resolution.resolutionId);
    const { state, revision } = await foldStream(store, stream, evolveResolutionIndex);
    const decided = claimResolutionId(state, resolution);
    if (decided.length === 0) continue;
    const eventId = derivedEventId(`claim-resolutions\n${resolution.resolutionId}\n${resolution.meetingId}`);
    const metadata = cliMetadata(REASON, undefined, eventId);
    await store.append(
      stream,
      decided.map((event) => ({ eventId, type: event.type, data: { ...event.data }, metadata })),
      revision === -1 ? 'no-stream' : revision,
    );
    claimed += 1;
  }
  return { claimed, alreadyClaimed: passed.size - claimed };
}
