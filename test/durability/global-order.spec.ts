import { EventStore } from '@bcl/event-store';
import { openEventStore } from '@bcl/event-store-open';
import { newEvent } from '@bcl/testing';
import { readWholeLog } from '../support/read-log';
import { describeEachDurableStore } from '../support/durable-stores';

const WRITERS = 6;
const APPENDS_PER_WRITER = 60;

describeEachDurableStore('a reader following the global log', (setting) => {
  it('never skips an event that commits after it has read past that position', async () => {
    const writers: EventStore[] = [];
    for (let i = 0; i < WRITERS; i += 1) writers.push(await openEventStore(setting()));
    const reader = await openEventStore(setting());
    const seen: bigint[] = [];
    let writing = true;
    const follow = (async () => {
      let after: bigint | undefined;
      while (writing || !(await reader.readAll({ after, maxCount: 1 })).isEnd) {
        const page = await reader.readAll({ after, maxCount: 50 });
        for (const event of page.events) seen.push(event.position);
        after = page.lastPosition;
        await new Promise((resolve) => setImmediate(resolve)); // a poller lets the writers run between polls
      }
    })();
    await Promise.all(
      writers.map(async (writer, w) => {
        for (let i = 0; i < APPENDS_PER_WRITER; i += 1) {
          await writer.append(`order-${w}-${i % 5}`, [newEvent(), newEvent()], 'any');
        }
      }),
    );
    writing = false;
    await follow;
    const all = (await readWholeLog(reader)).map((event) => event.position);
    expect(all).toHaveLength(WRITERS * APPENDS_PER_WRITER * 2);
    expect(seen).toEqual(all);
    for (const store of [...writers, reader]) await store.close();
  }, 60_000);
});
