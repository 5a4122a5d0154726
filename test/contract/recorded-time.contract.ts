import { verifyStore } from '@bcl/event-store';
import { newEvent, uniqueStream } from '@bcl/testing';
import type { ContractOptions, ContractStore } from './event-store.contract';

/**
 * The log's recorded times, for every adapter: along the global log recordedAt never goes backwards. A writer
 * whose clock is behind the last event's recordedAt (a clock stepped back, or another writer's clock ahead)
 * records that instant instead, so a read "as known at" an instant never counts an event without the events
 * ahead of it in the log. The store is opened with a clock the test moves (its own instants, near the real
 * time, so that on a shared server no later test inherits a far-off instant).
 */
export function recordedTimeContract(openStore: (options?: ContractOptions) => Promise<ContractStore>): void {
  describe('recorded times', () => {
    it('never records an event earlier than the one before it in the log, even when the clock steps back', async () => {
      const base = Date.now();
      let now = base;
      const opened = await openStore({ clock: () => new Date(now) });
      try {
        const { store } = opened;
        const stream = uniqueStream();
        const start = (await store.headPosition()) ?? undefined;
        const first = await store.append(stream, [newEvent()], 'no-stream');
        now = base - 60 * 60 * 1000; // stepped back an hour (NTP, or a writer whose clock is behind)
        const second = await store.append(uniqueStream(), [newEvent(), newEvent()], 'no-stream');
        now = base + 1000;
        const third = await store.append(stream, [newEvent()], 0);

        const page = await store.readAll({ after: start, maxCount: 100 });
        const ours = new Set([
          first.firstPosition,
          second.firstPosition,
          second.lastPosition,
          third.firstPosition,
        ]);
        const times = page.events
          .filter((event) => ours.has(event.position))
          .map((event) => event.recordedAt);
        expect(times).toHaveLength(4);
        // the events appended under the stepped-back clock carry the last event's instant, not the clock's
        expect(times[1]).toBe(times[0]);
        expect(times[2]).toBe(times[0]);
        // a clock ahead of the log again is recorded as it reads
        expect(times[3]).toBe(new Date(now).toISOString());
        for (let i = 1; i < page.events.length; i += 1) {
          expect(page.events[i]!.recordedAt >= page.events[i - 1]!.recordedAt).toBe(true);
        }
        expect((await verifyStore(store)).ok).toBe(true);
      } finally {
        await opened.dispose();
      }
    });
  });
}
