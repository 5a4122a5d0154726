import { firstValueFrom, take, toArray } from 'rxjs';
import fc from 'fast-check';
import { StoreOpenError, verifyStore } from '@bcl/event-store';
import { openEventStore } from '@bcl/event-store-open';
import { EsdbEventStore, decodePosition, encodePosition } from './esdb-event-store';
import { EmulatedEsdbClient } from '@bcl/testing/emulated-esdb-client';
import { newEvent, uniqueStream } from '@bcl/testing';

describe('EventStoreDB adapter logic (over the emulated client)', () => {
  it('maps $all positions {commit, prepare} to one bigint and back exactly, in $all order', () => {
    const u64 = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });
    fc.assert(
      fc.property(u64, u64, u64, u64, (c1, p1, c2, p2) => {
        const a = { commit: c1, prepare: p1 };
        const b = { commit: c2, prepare: p2 };
        expect(decodePosition(encodePosition(a))).toEqual(a);
        const before = c1 < c2 || (c1 === c2 && p1 < p2);
        expect(encodePosition(a) < encodePosition(b)).toBe(before);
      }),
    );
    expect(() => encodePosition({ commit: 2n ** 64n, prepare: 0n })).toThrow(RangeError);
  });

  it('gives each event of a multi-event append its own position although they share a commit position', async () => {
    const client = new EmulatedEsdbClient();
    const store = new EsdbEventStore(client, 'esdb://emulated');
    const result = await store.append(uniqueStream(), [newEvent(), newEvent(), newEvent()], 'no-stream');
    const written = client.rawLog.filter((event) => !event.type.startsWith('$'));
    expect(new Set(written.map((event) => event.position.commit)).size).toBe(1);
    const page = await store.readAll();
    expect(page.events.map((event) => event.position)).toEqual(
      written.map((event) => encodePosition(event.position)),
    );
    expect(result.firstPosition).toBe(page.events[0]!.position);
    expect(result.lastPosition).toBe(page.events[2]!.position);
  });

  it('skips EventStoreDB system events when reading, paging, subscribing and chaining', async () => {
    const client = new EmulatedEsdbClient(1); // a system event before every append
    const store = new EsdbEventStore(client, 'esdb://emulated');
    for (let i = 0; i < 6; i += 1) await store.append(uniqueStream(), [newEvent()], 'no-stream');
    expect(client.rawLog.filter((event) => event.type.startsWith('$')).length).toBeGreaterThan(5);
    const first = await store.readAll({ maxCount: 4 });
    const rest = await store.readAll({ after: first.lastPosition, maxCount: 4 });
    expect(first.events).toHaveLength(4);
    expect(rest.events).toHaveLength(2);
    expect(rest.isEnd).toBe(true);
    const live = await firstValueFrom(store.subscribe().pipe(take(6), toArray()));
    expect(live.map((event) => event.type)).toEqual(Array(6).fill('ContributionRecorded'));
    expect(await verifyStore(store)).toMatchObject({ ok: true, eventsChecked: 6 });
  });

  it('finds the chain head again after a restart and keeps the chain unbroken', async () => {
    const client = new EmulatedEsdbClient(1);
    const before = new EsdbEventStore(client, 'esdb://emulated');
    await before.append(uniqueStream(), [newEvent(), newEvent()], 'no-stream');
    const after = new EsdbEventStore(client, 'esdb://emulated');
    await after.append(uniqueStream(), [newEvent()], 'no-stream');
    const events = (await after.readAll()).events;
    expect(events[2]!.prevHash).toBe(events[1]!.hash);
    expect((await verifyStore(after)).ok).toBe(true);
  });

  it('detects an event altered on the server', async () => {
    const client = new EmulatedEsdbClient();
    const store = new EsdbEventStore(client, 'esdb://emulated');
    await store.append(
      uniqueStream(),
      [newEvent('ContributionRecorded', { amountPence: 100 }), newEvent()],
      'no-stream',
    );
    const target = client.rawLog.find((event) => !event.type.startsWith('$'))!;
    target.data = Buffer.from(
      Buffer.from(target.data as Uint8Array)
        .toString('utf8')
        .replace('100', '900'),
    );
    const report = await verifyStore(store);
    expect(report.firstBreak).toMatchObject({ kind: 'altered', position: encodePosition(target.position) });
  });

  it('fails to open with one line when the server cannot be reached', async () => {
    const opening = openEventStore('esdb://127.0.0.1:1?tls=false');
    await expect(opening).rejects.toBeInstanceOf(StoreOpenError);
    await expect(opening).rejects.toThrow(/^cannot reach EventStoreDB at esdb:\/\/127\.0\.0\.1:1/);
  });
});
