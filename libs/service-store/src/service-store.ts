import { JsonObject, StoreMissingError, StoreOpenError } from '@bcl/event-store';
import { SqlConnection, SqlRow, openPostgresConnection, openSqliteConnection } from './sql-connection';
import { VerificationRun, insertVerificationRun, latestVerificationRun } from './verification-runs';
import { AccessLogVerification, verifyAccessLogChain } from './access-log-chain';
import { AccessLogBuffer, AccessLogFailureListener } from './access-log-buffer';
import { DurableWriteQueue } from './durable-write-queue';
import { DDL } from './service-store-ddl';
import {
  StoredView,
  VaultEntry,
  storedProjectionNames,
  storedViewPage,
  vaultPage,
  viewAndPrefixed,
  viewsByKey,
  viewsWithPrefix,
} from './stored-views';

export interface ProjectionCheckpoint {
  /** Last global position applied; null before the first event. */
  position: bigint | null;
  /** The projection code's version when it was built; a different version means rebuild. */
  version: number;
}

/** A completed write, kept so that a retry with the same Idempotency-Key gets the same answer. */
export interface IdempotencyRecord {
  /** Who sent it: keys are per caller, so two callers cannot collide. */
  scope: string;
  key: string;
  /** SHA-256 of method, path and canonical body: the same key with another request is refused. */
  requestHash: string;
  status: number;
  body: string;
  headers: Record<string, string>;
  createdAt: string;
}

/** One read of a resource, for the access log (kept apart from the event log, in a chain of its own). */
export interface AccessEntry {
  id?: number;
  at: string;
  subject: string;
  roles: string[];
  method: string;
  resource: string;
  status: number;
  correlationId: string;
}

export interface AccessQuery {
  subject?: string;
  resourcePrefix?: string;
  from?: string;
  to?: string;
  afterId?: number;
  limit: number;
}

/**
 * Everything the service keeps that is not the event log: projection views and checkpoints, idempotency
 * records, the access log, the verification runs, and the personal-data vault. It can be rebuilt (views) or is deliberately outside
 * the hash chain (names, so they can be erased). SQLite or PostgreSQL, through the same SQL.
 */
export class ServiceStore {
  /** Every write of a request goes through this queue: concurrent writes share one commit (one fsync). */
  private readonly writes: DurableWriteQueue;
  private readonly accessLog: AccessLogBuffer;

  private constructor(private readonly sql: SqlConnection) {
    this.writes = new DurableWriteQueue(sql);
    this.accessLog = new AccessLogBuffer(this.writes);
  }

  /** Transactions the write queue has committed (or attempted): fewer than the writes when they were grouped. */
  get writeCommits(): number {
    return this.writes.commits;
  }

  /** Access-log entries recorded but not yet committed (at most ACCESS_LOG_QUEUE_MAX). */
  get accessEntriesWaiting(): number {
    return this.accessLog.waiting;
  }

  /** Called when access-log entries could not be committed (they are kept and retried) or are lost at close. */
  onAccessLogFailure(listener: AccessLogFailureListener): void {
    this.accessLog.failureListeners.push(listener);
  }

  /** Commits every access-log entry recorded so far; rejects if that commit fails. */
  flushAccessLog(): Promise<void> {
    return this.accessLog.flush();
  }

  get location(): string {
    return `${this.sql.dialect}:${this.sql.location}`;
  }

  /** `mustExist`: open only a service store that is already there, creating nothing (read-only tools). */
  static async open(setting: string, options: { mustExist?: boolean } = {}): Promise<ServiceStore> {
    const mustExist = options.mustExist ?? false;
    const sql = setting.startsWith('sqlite:')
      ? await openSqliteConnection(setting.slice('sqlite:'.length), mustExist)
      : /^postgres(ql)?:/.test(setting)
        ? await openPostgresConnection(setting, mustExist)
        : null;
    if (!sql)
      throw new StoreOpenError(`unknown service store '${setting}': use sqlite:<path> or postgres://…`);
    if (mustExist) {
      const found = await sql.hasTable('projection_checkpoints').catch(async (error: Error) => {
        await sql.close();
        throw new StoreOpenError(`cannot open the service store at ${sql.location}: ${error.message}`);
      });
      if (!found) {
        await sql.close();
        throw new StoreMissingError(`no service store at ${sql.location}`);
      }
    }
    await sql.transaction(async (tx) => {
      if (sql.dialect === 'postgres')
        await tx.query("SELECT pg_advisory_xact_lock(hashtext('bcl-service-ddl'))");
      for (const statement of DDL[sql.dialect]) await tx.query(statement);
    });
    return new ServiceStore(sql);
  }

  loadViews(projection: string, keys: string[]): Promise<Map<string, JsonObject>> {
    return viewsByKey(this.sql, projection, keys);
  }

  /** One view and every view whose key starts with `prefix`, from one snapshot (`viewAndPrefixed`). */
  loadViewAndPrefixed(projection: string, key: string, prefix: string, limit: number) {
    return viewAndPrefixed(this.sql, projection, key, prefix, limit);
  }

  /** Views whose key starts with `prefix`, in key order, after `afterKey`. */
  listViews(projection: string, prefix: string, limit: number, afterKey = ''): Promise<JsonObject[]> {
    return viewsWithPrefix(this.sql, projection, prefix, limit, afterKey);
  }

  /** Every projection the store holds views or a checkpoint for (what `bcl verify --views` must account for). */
  storedProjections(): Promise<string[]> {
    return storedProjectionNames(this.sql);
  }

  /** A page of a projection's stored views, as stored, in key order after `afterKey` (for the verification). */
  storedViews(projection: string, afterKey: string | null, limit: number): Promise<StoredView[]> {
    return storedViewPage(this.sql, projection, afterKey, limit);
  }

  /** A page of the personal-data vault in person-id order after `afterId` (for the verification). */
  vaultEntries(afterId: string | null, limit: number): Promise<VaultEntry[]> {
    return vaultPage(this.sql, afterId, limit);
  }

  async checkpoint(projection: string): Promise<ProjectionCheckpoint | undefined> {
    const [row] = await this.sql.query(
      'SELECT position, version FROM projection_checkpoints WHERE projection = $1',
      [projection],
    );
    return row
      ? {
          position: row.position === null ? null : BigInt(String(row.position)),
          version: Number(row.version),
        }
      : undefined;
  }

  /** The hash of the event a projection's stored checkpoint stands on, when it was recorded. */
  async checkpointHash(projection: string): Promise<{ position: bigint; hash: string } | undefined> {
    const [row] = await this.sql.query(
      'SELECT position, hash FROM projection_checkpoint_hashes WHERE projection = $1',
      [projection],
    );
    return row ? { position: BigInt(String(row.position)), hash: String(row.hash) } : undefined;
  }

  /** The hash of the first event of the log this service store was built from, once recorded. */
  async logIdentity(): Promise<string | undefined> {
    const [row] = await this.sql.query('SELECT first_hash FROM log_identity WHERE id = 1');
    return row ? String(row.first_hash) : undefined;
  }

  /** Records which log this service store belongs to; the first record is kept. */
  async recordLogIdentity(firstHash: string): Promise<void> {
    await this.sql.query(
      'INSERT INTO log_identity (id, first_hash) VALUES (1, $1) ON CONFLICT (id) DO NOTHING',
      [firstHash],
    );
  }

  /**
   * Writes a batch of view changes and the checkpoint after them in one transaction, with the hash of the
   * event at the checkpoint (so a log restored from an older backup, or another log, is recognised).
   */
  async commitProjection(
    projection: string,
    version: number,
    changes: Map<string, object>,
    position: bigint,
    hash?: string,
  ): Promise<void> {
    await this.writes.submit(async (tx) => {
      for (const [key, view] of changes)
        await tx.query(
          'INSERT INTO projection_views (projection, key, view) VALUES ($1, $2, $3) ON CONFLICT (projection, key) DO UPDATE SET view = excluded.view',
          [projection, key, JSON.stringify(view)],
        );
      await tx.query(
        'INSERT INTO projection_checkpoints (projection, position, version) VALUES ($1, $2, $3) ON CONFLICT (projection) DO UPDATE SET position = excluded.position, version = excluded.version',
        [projection, position.toString(), version],
      );
      if (hash !== undefined)
        await tx.query(
          'INSERT INTO projection_checkpoint_hashes (projection, position, hash) VALUES ($1, $2, $3) ON CONFLICT (projection) DO UPDATE SET position = excluded.position, hash = excluded.hash',
          [projection, position.toString(), hash],
        );
    });
  }

  /** Drops a projection's views and checkpoint, so it rebuilds from the first event. */
  async resetProjection(projection: string, version: number): Promise<void> {
    await this.writes.submit(async (tx) => {
      await tx.query('DELETE FROM projection_views WHERE projection = $1', [projection]);
      await tx.query('DELETE FROM projection_checkpoint_hashes WHERE projection = $1', [projection]);
      await tx.query(
        'INSERT INTO projection_checkpoints (projection, position, version) VALUES ($1, NULL, $2) ON CONFLICT (projection) DO UPDATE SET position = NULL, version = excluded.version',
        [projection, version],
      );
    });
  }

  async findIdempotencyRecord(scope: string, key: string): Promise<IdempotencyRecord | undefined> {
    const [row] = await this.sql.query('SELECT * FROM idempotency_records WHERE scope = $1 AND key = $2', [
      scope,
      key,
    ]);
    return row ? toIdempotencyRecord(row) : undefined;
  }

  /** Keeps the first record for a key; returns the record that is kept (once it is durable). */
  saveIdempotencyRecord(record: IdempotencyRecord): Promise<IdempotencyRecord> {
    return this.writes.submit(async (tx) => {
      await tx.query(
        'INSERT INTO idempotency_records (scope, key, request_hash, status, body, headers, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (scope, key) DO NOTHING',
        [
          record.scope,
          record.key,
          record.requestHash,
          record.status,
          record.body,
          JSON.stringify(record.headers),
          record.createdAt,
        ],
      );
      const [kept] = await tx.query('SELECT * FROM idempotency_records WHERE scope = $1 AND key = $2', [
        record.scope,
        record.key,
      ]);
      return toIdempotencyRecord(kept!);
    });
  }

  /**
   * Queues a read for the access log (in order), to be committed with its hash-chain link (`access-log-chain.ts`)
   * within ACCESS_LOG_FLUSH_DELAY_MS (`access-log-buffer.ts`); resolves once queued, or after a commit when the
   * queue is full.
   */
  recordAccess(entry: AccessEntry): Promise<void> {
    const { id: _id, ...recorded } = entry;
    return this.accessLog.record(recorded);
  }

  /** Recomputes the access log's chain (after committing what is queued): see `verifyAccessLogChain`. */
  async verifyAccessLog(): Promise<AccessLogVerification> {
    await this.accessLog.flush();
    return verifyAccessLogChain(this.sql);
  }

  /** Entries matching the query, including every entry recorded before it (the queue is committed first). */
  async queryAccess(query: AccessQuery): Promise<AccessEntry[]> {
    await this.accessLog.flush();
    const rows = await this.sql.query(
      `SELECT * FROM access_log WHERE id > $1 AND ($2 = '' OR subject = $2) AND resource >= $3 AND resource < $4
       AND at >= $5 AND at <= $6 ORDER BY id LIMIT $7`,
      [
        query.afterId ?? 0,
        query.subject ?? '',
        query.resourcePrefix ?? '',
        `${query.resourcePrefix ?? ''}\uffff`,
        query.from ?? '',
        query.to ?? '\uffff',
        query.limit,
      ],
    );
    return rows.map((row) => ({
      id: Number(row.id),
      at: String(row.at),
      subject: String(row.subject),
      roles: String(row.roles).split(' ').filter(Boolean),
      method: String(row.method),
      resource: String(row.resource),
      status: Number(row.status),
      correlationId: String(row.correlation_id),
    }));
  }

  /** Keeps one run of the hash-chain verification (never in the event log: it is not a business fact). */
  recordVerification(run: VerificationRun): Promise<void> {
    return insertVerificationRun(this.sql, run);
  }

  /** The verification run recorded last, or undefined when the record was never verified here. */
  lastVerification(): Promise<VerificationRun | undefined> {
    return latestVerificationRun(this.sql);
  }

  async putPersonalData(personId: string, displayName: string): Promise<void> {
    await this.writes.submit((tx) =>
      tx.query(
        'INSERT INTO personal_data (person_id, display_name, erased_at) VALUES ($1, $2, NULL) ON CONFLICT (person_id) DO UPDATE SET display_name = excluded.display_name WHERE personal_data.erased_at IS NULL',
        [personId, displayName],
      ),
    );
  }

  /** Display names by person id; erased people map to null. */
  async displayNames(personIds: string[]): Promise<Map<string, string | null>> {
    const names = new Map<string, string | null>();
    if (personIds.length === 0) return names;
    const placeholders = personIds.map((_, index) => `$${index + 1}`).join(', ');
    const rows = await this.sql.query(
      `SELECT person_id, display_name FROM personal_data WHERE person_id IN (${placeholders})`,
      personIds,
    );
    for (const row of rows)
      names.set(String(row.person_id), row.display_name === null ? null : String(row.display_name));
    return names;
  }

  /** Removes the name for good; the person's pseudonymous id, and every event, stay as they were. */
  async erasePersonalData(personId: string, at: string): Promise<void> {
    await this.writes.submit((tx) =>
      tx.query(
        'INSERT INTO personal_data (person_id, display_name, erased_at) VALUES ($1, NULL, $2) ON CONFLICT (person_id) DO UPDATE SET display_name = NULL, erased_at = excluded.erased_at',
        [personId, at],
      ),
    );
  }

  /**
   * Commits a one-row write, and the access log's queue: fails when the store cannot write (a full disk, a
   * read-only file, no server) or access-log entries cannot be committed.
   */
  async probeWrite(): Promise<void> {
    await this.writes.submit((tx) =>
      tx.query(
        'INSERT INTO health_probe (id, at) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET at = excluded.at',
        [new Date().toISOString()],
      ),
    );
    await this.accessLog.flush().catch((error: Error) => {
      throw new Error(`${this.accessLog.waiting} access-log entries cannot be committed: ${error.message}`);
    });
  }

  /** Commits the access log's queue and every submitted write, then closes (a clean shutdown loses nothing). */
  async close(): Promise<void> {
    await this.accessLog.close();
    await this.writes.close();
    await this.sql.close();
  }
}

function toIdempotencyRecord(row: SqlRow): IdempotencyRecord {
  return {
    scope: String(row.scope),
    key: String(row.key),
    requestHash: String(row.request_hash),
    status: Number(row.status),
    body: String(row.body),
    headers: JSON.parse(String(row.headers)) as Record<string, string>,
    createdAt: String(row.created_at),
  };
}

/**
 * Where the service store lives when LEDGER_SERVICE_STORE is not set: beside the event log. A SQLite log at
 * `x.db` gets `x.service.db`; a PostgreSQL log shares its database and schema; an in-memory log gets an
 * in-memory SQLite; an EventStoreDB log gets `./data/service.db`.
 */
export function defaultServiceStoreFor(ledgerSetting: string): string {
  if (ledgerSetting.startsWith('sqlite:')) return ledgerSetting.replace(/(\.db)?$/, '.service.db');
  if (/^postgres(ql)?:/.test(ledgerSetting)) return ledgerSetting;
  if (ledgerSetting.startsWith('memory:')) return 'sqlite::memory:';
  return 'sqlite:./data/service.db';
}
