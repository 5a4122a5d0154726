import { randomUUID } from 'node:crypto';
import { EventStore, NewEvent, logEventPages, newEventId, verifyStore } from '@bcl/event-store';
import { markPhase, timeItAsync } from '@bcl/bench-kit';

/**
 * The store phases of `bcl bench`. Every event (its id, correlation id and payload) is built before the timed
 * window it is appended in, so each figure is the store's time alone, not the harness's set-up.
 */

/** Events are built this many at a time for the group phase, so a million are never all in memory at once. */
const GROUP_BATCH = 65_536;

export function benchEvent(i: number): NewEvent {
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

/** `count` one-event batches numbered from `from`, ready to append. */
function benchBatches(from: number, count: number): NewEvent[][] {
  return Array.from({ length: count }, (_, k) => [benchEvent(from + k)]);
}

/** One event per durable transaction, each with its expected revision; returns seconds. */
export async function appendSingle(store: EventStore, stream: string, count: number): Promise<number> {
  const batches = benchBatches(0, count);
  return markPhase('append.single', () =>
    timeItAsync(async () => {
      for (let i = 0; i < count; i += 1)
        await store.append(stream, batches[i]!, i === 0 ? 'no-stream' : i - 1);
    }),
  );
}

/**
 * `appenders` concurrent appenders, each appending one event at a time to one of 64 streams, so the store
 * can share commits between them; returns the seconds spent appending (the batches are built between
 * timed windows).
 */
export async function appendGroup(
  store: EventStore,
  prefix: string,
  count: number,
  appenders: number,
): Promise<number> {
  let seconds = 0;
  for (let from = 0; from < count; from += GROUP_BATCH) {
    const batches = benchBatches(from, Math.min(GROUP_BATCH, count - from));
    let next = 0;
    seconds += await markPhase('append.group', () =>
      timeItAsync(() =>
        Promise.all(
          Array.from({ length: appenders }, async (_, lane) => {
            while (next < batches.length) {
              const batch = batches[next++]!;
              await store.append(`${prefix}-${lane % 64}`, batch, 'any');
            }
          }),
        ),
      ),
    );
  }
  return seconds;
}

/**
 * Reads the log in global order until `upTo` events, in the pages a whole-log walk reads by default (1,000
 * events, as `bcl replay` and subscriptions read); returns [events, seconds]. Pages of 10,000 outlive V8's young
 * generation and cost about twice the time in garbage collection (docs/operations.md).
 */
export async function replay(store: EventStore, upTo: number): Promise<[number, number]> {
  let replayed = 0;
  const seconds = await markPhase('replay', () =>
    timeItAsync(async () => {
      for await (const page of logEventPages(store)) {
        replayed += page.length;
        if (replayed >= upTo) break;
      }
    }),
  );
  return [replayed, seconds];
}

/** Checks the whole hash chain; returns [events, seconds]. */
export async function verify(store: EventStore): Promise<[number, number]> {
  let verified = 0;
  const seconds = await markPhase('verify', () =>
    timeItAsync(async () => {
      const report = await verifyStore(store);
      if (!report.ok) throw new Error(`verify failed during the benchmark: ${report.firstBreak?.message}`);
      verified = report.eventsChecked;
    }),
  );
  return [verified, seconds];
}
