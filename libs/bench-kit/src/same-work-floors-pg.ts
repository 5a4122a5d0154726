import type { Client } from 'pg';
import { timeItAsync } from './raw-limits';
import {
  FLOOR_BATCH,
  FloorCounts,
  FloorFigures,
  FloorRate,
  FloorRow,
  RecordHash,
  RowWork,
  floorRowValues,
  groupFloorRows,
  replayRow,
  singleFloorRows,
  verifyRow,
} from './same-work-floors';

/**
 * The same-work floors on PostgreSQL (see same-work-floors.ts): plain INSERTs and SELECTs over one connection into
 * a scratch schema's events table, made with the store's own DDL, with no server function, lock or check.
 */

const COLUMNS = 'position, event_id, stream, revision, type, recorded_at, record, hash';

/** barePgSingle: one autocommit INSERT (a prepared statement) per row; returns the rate. */
export async function barePgSingle(client: Client, table: string, rows: FloorRow[]): Promise<FloorRate> {
  const text = `INSERT INTO ${table} (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`;
  const name = `bcl-floor-single-${table}`;
  const seconds = await timeItAsync(async () => {
    for (const row of rows) {
      await client.query({
        name,
        text,
        values: floorRowValues(row),
      });
    }
  });
  return { rows: rows.length, rowsPerSecond: rows.length / seconds };
}

/** `groupSize` rows per autocommit INSERT … SELECT FROM unnest(arrays) (one statement, one transaction). */
async function insertGroups(
  client: Client,
  table: string,
  rows: FloorRow[],
  groupSize: number,
): Promise<number> {
  const text =
    `INSERT INTO ${table} (${COLUMNS}) SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], ` +
    `$4::integer[], $5::text[], $6::text[], $7::text[], $8::text[])`;
  const name = `bcl-floor-group-${table}`;
  const groups: unknown[][] = [];
  for (let from = 0; from < rows.length; from += groupSize) {
    const group = rows.slice(from, from + groupSize).map(floorRowValues);
    // one array per column, as unnest takes them
    groups.push(group[0]!.map((_, column) => group.map((values) => values[column])));
  }
  return timeItAsync(async () => {
    for (const values of groups) await client.query({ name, text, values });
  });
}

/** barePgGroup: `count` rows after `after`, `groupSize` per statement; returns the rate and the last row. */
export async function barePgGroup(
  client: Client,
  table: string,
  after: FloorRow | undefined,
  count: number,
  groupSize: number,
): Promise<FloorRate & { last: FloorRow | undefined }> {
  let seconds = 0;
  let last = after;
  for (let first = 0; first < count; first += FLOOR_BATCH) {
    const rows = groupFloorRows(last, first, Math.min(FLOOR_BATCH, count - first));
    seconds += await insertGroups(client, table, rows, groupSize);
    last = rows[rows.length - 1];
  }
  return { rows: count, rowsPerSecond: count / seconds, last };
}

/**
 * Every row's position, hash and record read in pages of `pageSize` in position order, keyset-paged on position
 * (array rows, as the store's `readAll` reads them), `each` called on every row.
 */
export async function barePgRead(
  client: Client,
  table: string,
  pageSize: number,
  each: RowWork,
): Promise<FloorRate> {
  const text = `SELECT position, hash, record FROM ${table} WHERE position > $1 ORDER BY position LIMIT $2`;
  let read = 0;
  const seconds = await timeItAsync(async () => {
    let after = (-(2n ** 63n)).toString();
    for (;;) {
      const { rows } = await client.query<[string, string, string]>({
        text,
        values: [after, pageSize],
        rowMode: 'array',
      });
      for (const [position, hash, record] of rows) each(position, hash, record);
      read += rows.length;
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1]![0];
    }
  });
  return { rows: read, rowsPerSecond: read / seconds };
}

/**
 * barePgVerify: position, hash and record read in pages of `pageSize` (barePgRead), each record hashed with
 * `hash` and compared with the stored hash. Throws at the first row whose hash differs.
 */
export function barePgVerify(
  client: Client,
  table: string,
  pageSize: number,
  hash: RecordHash,
): Promise<FloorRate> {
  return barePgRead(client, table, pageSize, verifyRow(hash));
}

/** barePgReplay: position, hash and record read in pages of `pageSize` (barePgRead), each record parsed. */
export function barePgReplay(client: Client, table: string, pageSize: number): Promise<FloorRate> {
  return barePgRead(client, table, pageSize, replayRow());
}

/**
 * The four PostgreSQL floors in a scratch schema (`schema`, created with `tableSql(schema)` and dropped
 * afterwards) on one connection to `url`: single rows, group rows after them, then a replay and a verify of all
 * of them (in the order `bcl bench` runs them).
 */
export async function postgresFloors(
  url: string,
  setup: { schema: string; tableSql: (schema: string) => string; hash: RecordHash },
  counts: FloorCounts,
): Promise<FloorFigures> {
  const { Client: PgClient } = await import('pg');
  const client = new PgClient({ connectionString: url });
  await client.connect();
  const table = `"${setup.schema}".events`;
  try {
    // a schema of that name already there is another run's: refused here, and not dropped below
    await client.query(`CREATE SCHEMA "${setup.schema}"`);
  } catch (error) {
    await client.end();
    throw error;
  }
  try {
    await client.query(setup.tableSql(setup.schema));
    const rows = singleFloorRows(counts.single);
    const single = await barePgSingle(client, table, rows);
    const { last: _last, ...group } = await barePgGroup(
      client,
      table,
      rows[rows.length - 1],
      counts.group,
      counts.groupSize,
    );
    const replay = await barePgReplay(client, table, counts.pageSize);
    const verify = await barePgVerify(client, table, counts.pageSize, setup.hash);
    return { single, group, replay, verify };
  } finally {
    try {
      await client.query(`DROP SCHEMA IF EXISTS "${setup.schema}" CASCADE`);
    } finally {
      await client.end();
    }
  }
}
