import { Pool } from 'pg';
import { Observable, Subject } from 'rxjs';
import {
  AppendOutcome,
  AppendResult,
  decodeRecord,
  EventStore,
  ExpectedRevision,
  GroupCommitQueue,
  NewEvent,
  pageSize,
  pollingSubscription,
  PreparedAppend,
  RawPage,
  ReadAllOptions,
  ReadAllPage,
  ReadStreamOptions,
  Signer,
  StoreDescription,
  StoredEvent,
  StoreOpenError,
  SubscribeOptions,
  VerifiableRow,
} from '@bcl/event-store';
import { PostgresAppender } from './postgres-append';
import { addSignatureColumns, initialise, readExisting } from './postgres-schema';

export interface PostgresEventStoreOptions {
  firstPosition?: bigint;
  clock?: () => Date;
  /** Connections in the pool; one of them writes at a time. */
  poolSize?: number;
  /** Open only a ledger that is already there: no schema or table is created (read-only tools). */
  mustExist?: boolean;
  /** Signs every event appended through this store (its key id and signature are kept beside the record). */
  signer?: Signer;
  /**
   * Autocommit calls of the append function a batch makes, each planned from what the last one found, before
   * it is planned under the lock in a transaction (default 3; 0: always under the lock, as tests use).
   */
  optimisticAppendCalls?: number;
}

/** A row of readAll and readStream (`rowMode: 'array'`): position (int8, as text), hash, record. */
type EventPgRow = [position: string, hash: string, record: string];

/** A row of readRaw: position, hash, record, event id, stream, revision, signer, signature. */
type RawPgRow = [string, string, string, string, string, number, string | null, string | null];

const SCHEMA_NAME_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * PostgreSQL store. Every append transaction takes one transaction-scoped advisory lock before it picks
 * positions, so positions are handed out in commit order: a reader that has seen position N will never
 * later find an event below N commit. Appends from one process are group-committed, and a batch is usually
 * written by one autocommit call of the schema's append function (see PostgresAppender).
 */
export class PostgresEventStore implements EventStore {
  readonly description: StoreDescription;
  private readonly appended = new Subject<void>();
  private readonly queue = new GroupCommitQueue((appends) => this.commit(appends));
  private readonly table: string;
  private readonly appender: PostgresAppender;

  private constructor(
    private readonly pool: Pool,
    schema: string,
    location: string,
    firstPosition: bigint,
    clock: () => Date,
    signer: Signer | undefined,
    hasSignatureColumns: boolean,
    appendFunctionReady: boolean,
    optimisticAppendCalls: number | undefined,
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
    this.appender = new PostgresAppender(
      pool,
      schema,
      location,
      firstPosition,
      clock,
      signer,
      appendFunctionReady,
      optimisticAppendCalls,
    );
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
        !options.mustExist, // a writer's open created the append function; a read-only open creates nothing
        options.optimisticAppendCalls,
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

  private async commit(appends: PreparedAppend[]): Promise<AppendOutcome[]> {
    const { outcomes, wrote } = await this.appender.commit(appends);
    if (wrote) this.appended.next();
    return outcomes;
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const count = pageSize(options.maxCount);
    const backwards = options.direction === 'backwards';
    const result = await this.pool.query<EventPgRow>({
      text: backwards
        ? `SELECT position, hash, record FROM ${this.table} WHERE stream = $1 AND revision <= $2 ORDER BY revision DESC LIMIT $3`
        : `SELECT position, hash, record FROM ${this.table} WHERE stream = $1 AND revision >= $2 ORDER BY revision LIMIT $3`,
      values: [stream, options.fromRevision ?? (backwards ? 2 ** 31 - 1 : 0), count],
      rowMode: 'array',
    });
    return decodeEventRows(result.rows);
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

  /**
   * The same page as `decodePage(readRaw(…))`, read without the columns an event does not need: array rows
   * (`rowMode: 'array'`), each record parsed once straight into its event, no row object between.
   */
  async readAll(options: ReadAllOptions = {}): Promise<ReadAllPage> {
    const count = pageSize(options.maxCount);
    const after = options.after;
    const result = await this.pool.query<EventPgRow>({
      text: `SELECT position, hash, record FROM ${this.table} WHERE position > $1 ORDER BY position LIMIT $2`,
      values: [(after ?? -(2n ** 63n)).toString(), count],
      rowMode: 'array',
    });
    const events = decodeEventRows(result.rows);
    return {
      events,
      lastPosition: events[events.length - 1]?.position ?? after,
      isEnd: events.length < count,
    };
  }

  /** Rows as arrays (`rowMode: 'array'`): no per-row object from pg before the page's own. */
  async readRaw(after: bigint | undefined, maxCount: number): Promise<RawPage> {
    const count = pageSize(maxCount);
    const result = await this.pool.query<RawPgRow>({
      text: `SELECT position, hash, record, event_id, stream, revision, ${this.signatureColumns} FROM ${this.table}
       WHERE position > $1 ORDER BY position LIMIT $2`,
      values: [(after ?? -(2n ** 63n)).toString(), count],
      rowMode: 'array',
    });
    const found = result.rows;
    const rows = new Array<VerifiableRow>(found.length);
    for (let i = 0; i < found.length; i += 1) {
      const [position, hash, record, eventId, stream, revision, signer, signature] = found[i]!;
      rows[i] = { position: BigInt(position), hash, record, eventId, stream, revision, signer, signature };
    }
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

/** Each row's record parsed once, with its position and hash set beside it. */
function decodeEventRows(rows: EventPgRow[]): StoredEvent[] {
  const events = new Array<StoredEvent>(rows.length);
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i]!;
    events[i] = decodeRecord(row[2], BigInt(row[0]), row[1]);
  }
  return events;
}
