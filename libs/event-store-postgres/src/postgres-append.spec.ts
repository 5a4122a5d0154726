import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  IdempotencyConflictError,
  NewEvent,
  StoredEvent,
  verifyStore,
  WrongExpectedRevisionError,
} from '@bcl/event-store';
import { newEvent } from '@bcl/testing';
import { PostgresEventStore, PostgresEventStoreOptions } from './postgres-event-store';
import { APPEND_FUNCTION } from './postgres-schema';
import { StreamRevisionCache } from './postgres-append';

/*
 * The one-round-trip append (issue 16): writers plan from what they believe (their last head, the stream
 * revisions they remember) and the schema's append function writes only if all of it still holds. These specs
 * make the beliefs wrong on purpose: two store instances on one schema, each with stale caches.
 * A library builds and tests on its own, so this finds the server itself: DATABASE_URL, required where
 * REQUIRE_POSTGRES=1 (test/support/servers.ts does the same for test/).
 */
const databaseUrl = process.env.DATABASE_URL;
const describeWithPostgres = databaseUrl || process.env.REQUIRE_POSTGRES === '1' ? describe : describe.skip;

describe('StreamRevisionCache', () => {
  it('forgets the least recently used stream first', () => {
    const cache = new StreamRevisionCache(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the more recent
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });
});

describeWithPostgres('PostgreSQL append through the append function, with stale beliefs', () => {
  let schema: string;
  let storeUrl: string;
  const opened: PostgresEventStore[] = [];

  const open = async (options: PostgresEventStoreOptions = {}) => {
    const store = await PostgresEventStore.open(storeUrl, options);
    opened.push(store);
    return store;
  };
  const sql = async <T>(work: (client: Client) => Promise<T>): Promise<T> => {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  const count = () =>
    sql(async (client) =>
      Number((await client.query(`SELECT count(*) AS n FROM "${schema}".events`)).rows[0].n),
    );
  const wholeLog = async (store: PostgresEventStore): Promise<StoredEvent[]> => {
    const events: StoredEvent[] = [];
    let after: bigint | undefined;
    for (;;) {
      const page = await store.readAll({ after, maxCount: 500 });
      events.push(...page.events);
      after = page.lastPosition;
      if (page.isEnd) return events;
    }
  };
  const expectContiguousAndVerified = async (store: PostgresEventStore, total: number) => {
    const log = await wholeLog(store);
    expect(log.map((event) => event.position)).toEqual(
      Array.from({ length: total }, (_, index) => BigInt(index + 1)),
    );
    const report = await verifyStore(store);
    expect(report).toMatchObject({ ok: true, eventsChecked: total, firstBreak: null });
    return log;
  };

  beforeEach(() => {
    if (!databaseUrl) throw new Error('REQUIRE_POSTGRES=1 but DATABASE_URL is not set');
    schema = `perfpg_${randomBytes(6).toString('hex')}`;
    const url = new URL(databaseUrl);
    url.searchParams.set('schema', schema);
    storeUrl = url.toString();
  });
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    await sql((client) => client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
  });

  it.each([
    ['one call per append where beliefs hold', undefined],
    ['every append planned under the lock', 0],
  ])(
    'two writers interleaving on shared and own streams: every append lands where it should (%s)',
    async (_, optimisticAppendCalls) => {
      const writers = [await open({ optimisticAppendCalls }), await open({ optimisticAppendCalls })];
      const revisions = new Map<string, number>();
      const results: { stream: string; first: number; last: number; firstPosition: bigint }[] = [];
      for (let round = 0; round < 12; round += 1) {
        const writer = writers[round % 2]!;
        // a shared stream each writer last saw before the other moved it; an own stream; a new one
        for (const stream of [
          'shared-a',
          round % 3 === 0 ? 'shared-b' : `own-${round % 2}`,
          `new-${round}`,
        ]) {
          const expected = revisions.get(stream) ?? 'no-stream';
          const events = [newEvent(), newEvent()];
          const result = await writer.append(stream, events, expected);
          const first = (revisions.get(stream) ?? -1) + 1;
          expect(result).toMatchObject({
            stream,
            firstRevision: first,
            lastRevision: first + 1,
            replayed: false,
          });
          revisions.set(stream, first + 1);
          results.push({ stream, first, last: first + 1, firstPosition: result.firstPosition });
        }
      }
      // Concurrent bursts from both at once, to streams each may or may not know.
      const burst = await Promise.all(
        Array.from({ length: 40 }, (_, index) =>
          writers[index % 2]!.append(index % 4 === 0 ? 'shared-a' : `burst-${index}`, [newEvent()], 'any'),
        ),
      );
      const total = results.length * 2 + burst.length;
      const log = await expectContiguousAndVerified(writers[0]!, total);
      // Positions were handed out in commit order: each sequential append follows the one before it.
      results.forEach((result, index) => expect(result.firstPosition).toBe(BigInt(index * 2 + 1)));
      for (const result of burst) {
        const event = log[Number(result.firstPosition) - 1]!;
        expect(event).toMatchObject({ stream: result.stream, revision: result.firstRevision });
      }
      const sharedA = await writers[1]!.readStream('shared-a', { maxCount: 1000 });
      expect(sharedA.map((event) => event.revision)).toEqual(sharedA.map((_, index) => index));
    },
  );

  it('a fresh writer appends to a stream it has never seen, and refuses a wrong expectation of it', async () => {
    const first = await open();
    await first.append('known-elsewhere', [newEvent(), newEvent(), newEvent()], 'no-stream');
    const fresh = await open();
    await expect(fresh.append('known-elsewhere', [newEvent()], 'no-stream')).rejects.toMatchObject({
      constructor: WrongExpectedRevisionError,
      actual: 2,
    });
    expect(await count()).toBe(3);
    const result = await fresh.append('known-elsewhere', [newEvent()], 2);
    expect(result).toMatchObject({ firstRevision: 3, firstPosition: 4n, replayed: false });

    // `first` still believes revision 2: its expectation is checked against the log, not its memory.
    await expect(first.append('known-elsewhere', [newEvent()], 2)).rejects.toMatchObject({
      constructor: WrongExpectedRevisionError,
      actual: 3,
    });
    expect(await count()).toBe(4);
    await expect(first.append('known-elsewhere', [newEvent()], 3)).resolves.toMatchObject({
      firstRevision: 4,
      firstPosition: 5n,
    });
    await expectContiguousAndVerified(fresh, 5);
  });

  it('replays an append another writer recorded, and refuses its ids reused for something else', async () => {
    const writer = await open();
    const events: NewEvent[] = [newEvent(), newEvent()];
    const original = await writer.append('replayed', events, 'no-stream');
    await writer.append('other', [newEvent()], 'no-stream');

    const other = await open();
    await expect(other.append('replayed', events, 'no-stream')).resolves.toEqual({
      ...original,
      replayed: true,
    });
    const reused = { ...events[0]!, data: { amountPence: 999 } };
    await expect(other.append('replayed', [reused], 'any')).rejects.toBeInstanceOf(IdempotencyConflictError);
    await expect(other.append('elsewhere', [events[1]!], 'any')).rejects.toBeInstanceOf(
      IdempotencyConflictError,
    );
    expect(await count()).toBe(3);
    // Its beliefs after the replays are still right: its next append lands at the head.
    await expect(other.append('replayed', [newEvent()], 1)).resolves.toMatchObject({ firstPosition: 4n });
    await expectContiguousAndVerified(other, 4);
  });

  it("a writer whose clock is behind records the last event's instant, not an earlier one", async () => {
    const base = Date.now();
    let aheadNow = base;
    const ahead = await open({ clock: () => new Date(aheadNow) });
    const behind = await open({ clock: () => new Date(base - 5 * 60 * 1000) }); // five minutes slow
    const a = await ahead.append('clocks', [newEvent()], 'no-stream');
    const b = await behind.append('clocks', [newEvent(), newEvent()], 0);
    expect(b.firstPosition).toBe(a.lastPosition + 1n);
    const log = await expectContiguousAndVerified(ahead, 3);
    expect(log.map((event) => event.recordedAt)).toEqual(Array(3).fill(new Date(base).toISOString()));
    // and again once `behind` believes a head (its own last append, at `base`) that `ahead` has since moved
    // past, a minute later: `behind` records that later instant, not the one its stale belief holds
    aheadNow = base + 60 * 1000;
    const later = await ahead.append('clocks', [newEvent()], 2);
    await behind.append('clocks', [newEvent()], 3);
    const [last] = await behind.readStream('clocks', { direction: 'backwards', maxCount: 1 });
    expect(later.lastPosition).toBe(4n);
    expect(last!.recordedAt).toBe(new Date(aheadNow).toISOString());
  });

  it('the function refuses a stale head, a stale revision, a stored id or an earlier time, writes nothing, and says what it found', async () => {
    const store = await open();
    const stored = newEvent();
    const result = await store.append('s', [stored, newEvent()], 'no-stream');
    const [head] = await store.readStream('s', { direction: 'backwards', maxCount: 1 });
    const earlier = new Date(Date.parse(head!.recordedAt) - 1).toISOString();
    const row = (recordedAt: string) =>
      JSON.stringify([
        {
          p: '3',
          i: randomUUID(),
          s: 's',
          r: 2,
          t: 'T',
          a: recordedAt,
          c: '{}',
          h: 'x',
          k: null,
          g: null,
        },
      ]);
    const call = (
      headPosition: string | null,
      headHash: string | null,
      revision: number,
      ids: string[],
      recordedAt = head!.recordedAt, // the same instant as the head's is not earlier
    ) =>
      sql(
        async (client) =>
          (
            await client.query(
              `SELECT * FROM "${schema}".${APPEND_FUNCTION}($1, $2, $3, $4, $5, $6, $7, $8)`,
              [headPosition, headHash, ['s'], [revision], ids, [], row(recordedAt), recordedAt],
            )
          ).rows,
      );
    const facts = [
      { kind: 'revision', stream: 's', revision: 1 },
      {
        kind: 'head',
        position: String(result.lastPosition),
        hash: head!.hash,
        signed: false,
        recorded_at: head!.recordedAt,
      },
    ];
    // a head one event behind, the empty log, a stale revision, an id believed absent that is stored, rows
    // recorded before the head (a writer whose clock is behind; the right head, so only the time is wrong)
    for (const rows of [
      await call('1', head!.hash, 1, []),
      await call(null, null, 1, []),
      await call('2', head!.hash, 0, []),
      await call('2', head!.hash, 1, [stored.eventId]),
      await call('2', head!.hash, 1, [], earlier),
    ]) {
      expect(rows.some((found) => found.kind === 'ok')).toBe(false);
      expect(rows).toEqual(expect.arrayContaining(facts.map((fact) => expect.objectContaining(fact))));
    }
    expect(
      (await call('2', head!.hash, 1, [stored.eventId])).find((found) => found.kind === 'event'),
    ).toMatchObject({ event_id: stored.eventId, stream: 's', revision: 0, position: '1' });
    expect(await count()).toBe(2);
    // With every belief right it writes (this row is not a valid record: the function trusts its caller's rows).
    expect((await call('2', head!.hash, 1, [])).map((found) => found.kind)).toEqual(['ok']);
    expect(await count()).toBe(3);
  });

  it('a writer opening a ledger that has the function leaves it alone (replacing it needs its owner)', async () => {
    await open();
    const version = () =>
      sql(
        async (client) =>
          (
            await client.query(
              `SELECT xmin::text AS v FROM pg_proc WHERE proname = $1 AND pronamespace = $2::regnamespace`,
              [APPEND_FUNCTION, schema],
            )
          ).rows[0].v as string,
      );
    const before = await version();
    await open();
    expect(await version()).toBe(before);
  });

  it('a read-only open creates nothing; its first append creates the missing function', async () => {
    const writer = await open();
    await writer.append('s', [newEvent()], 'no-stream');
    const exists = () =>
      sql(
        async (client) =>
          (await client.query('SELECT to_regproc($1) AS fn', [`"${schema}".${APPEND_FUNCTION}`])).rows[0]
            .fn !== null,
      );
    await sql((client) => client.query(`DROP FUNCTION "${schema}".${APPEND_FUNCTION}`));
    const reader = await open({ mustExist: true });
    expect(await exists()).toBe(false);
    await expect(reader.readStream('s')).resolves.toHaveLength(1);
    await expect(reader.append('s', [newEvent()], 0)).resolves.toMatchObject({ firstPosition: 2n });
    expect(await exists()).toBe(true);

    // Dropped under a running writer (a schema restored from an older dump): it is created again.
    await sql((client) => client.query(`DROP FUNCTION "${schema}".${APPEND_FUNCTION}`));
    await expect(writer.append('s', [newEvent()], 1)).resolves.toMatchObject({ firstPosition: 3n });
    expect(await exists()).toBe(true);
    await expectContiguousAndVerified(reader, 3);
  });
});
