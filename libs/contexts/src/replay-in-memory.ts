import { EventStore, logEventPages } from '@bcl/event-store';
import { EventRecord, Projection, Viewpoint, eventSeenFrom, knownBy, projectInMemory } from '@bcl/kernel';

const PAGE_EVENTS = 500;

/** The whole log as the ledger had recorded it by `knownAt` (all of it, when absent), in log order. */
export async function knownLog(store: EventStore, knownAt?: string): Promise<EventRecord[]> {
  const events: EventRecord[] = [];
  for await (const page of logEventPages(store)) events.push(...page.filter((e) => knownBy(knownAt, e)));
  return events;
}

type ViewsOf<P> = P extends Projection<infer V> ? Map<string, V> : never;

/**
 * Replays the whole log once through the given projections into memory, without touching any stored views:
 * for tools that must not write while a service runs (e.g. `bcl who-approved`). Returns each projection's
 * views by key, in the order the projections were given.
 *
 * From a viewpoint (`asAt`, `knownAt`), only the events seen from it are replayed (`eventSeenFrom`: recorded by
 * `knownAt`, and in effect by `asAt` where the event has an effective date of its own): the views as they stood
 * on that date, as the ledger knew them at that instant (docs/time-travel.md).
 */
export async function replayInMemory<const P extends readonly Projection<unknown>[]>(
  store: EventStore,
  projections: P,
  viewpoint: Viewpoint = {},
): Promise<{ [I in keyof P]: ViewsOf<P[I]> }> {
  const views = projections.map(() => new Map<string, unknown>());
  let after: bigint | undefined;
  for (;;) {
    const page = await store.readAll({ after, maxCount: PAGE_EVENTS });
    const seen = page.events.filter((event) => eventSeenFrom(viewpoint, event));
    projections.forEach((projection, index) => projectInMemory(projection, seen, views[index]));
    after = page.lastPosition;
    if (page.isEnd) return views as { [I in keyof P]: ViewsOf<P[I]> };
  }
}
