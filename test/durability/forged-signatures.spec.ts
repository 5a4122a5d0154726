import Database from 'better-sqlite3';
import { Client } from 'pg';
import {
  EventStore,
  Keyring,
  PREV_HASH_KEY,
  Signer,
  generateSigningKey,
  hashRecord,
  keyringOf,
  signerFromKeyFile,
  takeDigest,
  verifyStore,
} from '@bcl/event-store';
import { openEventStore } from '@bcl/event-store-open';
import { newEvent } from '@bcl/testing';
import { describeEachDurableStore } from '../support/durable-stores';

/** Runs SQL directly against a store's events table, as someone with database write access could. */
async function rawAccess(setting: string) {
  if (setting.startsWith('sqlite:')) {
    const db = new Database(setting.slice('sqlite:'.length));
    return {
      table: 'bcl_events',
      sql: async (sql: string, params: unknown[] = []) => {
        const statement = db.prepare(sql.replace(/\$(\d+)/g, '@p$1'));
        const named = Object.fromEntries(params.map((value, index) => [`p${index + 1}`, value]));
        const args = params.length > 0 ? [named] : [];
        return statement.reader
          ? (statement.all(...args) as Array<Record<string, unknown>>)
          : (statement.run(...args), []);
      },
      close: async () => void db.close(),
    };
  }
  const url = new URL(setting);
  const schema = url.searchParams.get('schema')!;
  url.searchParams.delete('schema');
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  return {
    table: `"${schema}".events`,
    sql: async (sql: string, params: unknown[] = []) =>
      (await client.query(sql, params)).rows as Array<Record<string, unknown>>,
    close: () => client.end(),
  };
}

function newKey(from = '2025-01-01T00:00:00Z'): { signer: Signer; keyring: Keyring } {
  const { keyFile, entry } = generateSigningKey('service', 'api instance', from);
  return { signer: signerFromKeyFile(keyFile), keyring: keyringOf([entry]) };
}

describeEachDurableStore('a forged event appended directly to the store', (setting) => {
  const { signer, keyring } = newKey();
  let store: EventStore;
  let raw: Awaited<ReturnType<typeof rawAccess>>;

  beforeEach(async () => {
    store = await openEventStore(setting(), { signer });
    for (let i = 0; i < 10; i += 1) {
      await store.append('fund-kent-2017-18', [newEvent('ContributionReceived', { amountPence: i })], 'any');
    }
    raw = await rawAccess(setting());
    expect(await verifyStore(store, undefined, { keyring: keyring })).toMatchObject({
      ok: true,
      signedEvents: 10,
    });
  });
  afterEach(async () => {
    await raw.close();
    await store.close();
  });

  /** Appends, by SQL, a £5m journal whose record names the head's hash: the chain still verifies. */
  async function forge(signerColumn: string | null, signature: string | null): Promise<void> {
    const [head] = await raw.sql(`SELECT record, hash FROM ${raw.table} WHERE position = 10`);
    const eventId = '00000000-0000-4000-8000-000000000001';
    const template = String(head!.record);
    const at = template.indexOf(PREV_HASH_KEY) + PREV_HASH_KEY.length;
    const record = (template.slice(0, at) + String(head!.hash) + template.slice(at + 64))
      .replace(/"eventId":"[^"]+"/, `"eventId":"${eventId}"`)
      .replace(/"revision":\d+/, '"revision":10')
      .replace(/"data":\{.*\}\}$/, '"data":{"amountPence":500000000}}');
    await raw.sql(
      `INSERT INTO ${raw.table} (position, event_id, stream, revision, type, recorded_at, record, hash, signer, signature)
       VALUES (11, $1, 'fund-kent-2017-18', 10, 'ContributionReceived', 'x', $2, $3, $4, $5)`,
      [eventId, record, hashRecord(record), signerColumn, signature],
    );
    const [forged] = (await store.readStream('fund-kent-2017-18', { fromRevision: 10 })) ?? [];
    expect(forged!.data).toEqual({ amountPence: 500_000_000 });
    // a forgery with a signature: the hash chain alone cannot tell (one without is an `unsigned` break)
    if (signature !== null) expect((await verifyStore(store)).ok).toBe(true);
  }

  it('is caught when it carries no signature, with or without the keyring', async () => {
    await forge(null, null);
    expect((await verifyStore(store)).firstBreak).toMatchObject({ kind: 'unsigned', position: 11n });
    expect((await verifyStore(store, undefined, { keyring: keyring })).firstBreak).toMatchObject({
      kind: 'unsigned',
      position: 11n,
    });
  });

  it('is caught when it carries a signature copied from another event', async () => {
    const [other] = await raw.sql(`SELECT signature FROM ${raw.table} WHERE position = 10`);
    await forge(signer.keyId, String(other!.signature));
    expect((await verifyStore(store, undefined, { keyring: keyring })).firstBreak).toMatchObject({
      kind: 'bad-signature',
      position: 11n,
    });
  });

  it('is caught when it is signed with a key the keyring does not hold', async () => {
    const stranger = newKey().signer;
    await forge(stranger.keyId, stranger.sign('anything'));
    expect((await verifyStore(store, undefined, { keyring: keyring })).firstBreak).toMatchObject({
      kind: 'unknown-key',
      position: 11n,
    });
  });

  it("is caught when an event's signature is stripped", async () => {
    await raw.sql(`UPDATE ${raw.table} SET signer = NULL, signature = NULL WHERE position = 6`);
    expect((await verifyStore(store, undefined, { keyring: keyring })).firstBreak).toMatchObject({
      kind: 'unsigned',
      position: 6n,
    });
  });
  it('rewritten whole from one event on (chain re-hashed, old signatures kept or stripped) is caught there, and by an earlier checkpoint', async () => {
    const checkpoint = await takeDigest(store);
    await store.append('fund-kent-2017-18', [newEvent('ContributionReceived', { amountPence: 10 })], 'any');
    // someone with database access (but not the key) changes event 4 and re-hashes every event after it
    const rows = await raw.sql(
      `SELECT position, record FROM ${raw.table} WHERE position >= 4 ORDER BY position`,
    );
    const [before] = await raw.sql(`SELECT hash FROM ${raw.table} WHERE position = 3`);
    let prevHash = String(before!.hash);
    for (const row of rows) {
      let record = String(row.record);
      if (Number(row.position) === 4) record = record.replace('"amountPence":3', '"amountPence":300000');
      const at = record.indexOf(PREV_HASH_KEY) + PREV_HASH_KEY.length;
      record = record.slice(0, at) + prevHash + record.slice(at + 64);
      prevHash = hashRecord(record);
      await raw.sql(`UPDATE ${raw.table} SET record = $1, hash = $2 WHERE position = $3`, [
        record,
        prevHash,
        Number(row.position),
      ]);
    }
    // the chain alone, and the digest alone, cannot say where: the chain verifies, the digest only fails
    expect((await verifyStore(store)).ok).toBe(true);
    expect((await verifyStore(store, checkpoint!)).firstBreak).toMatchObject({ kind: 'digest-mismatch' });
    // the signatures name the first altered event, with the checkpoint or without it
    for (const digests of [undefined, checkpoint!]) {
      expect((await verifyStore(store, digests, { keyring })).firstBreak).toMatchObject({
        kind: 'bad-signature',
        position: 4n,
      });
    }
    // stripping the signatures instead does not hide it
    await raw.sql(`UPDATE ${raw.table} SET signer = NULL, signature = NULL WHERE position >= 4`);
    expect((await verifyStore(store, checkpoint!, { keyring })).firstBreak).toMatchObject({
      kind: 'unsigned',
      position: 4n,
    });
  });
});

describeEachDurableStore('a store made before events were signed', (setting) => {
  it('gains the signature columns when opened, changing no event, and its old events read as unsigned', async () => {
    const old = await openEventStore(setting());
    await old.append('fund-kent-2017-18', [newEvent(), newEvent()], 'no-stream');
    const before = (await old.readRaw(undefined, 100)).rows.map(({ position, hash, record }) => ({
      position,
      hash,
      record,
    }));
    await old.close();
    const raw = await rawAccess(setting());
    await raw.sql(`ALTER TABLE ${raw.table} DROP COLUMN signature`);
    await raw.sql(`ALTER TABLE ${raw.table} DROP COLUMN signer`);
    await raw.close();

    // the key came into use after the old events were recorded
    const { signer, keyring } = newKey(new Date().toISOString());
    const store = await openEventStore(setting(), { signer });
    try {
      await store.append('fund-kent-2017-18', [newEvent()], 1);
      const rows = (await store.readRaw(undefined, 100)).rows;
      expect(rows.slice(0, 2).map(({ position, hash, record }) => ({ position, hash, record }))).toEqual(
        before,
      );
      expect(rows.map((row) => row.signer ?? null)).toEqual([null, null, signer.keyId]);
      expect(await verifyStore(store, undefined, { keyring: keyring })).toMatchObject({
        ok: true,
        signedEvents: 1,
        unsignedEvents: 2,
      });
    } finally {
      await store.close();
    }
  });
});
