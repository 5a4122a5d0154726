import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  StoredEvent,
  VerifiableRow,
  decodePage,
  generateSigningKey,
  keyringOf,
  signerFromKeyFile,
  verifyStore,
} from '@bcl/event-store';
import { newEvent } from '@bcl/testing';
import { SqliteEventStore } from './sqlite-event-store';

/** The rows as the store's columns hold them, read by name (as readRaw read them before it read arrays). */
function rowsByName(path: string): VerifiableRow[] {
  const db = new Database(path, { readonly: true });
  try {
    const rows = db
      .prepare(
        'SELECT position, hash, record, event_id, stream, revision, signer, signature FROM bcl_events ORDER BY position',
      )
      .safeIntegers(true)
      .all() as Array<Record<string, unknown>>;
    return rows.map((row) => ({
      position: row.position as bigint,
      hash: row.hash as string,
      record: row.record as string,
      eventId: row.event_id as string,
      stream: row.stream as string,
      revision: Number(row.revision),
      signer: row.signer as string | null,
      signature: row.signature as string | null,
    }));
  } finally {
    db.close();
  }
}

const asEvent = (row: VerifiableRow): StoredEvent => ({
  ...(JSON.parse(row.record) as StoredEvent),
  position: row.position,
  hash: row.hash,
});

describe('SQLite reads of rows as arrays', () => {
  let dir: string;
  let path: string;
  const service = generateSigningKey('service', 'test', '2026-01-01T00:00:00.000Z');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bcl-sqlite-raw-'));
    path = join(dir, 'ledger.db');
    // unsigned events from before signing began, then signed ones, over three streams
    const before = SqliteEventStore.open(path, { clock: () => new Date('2025-06-01T00:00:00.000Z') });
    for (let i = 0; i < 4; i += 1) await before.append(`s-${i % 3}`, [newEvent(), newEvent()], 'any');
    await before.close();
    const signed = SqliteEventStore.open(path, { signer: signerFromKeyFile(service.keyFile) });
    for (let i = 0; i < 5; i += 1) await signed.append(`s-${i % 3}`, [newEvent('Other', { i })], 'any');
    await signed.close();
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('pages readRaw and readAll as before, across page boundaries, with and without signatures', async () => {
    const expected = rowsByName(path);
    expect(expected).toHaveLength(13);
    expect(expected.filter((row) => row.signature !== null)).toHaveLength(5);
    const store = SqliteEventStore.open(path, { mustExist: true });
    try {
      for (const size of [1, 4, 7, 13, 100]) {
        const rows: VerifiableRow[] = [];
        const events: StoredEvent[] = [];
        let after: bigint | undefined;
        for (;;) {
          const raw = await store.readRaw(after, size);
          const page = await store.readAll({ after, maxCount: size });
          // readAll is the decoded readRaw page: same events, same lastPosition and isEnd
          expect(page).toEqual(decodePage(raw));
          expect(raw.isEnd).toBe(raw.rows.length < size);
          expect(raw.lastPosition).toBe(raw.rows.at(-1)?.position ?? after);
          rows.push(...raw.rows);
          events.push(...page.events);
          after = raw.lastPosition;
          if (raw.isEnd) break;
        }
        expect(rows).toEqual(expected);
        expect(events).toEqual(expected.map(asEvent));
      }
      const end = await store.readAll({ after: 13n, maxCount: 5 });
      expect(end).toEqual({ events: [], lastPosition: 13n, isEnd: true });
    } finally {
      await store.close();
    }
  });

  it('reads a stream forwards and backwards, a page at a time, as its rows are', async () => {
    const expected = rowsByName(path)
      .filter((row) => row.stream === 's-1')
      .map(asEvent);
    expect(expected.map((event) => event.revision)).toEqual([0, 1, 2, 3]);
    const store = SqliteEventStore.open(path, { mustExist: true });
    try {
      expect(await store.readStream('s-1')).toEqual(expected);
      expect(await store.readStream('s-1', { fromRevision: 1, maxCount: 2 })).toEqual(expected.slice(1, 3));
      expect(await store.readStream('s-1', { direction: 'backwards' })).toEqual([...expected].reverse());
      expect(await store.readStream('s-1', { direction: 'backwards', fromRevision: 2, maxCount: 2 })).toEqual(
        [expected[2], expected[1]],
      );
    } finally {
      await store.close();
    }
  });

  it('verifies the log, signatures checked, and names the row whose column was changed', async () => {
    const store = SqliteEventStore.open(path, { mustExist: true });
    try {
      const report = await verifyStore(store, undefined, { keyring: keyringOf([service.entry]) });
      expect(report).toMatchObject({ ok: true, eventsChecked: 13, signedEvents: 5, unsignedEvents: 8 });
    } finally {
      await store.close();
    }
    const db = new Database(path);
    db.prepare('UPDATE bcl_events SET revision = revision + 10 WHERE position = 11').run();
    db.close();
    const changed = SqliteEventStore.open(path, { mustExist: true });
    try {
      expect((await verifyStore(changed)).firstBreak).toMatchObject({
        kind: 'index-mismatch',
        position: 11n,
      });
    } finally {
      await changed.close();
    }
  });
});
