import { EventStore } from '@bcl/event-store';
import { ProjectionDefinition } from '@bcl/service-store';

const PAGE_EVENTS = 500;

/**
 * Replays the whole log through projections into memory, without touching any stored views: for tools that
 * must not write while a service runs (e.g. `bcl who-approved`). Returns each projection's views by key.
 */
export async function replayInMemory(
  store: EventStore,
  definitions: readonly ProjectionDefinition[],
): Promise<Map<string, Map<string, object>>> {
  const views = new Map(definitions.map((d) => [d.name, new Map<string, object>()]));
  let after: bigint | undefined;
  for (;;) {
    const page = await store.readAll({ after, maxCount: PAGE_EVENTS });
    for (const event of page.events)
      for (const definition of definitions) {
        if (!definition.handles(event)) continue;
        const own = views.get(definition.name)!;
        for (const { key, view } of definition.apply(event, (k) => own.get(k))) own.set(key, view);
      }
    after = page.lastPosition;
    if (page.isEnd) return views;
  }
}
