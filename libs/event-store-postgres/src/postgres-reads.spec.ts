import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { StoredEvent, decodePage, generateSigningKey, signerFromKeyFile } from '@bcl/event-store';
import { newEvent } from '@bcl/testing';
import { PostgresEventStore } from './postgres-event-store';

/*
 * readAll and readStream read array rows of position, hash and record and parse each record once straight into
 * its event (issue 16). These specs hold them to what they returned before: decodePage(readRaw(…)), page by page.
 * A library builds and tests on its own, so this finds the server itself: DATABASE_URL, required where
 * REQUIRE_POSTGRES=1 (test/support/servers.ts does the same for test/).
 */
const databaseUrl = process.env.DATABASE_URL;
const describeWithPostgres = databaseUrl || process.env.REQUIRE_POSTGRES === '1' ? describe : describe.skip;

const asEvent = (record: string, position: bigint, hash: string): StoredEvent => ({
  ...(JSON.parse(record) as StoredEvent),
  position,
  hash,
});

describeWithPostgres('PostgreSQL reads of events as array rows', () => {
  const schema = `bcl_test_reads_${randomBytes(6).toString('hex')}`;
  let storeUrl: string;
  let store: PostgresEventStore;

  beforeAll(async () => {
    const url = new URL(databaseUrl!);
    url.searchParams.set('schema', schema);
    storeUrl = url.toString();
    // unsigned events, then signed ones, over three streams, from position 100
    const unsigned = await PostgresEventStore.open(storeUrl, { firstPosition: 100n });
    for (let i = 0; i < 4; i += 1) await unsigned.append(`s-${i % 3}`, [newEvent(), newEvent()], 'any');
    await unsigned.close();
    const key = generateSigningKey('service', 'test', '2026-01-01T00:00:00.000Z');
    store = await PostgresEventStore.open(storeUrl, { signer: signerFromKeyFile(key.keyFile) });
    for (let i = 0; i < 5; i += 1) await store.append(`s-${i % 3}`, [newEvent()], 'any');
  });

  afterAll(async () => {
    await store?.close();
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    } finally {
      await client.end();
    }
  });

  it('returns, page by page, what decodePage(readRaw(…)) returns', async () => {
    for (const maxCount of [1, 3, 13, 100]) {
      for (const after of [undefined, 0n, 99n, 100n, 104n, 112n, 113n, 500n]) {
        const page = await store.readAll({ after, maxCount });
        expect(page).toEqual(decodePage(await store.readRaw(after, maxCount)));
        if (page.events.length === 0) expect(page.lastPosition).toBe(after);
      }
    }
  });

  it('builds each event from its record, with the position and hash beside it', async () => {
    const rows = (await store.readRaw(undefined, 100)).rows;
    const { events, lastPosition, isEnd } = await store.readAll();
    expect(rows).toHaveLength(13);
    expect(events).toEqual(rows.map((row) => asEvent(row.record, row.position, row.hash)));
    expect(events.map((event) => event.position)).toEqual(rows.map((_, i) => 100n + BigInt(i)));
    expect(typeof events[0]!.position).toBe('bigint');
    expect(lastPosition).toBe(112n);
    expect(isEnd).toBe(true);
  });

  it('reads a stream forwards and backwards as the log holds it', async () => {
    const all = (await store.readAll()).events;
    for (const stream of ['s-0', 's-1', 's-2', 'absent']) {
      const inStream = all.filter((event) => event.stream === stream);
      expect(await store.readStream(stream)).toEqual(inStream);
      expect(await store.readStream(stream, { direction: 'backwards' })).toEqual([...inStream].reverse());
      expect(await store.readStream(stream, { fromRevision: 2, maxCount: 2 })).toEqual(inStream.slice(2, 4));
    }
  });

  it('reads an empty log as one empty last page', async () => {
    const url = new URL(databaseUrl!);
    const emptySchema = `${schema}_empty`;
    url.searchParams.set('schema', emptySchema);
    const empty = await PostgresEventStore.open(url.toString());
    try {
      expect(await empty.readAll()).toEqual({ events: [], lastPosition: undefined, isEnd: true });
      expect(await empty.readStream('s-0')).toEqual([]);
    } finally {
      await empty.close();
      const client = new Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${emptySchema}" CASCADE`).finally(() => client.end());
    }
  });
});
