import { Pool, PoolClient } from 'pg';
import { checkStoreFormat, STORE_FORMAT, STORE_FORMAT_VERSION, StoreMissingError } from '@bcl/event-store';

/**
 * The server-side append, versioned by its name (a change of body or signature is a new name, so processes of
 * different versions can share a ledger). One autocommit call does the whole append: it takes the append lock
 * (the one every writer of the schema takes, so positions are still handed out in commit order), checks what the
 * caller planned from (the chain head, each named stream's revision, that none of the batch's ids is stored
 * unless the caller knew it), and then either inserts the caller's rows and returns one `ok` row, or inserts
 * nothing and returns the facts (the streams' revisions, the stored events among the ids, the head) for the
 * caller to plan again. Records, hashes and signatures are still made by the caller.
 *
 * v2 (v1 had no p_recorded_at and no recorded_at column) also checks that the batch is recorded no earlier than
 * the log's last event, so recordedAt never goes backwards along the log; when it is earlier it writes nothing
 * and the head's recorded_at is among the facts (the hash covers recordedAt: only the caller can re-plan). A
 * ledger may hold both: older binaries still call v1, which they create where it is missing.
 */
export const APPEND_FUNCTION = 'bcl_append_v2';

function appendFunctionSql(schema: string): string {
  const events = `"${schema}".events`;
  return `CREATE FUNCTION "${schema}".${APPEND_FUNCTION}(
      p_head_position bigint, p_head_hash text, p_streams text[], p_revisions integer[],
      p_ids text[], p_known_ids text[], p_rows json, p_recorded_at text)
    RETURNS TABLE (kind text, stream text, revision integer, "position" text, hash text, record text,
                   event_id text, signed boolean, recorded_at text)
    -- planned for each call's own arguments and the table as it is now: a plan cached while the table was small
    -- (a sequential scan for the batch's ids) would stay in the session as the table grows
    LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $fn$
    #variable_conflict use_column
    DECLARE
      head_position bigint;
      head_hash text;
      head_recorded_at text;
    BEGIN
      PERFORM pg_advisory_xact_lock(hashtext('bcl-append:${schema}'));
      SELECT e.position, e.hash, e.recorded_at INTO head_position, head_hash, head_recorded_at
        FROM ${events} e ORDER BY e.position DESC LIMIT 1;
      IF (CASE WHEN head_position IS NULL THEN p_head_hash IS NULL
               ELSE head_position = p_head_position AND head_hash = p_head_hash END)
         -- the rows' recordedAt (p_recorded_at, one for the batch) is not before the last event's
         AND (CASE WHEN p_recorded_at IS NULL THEN json_array_length(p_rows) = 0
                   WHEN head_recorded_at IS NULL THEN true
                   ELSE p_recorded_at::timestamptz >= head_recorded_at::timestamptz END)
         AND NOT EXISTS (
           SELECT 1 FROM unnest(p_streams, p_revisions) AS a(s, r)
            WHERE coalesce((SELECT e.revision FROM ${events} e WHERE e.stream = a.s
                             ORDER BY e.revision DESC LIMIT 1), -1) <> a.r)
         AND NOT EXISTS (
           SELECT 1 FROM ${events} e WHERE e.event_id = ANY(p_ids) AND NOT e.event_id = ANY(p_known_ids))
      THEN
        INSERT INTO ${events} (position, event_id, stream, revision, type, recorded_at, record, hash, signer, signature)
        SELECT x.p, x.i, x.s, x.r, x.t, x.a, x.c, x.h, x.k, x.g
          FROM json_to_recordset(p_rows) AS x(p bigint, i text, s text, r integer, t text, a text, c text, h text,
                                              k text, g text);
        RETURN QUERY SELECT 'ok'::text, NULL::text, NULL::integer, NULL::text, NULL::text, NULL::text, NULL::text,
                            NULL::boolean, NULL::text;
        RETURN;
      END IF;
      RETURN QUERY
        SELECT 'revision'::text, q.s, last.revision, NULL::text, NULL::text, NULL::text, NULL::text, NULL::boolean,
               NULL::text
          FROM unnest(p_streams) AS q(s)
          CROSS JOIN LATERAL (SELECT e.revision FROM ${events} e WHERE e.stream = q.s
                               ORDER BY e.revision DESC LIMIT 1) AS last
        UNION ALL
        SELECT 'event', e.stream, e.revision, e.position::text, e.hash, e.record, e.event_id, NULL, NULL
          FROM ${events} e WHERE e.event_id = ANY(p_ids)
        UNION ALL
        SELECT 'head', NULL, NULL, last.position::text, last.hash, NULL, NULL, last.signature IS NOT NULL,
               last.recorded_at
          FROM (SELECT e.position, e.hash, e.signature, e.recorded_at FROM ${events} e
                 ORDER BY e.position DESC LIMIT 1) AS last;
    END
    $fn$`;
}

/**
 * Creates the append function unless the schema has it, under the schema lock (in the caller's transaction).
 * An existing one is left alone: its name is its version, and replacing it would need its owner's role.
 */
async function createAppendFunction(client: PoolClient, schema: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`bcl-schema:${schema}`]);
  const found = await client.query<{ fn: string | null }>('SELECT to_regprocedure($1) AS fn', [
    `"${schema}".${APPEND_FUNCTION}(bigint, text, text[], integer[], text[], text[], json, text)`,
  ]);
  if (found.rows[0]?.fn === null) await client.query(appendFunctionSql(schema));
}

/** Installs the append function in its own transaction (a store opened with `mustExist`, on its first append). */
export async function installAppendFunction(pool: Pool, schema: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await createAppendFunction(client, schema);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** The events table (exported for `bcl bench`'s same-work floor, which writes the same table bare). */
export function eventsTableSql(schema: string): string {
  return `CREATE TABLE IF NOT EXISTS "${schema}".events (
      position    bigint PRIMARY KEY,
      event_id    text NOT NULL UNIQUE,
      stream      text NOT NULL,
      revision    integer NOT NULL,
      type        text NOT NULL,
      recorded_at text NOT NULL,
      record      text NOT NULL,
      hash        text NOT NULL,
      signer      text,
      signature   text,
      UNIQUE (stream, revision))`;
}

export async function initialise(
  pool: Pool,
  schema: string,
  firstPosition: bigint,
  location: string,
): Promise<bigint> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`bcl-schema:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS "${schema}".meta (key text PRIMARY KEY, value text NOT NULL)`,
    );
    await client.query(eventsTableSql(schema));
    const existing = await client.query(`SELECT 1 FROM "${schema}".meta LIMIT 1`);
    if (existing.rowCount === 0) {
      await client.query(
        `INSERT INTO "${schema}".meta (key, value) VALUES ($1, $2), ($3, $4), ($5, $6), ($7, $8)`,
        [
          'format',
          STORE_FORMAT,
          'format_version',
          String(STORE_FORMAT_VERSION),
          'first_position',
          firstPosition.toString(),
          'created_at',
          new Date().toISOString(),
        ],
      );
    }
    const meta = await client.query<{ key: string; value: string }>(
      `SELECT key, value FROM "${schema}".meta`,
    );
    await createAppendFunction(client, schema);
    await client.query('COMMIT');
    return checkStoreFormat(
      new Map(meta.rows.map((row) => [row.key, row.value])),
      `PostgreSQL store at ${location}`,
    );
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Gives a ledger created before signing its signer and signature columns (nullable: its events stay unsigned
 * and unchanged), under the schema lock. Returns false when the role may not alter the table: it reads unsigned.
 */
export async function addSignatureColumns(pool: Pool, schema: string): Promise<boolean> {
  const present = await pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM information_schema.columns
      WHERE table_schema = $1 AND table_name = 'events' AND column_name IN ('signer', 'signature')`,
    [schema],
  );
  if (Number(present.rows[0]?.n) === 2) return true;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`bcl-schema:${schema}`]);
    await client.query(
      `ALTER TABLE "${schema}".events ADD COLUMN IF NOT EXISTS signer text, ADD COLUMN IF NOT EXISTS signature text`,
    );
    await client.query('COMMIT');
    return true;
  } catch {
    await client.query('ROLLBACK').catch(() => undefined);
    return false;
  } finally {
    client.release();
  }
}

/** The format of the ledger in `schema`, creating nothing: a schema without the ledger's tables is refused. */
export async function readExisting(pool: Pool, schema: string, location: string): Promise<bigint> {
  const found = await pool.query<{ meta: string | null; events: string | null }>(
    'SELECT to_regclass($1) AS meta, to_regclass($2) AS events',
    [`"${schema}".meta`, `"${schema}".events`],
  );
  if (!found.rows[0]?.meta || !found.rows[0]?.events) throw new StoreMissingError(`no ledger at ${location}`);
  const meta = await pool.query<{ key: string; value: string }>(`SELECT key, value FROM "${schema}".meta`);
  return checkStoreFormat(
    new Map(meta.rows.map((row) => [row.key, row.value])),
    `PostgreSQL store at ${location}`,
  );
}
