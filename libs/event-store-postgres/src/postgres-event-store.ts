import { Pool, PoolClient } from 'pg';
import { Observable, Subject } from 'rxjs';
import {
  AppendOutcome,
  AppendResult,
  checkStoreFormat,
  decodePage,
  decodeRecord,
  EventStore,
  ExistingEvent,
  existingEvent,
  ExpectedRevision,
  GENESIS_HASH,
  GroupCommitQueue,
  NewEvent,
  pageSize,
  planAppendBatch,
  pollingSubscription,
  PreparedAppend,
  RawPage,
  ReadAllOptions,
  ReadAllPage,
  ReadStreamOptions,
  Signer,
  STORE_FORMAT,
  STORE_FORMAT_VERSION,
  StoreDescription,
  StoredEvent,
  StoreMissingError,
  StoreOpenError,
  StorageFullError,
  SubscribeOptions,
} from '@bcl/event-store';

export interface PostgresEventStoreOptions {
  firstPosition?: bigint;
  clock?: () => Date;
  /** Connections in the pool; one of them writes at a time. */
  poolSize?: number;
  /** Open only a ledger that is already there: no schema or table is created (read-only tools). */
  mustExist?: boolean;
  /** Signs every event appended through this store (its key id and signature are kept beside the record). */
  signer?: Signer;
}

interface PgRow {
  position: string;
  hash: string;
  record: string;
  event_id: string;
  stream: string;
  revision: number;
  signer: string | null;
  signature: string | null;
}

const SCHEMA_NAME_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * PostgreSQL store. Every append transaction takes one transaction-scoped advisory lock before it picks
 * positions, so positions are handed out in commit order: a reader that has seen position N will never
 * later find an event below N commit. Appends from one process are group-committed.
 */
export class PostgresEventStore implements EventStore {
  readonly description: StoreDescription;
  private readonly appended = new Subject<void>();
  private readonly queue = new GroupCommitQueue((appends) => this.commit(appends));
  private readonly table: string;

  private constructor(
    private readonly pool: Pool,
    private readonly schema: string,
    location: string,
    firstPosition: bigint,
    private readonly clock: () => Date,
    private readonly signer: Signer | undefined,
    hasSignatureColumns: boolean,
  ) {
    this.description = {
      kind: 'postgres',
      location,
      contiguousPositions: true,
      globallyUniqueEventIds: true,
      firstPosition,
    };
    this.table = `"${schema}".events`;
    // A ledger whose table could not gain the signature columns (a read-only role) reads as unsigned.
    this.signatureColumns = hasSignatureColumns ? 'signer, signature' : 'NULL AS signer, NULL AS signature';
  }

  private readonly signatureColumns: string;

  /**
   * Opens the store named by a postgres:// URL. The optional `schema` query parameter (default `bcl`)
   * selects the schema that holds the tables, so several ledgers can share one database.
   */
  static async open(url: string, options: PostgresEventStoreOptions = {}): Promise<PostgresEventStore> {
    const { connectionString, schema, location } = parsePostgresUrl(url);
    const pool = new Pool({ connectionString, max: options.poolSize ?? 4, connectionTimeoutMillis: 15_000 });
    pool.on('error', () => undefined); // idle-client errors surface on the next query instead
    try {
      const firstPosition = options.mustExist
        ? await readExisting(pool, schema, location)
        : await initialise(pool, schema, options.firstPosition ?? 1n, location);
      return new PostgresEventStore(
        pool,
        schema,
        location,
        firstPosition,
        options.clock ?? (() => new Date()),
        options.signer,
        await addSignatureColumns(pool, schema),
      );
    } catch (error) {
      await pool.end().catch(() => undefined);
      if (error instanceof StoreOpenError) throw error;
      throw new StoreOpenError(`cannot use PostgreSQL store at ${location}: ${(error as Error).message}`);
    }
  }

  append(stream: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    return this.queue.submit(stream, events, expectedRevision);
  }

  /**
   * One batch in four round trips: BEGIN with the write lock, one query for every lookup, the insert, COMMIT.
   * The lock key is a literal (the schema name is a checked identifier), so BEGIN and the lock go together.
   */
  private async commit(appends: PreparedAppend[]): Promise<AppendOutcome[]> {
    const client = await this.pool.connect();
    try {
      await client.query(`BEGIN; SELECT pg_advisory_xact_lock(hashtext('bcl-append:${this.schema}'))`);
      const plan = await this.planWithLock(client, appends);
      if (plan.rows.length > 0) {
        const rows = plan.rows;
        await client.query(
          `INSERT INTO ${this.table} (position, event_id, stream, revision, type, recorded_at, record, hash, signer, signature)
           SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])`,
          [
            rows.map((row) => row.position.toString()),
            rows.map((row) => row.eventId),
            rows.map((row) => row.stream),
            rows.map((row) => row.revision),
            rows.map((row) => row.type),
            rows.map((row) => row.recordedAt),
            rows.map((row) => row.record),
            rows.map((row) => row.hash),
            rows.map((row) => row.signer),
            rows.map((row) => row.signature),
          ],
        );
      }
      await client.query('COMMIT');
      if (plan.rows.length > 0) this.appended.next();
      return plan.outcomes;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      // 53100 disk_full is an ERROR, which aborts the transaction (a failure once the commit record is being
      // written is a PANIC, never this code): nothing was written.
      if ((error as { code?: unknown }).code === '53100')
        throw new StorageFullError(this.description.location, error as Error);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Reads, under the lock, the batch's stream revisions, any already stored ids, and the chain head. */
  private async planWithLock(client: PoolClient, appends: PreparedAppend[]) {
    const streams = [...new Set(appends.map((append) => append.stream))];
    const ids = appends.flatMap((append) => append.events.map((event) => event.eventId));
    const lookups = await client.query<
      PgRow & { kind: 'revision' | 'event' | 'head'; signed: boolean | null }
    >(
      `SELECT 'revision' AS kind, s.stream, last.revision, NULL::text AS position, NULL AS hash, NULL AS record, NULL AS event_id, NULL::boolean AS signed
         FROM unnest($1::text[]) AS s(stream)
         CROSS JOIN LATERAL (SELECT revision FROM ${this.table} WHERE stream = s.stream ORDER BY revision DESC LIMIT 1) AS last
       UNION ALL
       SELECT 'event', stream, revision, position::text, hash, record, event_id, NULL FROM ${this.table} WHERE event_id = ANY($2)
       UNION ALL
       SELECT 'head', NULL, NULL, last.position::text, last.hash, NULL, NULL, last.signature IS NOT NULL
         FROM (SELECT position, hash, ${this.signatureColumns} FROM ${this.table} ORDER BY position DESC LIMIT 1) AS last`,
      [streams, ids],
    );
    const streamRevisions = new Map<string, number>();
    const existingEvents = new Map<string, ExistingEvent>();
    let head = { position: this.description.firstPosition! - 1n, hash: GENESIS_HASH, signed: false };
    for (const row of lookups.rows) {
      if (row.kind === 'revision') streamRevisions.set(row.stream, Number(row.revision));
      else if (row.kind === 'head')
        head = { position: BigInt(row.position), hash: row.hash, signed: row.signed === true };
      else
        existingEvents.set(
          row.event_id,
          existingEvent(decodeRecord(row.record, BigInt(row.position), row.hash)),
        );
    }
    return planAppendBatch(
      appends,
      { streamRevisions, existingEvents },
      head,
      this.clock().toISOString(),
      this.signer,
    );
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const count = pageSize(options.maxCount);
    const backwards = options.direction === 'backwards';
    const result = await this.pool.query<PgRow>(
      backwards
        ? `SELECT position, hash, record FROM ${this.table} WHERE stream = $1 AND revision <= $2 ORDER BY revision DESC LIMIT $3`
        : `SELECT position, hash, record FROM ${this.table} WHERE stream = $1 AND revision >= $2 ORDER BY revision LIMIT $3`,
      [stream, options.fromRevision ?? (backwards ? 2 ** 31 - 1 : 0), count],
    );
    return result.rows.map((row) => decodeRecord(row.record, BigInt(row.position), row.hash));
  }

  async streamRevision(stream: string): Promise<number> {
    const result = await this.pool.query<{ revision: number }>(
      `SELECT revision FROM ${this.table} WHERE stream = $1 ORDER BY revision DESC LIMIT 1`,
      [stream],
    );
    return result.rows[0]?.revision ?? -1;
  }

  async headPosition(): Promise<bigint | null> {
    const result = await this.pool.query<{ position: string | null }>(
      `SELECT max(position) AS position FROM ${this.table}`,
    );
    const position = result.rows[0]?.position;
    return position === null || position === undefined ? null : BigInt(position);
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllPage> {
    return decodePage(await this.readRaw(options.after, pageSize(options.maxCount)));
  }

  async readRaw(after: bigint | undefined, maxCount: number): Promise<RawPage> {
    const count = pageSize(maxCount);
    const result = await this.pool.query<PgRow>(
      `SELECT position, hash, record, event_id, stream, revision, ${this.signatureColumns} FROM ${this.table}
       WHERE position > $1 ORDER BY position LIMIT $2`,
      [(after ?? -(2n ** 63n)).toString(), count],
    );
    const rows = result.rows.map((row) => ({
      position: BigInt(row.position),
      hash: row.hash,
      record: row.record,
      eventId: row.event_id,
      stream: row.stream,
      revision: row.revision,
      signer: row.signer,
      signature: row.signature,
    }));
    return { rows, lastPosition: rows[rows.length - 1]?.position ?? after, isEnd: rows.length < count };
  }

  subscribe(options?: SubscribeOptions): Observable<StoredEvent> {
    return pollingSubscription((read) => this.readAll(read), this.appended, options);
  }

  async close(): Promise<void> {
    this.appended.complete();
    await this.pool.end();
  }
}

export function parsePostgresUrl(url: string): {
  connectionString: string;
  schema: string;
  location: string;
} {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new StoreOpenError(`'${url}' is not a valid postgres:// URL`);
  }
  const schema = parsed.searchParams.get('schema') ?? 'bcl';
  if (!SCHEMA_NAME_PATTERN.test(schema)) {
    throw new StoreOpenError(`schema '${schema}' must be a lower-case SQL identifier`);
  }
  parsed.searchParams.delete('schema');
  const connectionString = parsed.toString();
  parsed.password = '';
  const location = `${parsed.protocol}//${parsed.username ? `${parsed.username}@` : ''}${parsed.host}${parsed.pathname} (schema ${schema})`;
  return { connectionString, schema, location };
}

async function initialise(
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
    await client.query(`CREATE TABLE IF NOT EXISTS "${schema}".events (
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
      UNIQUE (stream, revision))`);
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
async function addSignatureColumns(pool: Pool, schema: string): Promise<boolean> {
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
async function readExisting(pool: Pool, schema: string, location: string): Promise<bigint> {
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
