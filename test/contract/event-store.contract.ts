import { firstValueFrom, concatMap, take, toArray, Subscription } from 'rxjs';
import { createHash } from 'node:crypto';
import {
  EventStore,
  GENESIS_HASH,
  IdempotencyConflictError,
  InvalidRequestError,
  Signer,
  StoredEvent,
  WrongExpectedRevisionError,
  takeDigest,
  verifyStore,
} from '@bcl/event-store';
import { newEvent, uniqueStream } from '@bcl/testing';

export interface ContractStore {
  store: EventStore;
  /** Removes whatever the store created. */
  dispose(): Promise<void>;
  /** Another writer on the same log, without a signer (closed by the caller; dispose still removes the log). */
  reopen(): Promise<EventStore>;
}

export interface ContractOptions {
  /** Where the store's log should start; stores that assign positions themselves ignore it. */
  firstPosition?: bigint;
  /** Signs every event the store appends. */
  signer?: Signer;
  /** The writer's clock, where the test moves it. */
  clock?: () => Date;
}

/** Reads the whole log from `after`, page by page. */
async function readAllFrom(store: EventStore, after?: bigint, maxCount = 7): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  let cursor = after;
  for (let pages = 0; pages < 10_000; pages += 1) {
    const page = await store.readAll({ after: cursor, maxCount });
    events.push(...page.events);
    cursor = page.lastPosition;
    if (page.isEnd) return events;
  }
  throw new Error('readAll never reached the end');
}

async function endOfLog(store: EventStore): Promise<bigint | undefined> {
  const events = await readAllFrom(store, undefined, 10_000);
  return events[events.length - 1]?.position;
}

/**
 * The behaviour every EventStore adapter must have. Tests use fresh stream names and read the global log
 * from a checkpoint taken at their start, so they also hold on a shared server.
 */
export function eventStoreContract(openStore: (options?: ContractOptions) => Promise<ContractStore>): void {
  let opened: ContractStore;
  let store: EventStore;
  let start: bigint | undefined;

  beforeEach(async () => {
    opened = await openStore();
    store = opened.store;
    start = await endOfLog(store);
  });
  afterEach(async () => {
    await opened.dispose();
  });

  describe('append and read', () => {
    it('appends events to a stream and reads them back exactly, in both directions', async () => {
      const stream = uniqueStream();
      const events = [
        newEvent('ContributionCommitted', {
          amountPence: 13_131_049_00,
          partner: 'Southend-on-Sea Borough Council',
        }),
        newEvent('ContributionReceived', { amountPence: 1, nested: { list: [1, 'two', null, true] } }),
        newEvent('SchemeAllocated', { text: 'Unicode: £ – “quotes” \u0000 end' }),
      ];
      const result = await store.append(stream, events, 'no-stream');
      expect(result).toMatchObject({ stream, firstRevision: 0, lastRevision: 2, replayed: false });
      expect(result.lastPosition > result.firstPosition).toBe(true);

      const forwards = await store.readStream(stream);
      expect(forwards.map((e) => e.revision)).toEqual([0, 1, 2]);
      expect(forwards.map((e) => e.eventId)).toEqual(events.map((e) => e.eventId));
      expect(forwards.map((e) => e.data)).toEqual(events.map((e) => e.data));
      expect(forwards[0]!.metadata).toEqual(events[0]!.metadata);
      expect(forwards[0]!.schemaVersion).toBe(1);
      expect(forwards[0]!.stream).toBe(stream);
      expect(Number.isNaN(Date.parse(forwards[0]!.recordedAt))).toBe(false);
      expect(forwards[0]!.position).toBe(result.firstPosition);
      expect(forwards[2]!.position).toBe(result.lastPosition);

      const backwards = await store.readStream(stream, { direction: 'backwards', maxCount: 2 });
      expect(backwards.map((e) => e.revision)).toEqual([2, 1]);
      const fromOne = await store.readStream(stream, { fromRevision: 1, maxCount: 1 });
      expect(fromOne.map((e) => e.revision)).toEqual([1]);
      const backFromOne = await store.readStream(stream, { direction: 'backwards', fromRevision: 1 });
      expect(backFromOne.map((e) => e.revision)).toEqual([1, 0]);
      expect(await store.streamRevision(stream)).toBe(2);
    });

    it('reads an unknown stream as empty, at revision -1', async () => {
      const stream = uniqueStream('nothing');
      expect(await store.readStream(stream)).toEqual([]);
      expect(await store.readStream(stream, { direction: 'backwards' })).toEqual([]);
      expect(await store.streamRevision(stream)).toBe(-1);
    });

    it('refuses malformed appends and writes nothing', async () => {
      const stream = uniqueStream();
      const bad: Array<[string, unknown, unknown]> = [
        ['$system', [newEvent()], 'any'],
        [stream, [], 'any'],
        [stream, [{ ...newEvent(), eventId: 'not-a-uuid' }], 'any'],
        [stream, [newEvent(), { ...newEvent(), metadata: { correlationId: 'c' } }], 'any'],
        [stream, [{ ...newEvent(), data: { amount: Number.NaN } }], 'any'],
        [stream, [newEvent()], -2],
      ];
      for (const [name, events, expected] of bad) {
        await expect(store.append(name, events as never, expected as never)).rejects.toBeInstanceOf(
          InvalidRequestError,
        );
      }
      const event = newEvent();
      await expect(store.append(stream, [event, { ...event }], 'any')).rejects.toThrow(/appears twice/);
      expect(await readAllFrom(store, start)).toEqual([]);
    });
  });

  describe('optimistic concurrency', () => {
    it('reports a conflict naming the expected and actual revision, and writes nothing', async () => {
      const stream = uniqueStream();
      await store.append(stream, [newEvent(), newEvent()], 'no-stream');
      const conflict = store.append(stream, [newEvent()], 0);
      await expect(conflict).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await expect(store.append(stream, [newEvent()], 0)).rejects.toMatchObject({
        stream,
        expected: 'revision 0',
        actual: 1,
      });
      await expect(store.append(stream, [newEvent()], 'no-stream')).rejects.toMatchObject({
        expected: 'no-stream',
        actual: 1,
      });
      await expect(store.append(uniqueStream(), [newEvent()], 3)).rejects.toMatchObject({
        actual: 'no-stream',
      });
      expect(await store.streamRevision(stream)).toBe(1);
      expect((await readAllFrom(store, start)).length).toBe(2);
      const next = await store.append(stream, [newEvent()], 1);
      expect(next.lastRevision).toBe(2);
      const any = await store.append(stream, [newEvent()], 'any');
      expect(any.lastRevision).toBe(3);
    });

    it('lets exactly one of several concurrent writers with the same expectation win', async () => {
      const stream = uniqueStream();
      await store.append(stream, [newEvent()], 'no-stream');
      const attempts = await Promise.allSettled(
        Array.from({ length: 8 }, () => store.append(stream, [newEvent()], 0)),
      );
      expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
      const failures = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
      expect(failures).toHaveLength(7);
      for (const failure of failures) expect(failure.reason).toBeInstanceOf(WrongExpectedRevisionError);
      expect(await store.streamRevision(stream)).toBe(1);
    });

    it('commits concurrent appends to different streams, each once, in one gapless order', async () => {
      const streams = Array.from({ length: 20 }, () => uniqueStream());
      const results = await Promise.all(
        streams.map((s) => store.append(s, [newEvent(), newEvent()], 'no-stream')),
      );
      const events = await readAllFrom(store, start);
      expect(events).toHaveLength(40);
      const positions = events.map((e) => e.position);
      expect(new Set(positions).size).toBe(40);
      for (let i = 1; i < positions.length; i += 1) expect(positions[i]! > positions[i - 1]!).toBe(true);
      for (const result of results) expect(positions).toContain(result.firstPosition);
    });
  });

  describe('idempotent retries', () => {
    it('returns the original result for a retried append and writes nothing', async () => {
      const stream = uniqueStream();
      const events = [newEvent(), newEvent()];
      const original = await store.append(stream, events, 'no-stream');
      const retried = await store.append(stream, events, 'no-stream');
      expect(retried).toEqual({ ...original, replayed: true });
      await store.append(stream, [newEvent()], 1);
      const lateRetry = await store.append(stream, events, 'no-stream');
      expect(lateRetry).toEqual({ ...original, replayed: true });
      const anyRetry = await store.append(stream, events, 'any');
      expect(anyRetry).toEqual({ ...original, replayed: true });
      expect((await readAllFrom(store, start)).length).toBe(3);
    });

    it('refuses an event id reused with a different body, in another stream, or in part', async () => {
      const stream = uniqueStream();
      const event = newEvent('ContributionRecorded', { amountPence: 100 });
      const other = newEvent();
      await store.append(stream, [event, other], 'no-stream');
      await expect(
        store.append(stream, [{ ...event, data: { amountPence: 101 } }, other], 'no-stream'),
      ).rejects.toThrow(IdempotencyConflictError);
      await expect(store.append(stream, [event, other], 'no-stream')).resolves.toMatchObject({
        replayed: true,
      });
      await expect(store.append(stream, [event, newEvent()], 'no-stream')).rejects.toThrow(
        /did not hold all/,
      );
      const elsewhere = store.append(uniqueStream(), [event], 'any');
      if (store.description.globallyUniqueEventIds) await expect(elsewhere).rejects.toThrow(/to stream/);
      else await expect(elsewhere).resolves.toMatchObject({ replayed: false }); // EventStoreDB: ids are per stream
      await expect(store.append(stream, [other, event], 'any')).rejects.toThrow(/different order/);
      // Idempotency is per event id: re-sending some of an append's events replays just those.
      await expect(store.append(stream, [event], 'any')).resolves.toMatchObject({
        lastRevision: 0,
        replayed: true,
      });
      const expected = store.description.globallyUniqueEventIds ? 2 : 3;
      expect((await readAllFrom(store, start)).length).toBe(expected);
    });

    it('treats concurrent identical appends as one', async () => {
      const stream = uniqueStream();
      const events = [newEvent(), newEvent()];
      const results = await Promise.all([1, 2, 3].map(() => store.append(stream, events, 'no-stream')));
      expect(results.filter((r) => !r.replayed)).toHaveLength(1);
      expect(new Set(results.map((r) => r.firstPosition)).size).toBe(1);
      expect(await store.streamRevision(stream)).toBe(1);
    });
  });

  describe('reading the global log in pages', () => {
    it('pages through all events in strictly increasing order with no repeats', async () => {
      const streams = [uniqueStream('a'), uniqueStream('b'), uniqueStream('c')];
      const appended: string[] = [];
      for (let i = 0; i < 25; i += 1) {
        const event = newEvent('SpendRecorded', { quarter: (i % 4) + 1, amountPence: i });
        appended.push(event.eventId);
        await store.append(streams[i % 3]!, [event], 'any');
      }
      const first = await store.readAll({ after: start, maxCount: 10 });
      expect(first.events).toHaveLength(10);
      expect(first.isEnd).toBe(false);
      expect(first.lastPosition).toBe(first.events[9]!.position);
      const all = await readAllFrom(store, start, 10);
      expect(all.map((e) => e.eventId)).toEqual(appended);
      const positions = all.map((e) => e.position);
      for (let i = 1; i < positions.length; i += 1) {
        expect(positions[i]! > positions[i - 1]!).toBe(true);
        if (store.description.contiguousPositions) expect(positions[i]).toBe(positions[i - 1]! + 1n);
      }
      expect(await store.headPosition()).toBe(positions[24]);
      const tail = await store.readAll({ after: positions[24], maxCount: 10 });
      expect(tail).toEqual({ events: [], lastPosition: positions[24], isEnd: true });
      await expect(store.readAll({ maxCount: 0 })).rejects.toThrow(/maxCount/);
    });
  });

  describe('subscriptions', () => {
    it('catches up from a checkpoint, then delivers new events live', async () => {
      const stream = uniqueStream();
      await store.append(stream, [newEvent(), newEvent(), newEvent()], 'no-stream');
      const received: StoredEvent[] = [];
      let subscription: Subscription | undefined;
      const done = new Promise<void>((resolve, reject) => {
        subscription = store.subscribe({ after: start, pageSize: 2, pollIntervalMs: 20 }).subscribe({
          next: (event) => {
            received.push(event);
            if (received.length === 5) resolve();
          },
          error: reject,
        });
      });
      await waitUntil(() => received.length === 3);
      await store.append(stream, [newEvent(), newEvent()], 2);
      await done;
      subscription!.unsubscribe();
      expect(received.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);

      const resumed = await firstValueFrom(
        store.subscribe({ after: received[2]!.position }).pipe(take(2), toArray()),
      );
      expect(resumed.map((e) => e.eventId)).toEqual(received.slice(3).map((e) => e.eventId));
    });

    it('isolates a failing subscriber, which resumes from its checkpoint', async () => {
      const stream = uniqueStream();
      await store.append(
        stream,
        Array.from({ length: 6 }, () => newEvent()),
        'no-stream',
      );
      let checkpoint = start;
      const failing = firstValueFrom(
        store.subscribe({ after: start }).pipe(
          concatMap(async (event) => {
            if (event.revision === 3) throw new Error('projection bug');
            checkpoint = event.position;
            return event;
          }),
          toArray(),
        ),
      );
      const healthy = firstValueFrom(store.subscribe({ after: start }).pipe(take(6), toArray()));
      await expect(failing).rejects.toThrow('projection bug');
      expect((await healthy).map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5]);
      const resumed = await firstValueFrom(store.subscribe({ after: checkpoint }).pipe(take(3), toArray()));
      expect(resumed.map((e) => e.revision)).toEqual([3, 4, 5]);
    });
  });

  describe('bigint positions', () => {
    it('keeps positions beyond 2^53 exact from append to read to JSON', async () => {
      const big = await openStore({ firstPosition: 2n ** 53n + 7n });
      try {
        const stream = uniqueStream();
        const result = await big.store.append(stream, [newEvent(), newEvent()], 'no-stream');
        expect(result.firstPosition > 2n ** 53n).toBe(true);
        const [a, b] = await big.store.readStream(stream);
        expect(a!.position).toBe(result.firstPosition);
        expect(b!.position).toBe(result.lastPosition);
        if (big.store.description.firstPosition !== undefined) {
          expect(a!.position).toBe(2n ** 53n + 7n);
          expect(b!.position).toBe(2n ** 53n + 8n);
        }
        const page = await big.store.readAll({ after: a!.position, maxCount: 1 });
        expect(page.events[0]!.eventId).toBe(b!.eventId);
        expect(BigInt(a!.position.toString())).toBe(a!.position);
        expect((await verifyStore(big.store)).ok).toBe(true);
      } finally {
        await big.dispose();
      }
    });
  });

  describe('hash chain', () => {
    it('chains every event to the one before it by SHA-256 of its stored record', async () => {
      const stream = uniqueStream();
      await store.append(stream, [newEvent(), newEvent()], 'no-stream');
      await store.append(uniqueStream(), [newEvent()], 'no-stream');
      const raw = await store.readRaw(undefined, 10_000);
      expect(raw.rows.length).toBeGreaterThanOrEqual(3);
      let previous = GENESIS_HASH;
      for (const row of raw.rows) {
        expect(createHash('sha256').update(row.record).digest('hex')).toBe(row.hash);
        expect(JSON.parse(row.record).prevHash).toBe(previous);
        previous = row.hash;
      }
      const events = await readAllFrom(store);
      expect(events[0]!.prevHash).toBe(GENESIS_HASH);
      const report = await verifyStore(store);
      expect(report).toMatchObject({ ok: true, firstBreak: null, lastHash: previous });
      expect(report.eventsChecked).toBe(raw.rows.length);

      const digest = await takeDigest(store);
      expect(digest).toMatchObject({ position: raw.rows[raw.rows.length - 1]!.position, hash: previous });
      await store.append(stream, [newEvent()], 1);
      const later = await verifyStore(store, digest!);
      expect(later).toMatchObject({ ok: true, digest: { matched: true } });
    });
  });
}

async function waitUntil(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
