import { StoredEvent, logEventPages } from '@bcl/event-store';
import { InMemoryEventStore } from '@bcl/event-store-in-memory';
import { appendGroup, appendSingle, replay, verify } from './store-phases';

describe('the store phases of bcl bench', () => {
  it('appends every event once, with its own id, and replays and verifies them all', async () => {
    const store = new InMemoryEventStore();
    try {
      await appendSingle(store, 'bench-single', 5);
      await appendGroup(store, 'bench-group', 70_000, 8);
      const single = await store.readStream('bench-single');
      expect(single.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
      const [replayed] = await replay(store, Number.MAX_SAFE_INTEGER);
      expect(replayed).toBe(70_005);
      const [verified] = await verify(store);
      expect(verified).toBe(70_005);
      const grouped: StoredEvent[] = [];
      for await (const page of logEventPages(store, { pageSize: 10_000 }))
        grouped.push(...page.filter((e) => e.stream.startsWith('bench-group-')));
      expect(new Set(grouped.map((e) => e.stream)).size).toBe(8);
      expect(grouped).toHaveLength(70_000);
      expect(new Set(grouped.map((e) => e.eventId)).size).toBe(70_000);
      expect(new Set(grouped.map((e) => (e.data as { amountPence: number }).amountPence)).size).toBe(70_000);
    } finally {
      await store.close();
    }
  });
});
