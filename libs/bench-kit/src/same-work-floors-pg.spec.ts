import { createHash, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import {
  barePgGroup,
  barePgRead,
  barePgReplay,
  barePgSingle,
  barePgVerify,
  postgresFloors,
} from './same-work-floors-pg';
import { replayRow, singleFloorRows } from './same-work-floors';

/*
 * A library builds and tests on its own, so this finds the server itself: DATABASE_URL, required where
 * REQUIRE_POSTGRES=1 (as libs/event-store-postgres's specs do).
 */
const databaseUrl = process.env.DATABASE_URL;
const describeWithPostgres = databaseUrl || process.env.REQUIRE_POSTGRES === '1' ? describe : describe.skip;

/** A table shaped like the store's (the CLI passes the store's own DDL; bench-kit does not import the store). */
const tableSql = (schema: string) => `CREATE TABLE "${schema}".events (
  position bigint PRIMARY KEY, event_id text NOT NULL UNIQUE, stream text NOT NULL, revision integer NOT NULL,
  type text NOT NULL, recorded_at text NOT NULL, record text NOT NULL, hash text NOT NULL, signer text,
  signature text, UNIQUE (stream, revision))`;
const hash = (record: string) => createHash('sha256').update(record, 'utf8').digest('hex');
const scratch = () => `bcl_test_floors_${randomBytes(6).toString('hex')}`;

describeWithPostgres('PostgreSQL same-work floors', () => {
  let client: Client;
  beforeAll(async () => {
    client = new Client({ connectionString: databaseUrl });
    await client.connect();
  });
  afterAll(() => client.end());

  const schemaExists = async (schema: string) =>
    (await client.query('SELECT to_regnamespace($1) AS s', [schema])).rows[0].s !== null;

  it('single and group write the rows they count, replay and verify read every one, verify throws at a changed row', async () => {
    const schema = scratch();
    const table = `"${schema}".events`;
    await client.query(`CREATE SCHEMA "${schema}"`);
    try {
      await client.query(tableSql(schema));
      const rows = singleFloorRows(25);
      const single = await barePgSingle(client, table, rows);
      const group = await barePgGroup(client, table, rows[24], 600, 256);
      const replay = await barePgReplay(client, table, 100);
      const verify = await barePgVerify(client, table, 100, hash);
      expect(single.rows).toBe(25);
      expect(group).toMatchObject({ rows: 600, last: { position: 625 } });
      expect(replay.rows).toBe(625);
      expect(verify.rows).toBe(625);
      for (const rate of [single, group, replay, verify]) expect(rate.rowsPerSecond).toBeGreaterThan(0);
      expect((await client.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n).toBe(625);
      await client.query(`UPDATE ${table} SET record = replace(record, 'Kent', 'Kant') WHERE position = 300`);
      await expect(barePgVerify(client, table, 100, hash)).rejects.toThrow('row 300 does not match its hash');
    } finally {
      await client.query(`DROP SCHEMA "${schema}" CASCADE`);
    }
  });

  it('reads every row once in position order, keyset-paged, and replay parses each record', async () => {
    const schema = scratch();
    const table = `"${schema}".events`;
    await client.query(`CREATE SCHEMA "${schema}"`);
    try {
      await client.query(tableSql(schema));
      const rows = singleFloorRows(25);
      await barePgSingle(client, table, rows);
      const seen: Array<[bigint | string, string, string]> = [];
      const read = await barePgRead(client, table, 10, (position, stored, record) =>
        seen.push([position, stored, record]),
      );
      expect(read.rows).toBe(25);
      expect(seen).toEqual(rows.map((r) => [String(r.position), r.hash, r.record]));
      const sink: { last?: unknown } = {};
      expect((await barePgRead(client, table, 10, replayRow(sink))).rows).toBe(25);
      expect(sink.last).toEqual(JSON.parse(rows[24]!.record));
    } finally {
      await client.query(`DROP SCHEMA "${schema}" CASCADE`);
    }
  });

  it('runs the four floors in a scratch schema and drops it afterwards', async () => {
    const schema = scratch();
    const figures = await postgresFloors(
      databaseUrl!,
      { schema, tableSql, hash },
      { single: 10, group: 300, groupSize: 256, pageSize: 1000 },
    );
    expect(figures.single.rows).toBe(10);
    expect(figures.group.rows).toBe(300);
    expect(figures.replay.rows).toBe(310);
    expect(figures.verify.rows).toBe(310);
    for (const rate of Object.values(figures)) expect(rate.rowsPerSecond).toBeGreaterThan(0);
    expect(await schemaExists(schema)).toBe(false);
  });
});
