import { EventStore, StoredEvent, logEventPages } from '@bcl/event-store';

/** The whole log, in global order. For tests: it holds every event in memory. */
export async function readWholeLog(store: EventStore): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for await (const page of logEventPages(store)) events.push(...page);
  return events;
}
