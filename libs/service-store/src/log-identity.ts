import { EventStore, StoredEvent } from '@bcl/event-store';
import { ServiceStore } from './service-store';

const short = (hash: string) => `${hash.slice(0, 12)}…`;

/** The event at `position`, if the log holds one there. */
export async function eventAt(events: EventStore, position: bigint): Promise<StoredEvent | undefined> {
  const page = await events.readAll({ after: position > 1n ? position - 1n : undefined, maxCount: 1 });
  const event = page.events[0];
  return event && event.position === position ? event : undefined;
}

/**
 * Whether a projection's checkpoint stands on this log: null when it does, else why not, in a few words
 * ("is ahead of its log: …"). A checkpoint beyond the log's head, or whose event has another hash, means the
 * log was restored from an older backup (or is another log) while the service store kept newer records.
 */
export async function checkpointMismatch(
  events: EventStore,
  projection: string,
  checkpoint: { position: bigint; hash?: string | null },
  head?: bigint | null,
): Promise<string | null> {
  const logHead = head === undefined ? await events.headPosition() : head;
  if (logHead === null || checkpoint.position > logHead)
    return `is ahead of its log: projection '${projection}' has applied position ${checkpoint.position} but the log ends at ${logHead ?? 0}`;
  if (!checkpoint.hash) return null;
  const event = await eventAt(events, checkpoint.position);
  if (!event || event.hash !== checkpoint.hash)
    return `does not match its log: projection '${projection}' applied event ${short(checkpoint.hash)} at position ${checkpoint.position}, where the log holds ${event ? short(event.hash) : 'nothing'}`;
  return null;
}

/**
 * Checked when a projection starts: the service store must belong to this log (the first event's hash it
 * recorded) and must not be ahead of it. Records the log's identity on first use. Returns the mismatch, if any.
 */
export async function serviceStoreMismatch(
  events: EventStore,
  views: ServiceStore,
  projection: string,
): Promise<string | null> {
  const [first] = (await events.readAll({ maxCount: 1 })).events;
  const identity = await views.logIdentity();
  if (identity !== undefined && first?.hash !== identity)
    return `belongs to another log: it was built from a log whose first event is ${short(identity)}, this log's is ${first ? short(first.hash) : 'absent (an empty log)'}`;
  const stored = await views.checkpoint(projection);
  if (stored?.position != null) {
    const hash = await views.checkpointHash(projection);
    const mismatch = await checkpointMismatch(events, projection, {
      position: stored.position,
      hash: hash?.position === stored.position ? hash.hash : null,
    });
    if (mismatch) return mismatch;
  }
  if (identity === undefined && first) await views.recordLogIdentity(first.hash);
  return null;
}

/** The one line a service that refuses such a service store prints. */
export function mismatchLine(location: string, mismatch: string): string {
  return (
    `the service store ${location} ${mismatch}. Its idempotency records and personal data describe writes this ` +
    'log does not hold, so it is not served: restore the service store from the same backup as the log, or move ' +
    'it aside to start a new one (read models are rebuilt from the log; idempotency records and names are lost)'
  );
}
