import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Observable, Subject } from 'rxjs';
import {
  AppendBatchPlan,
  AppendOutcome,
  AppendResult,
  checkStoreFormat,
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
import { decodeEventRows, EventColumns, VerifiableColumns, verifiableRows } from './sqlite-rows';

export interface SqliteEventStoreOptions {
  /** Position of the first event, fixed when the store is created. */
  firstPosition?: bigint;
  clock?: () => Date;
  /** Open only a ledger that is already there: no file, directory or table is created (read-only tools). */
  mustExist?: boolean;
  /** Signs every event appended through this store (its key id and signature are kept beside the record). */
  signer?: Signer;
}

interface HeadRow {
  position: bigint;
  hash: string;
  recorded_at: string;
  signed: bigint;
}

interface EventByIdRow {
  position: bigint;
  hash: string;
  record: string;
  event_id: string;
}

/** The store's tables (exported for `bcl bench`'s same-work floor, which writes the same table bare). */
export const SQLITE_SCHEMA = `
CREATE TABLE IF NOT EXISTS bcl_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS bcl_events (
  position    INTEGER PRIMARY KEY,
  event_id    TEXT NOT NULL UNIQUE,
  stream      TEXT NOT NULL,
  revision    INTEGER NOT NULL,
  type        TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  record      TEXT NOT NULL,
  hash        TEXT NOT NULL,
  signer      TEXT,
  signature   TEXT,
  UNIQUE (stream, revision)
) STRICT;
`;

/** With journal_mode = WAL (and SQLite's default page size): an append is on the disk when it resolves. */
export const SQLITE_SYNCHRONOUS = 'FULL';

/** The columns signing added; a store created before them gains them at open (no event changes). */
const SIGNATURE_COLUMNS = ['signer', 'signature'] as const;

/**
 * The embedded default store. WAL journal with synchronous=FULL: an append has reached the disk when its
 * promise resolves. Appends from one process are group-committed; appends from several processes are
 * serialised by SQLite's write lock (BEGIN IMMEDIATE), which is also what makes positions commit in order.
 */
export class SqliteEventStore implements EventStore {
  readonly description: StoreDescription;
  private readonly appended = new Subject<void>();
  private readonly queue = new GroupCommitQueue((appends) => Promise.resolve(this.commit(appends)));
  private readonly clock: () => Date;
  private readonly statements;
  /** Built once: better-sqlite3 wraps planAndInsert in BEGIN IMMEDIATE … COMMIT. */
  private readonly writeBatch: Database.Transaction<(appends: PreparedAppend[]) => AppendBatchPlan>;

  private constructor(
    private readonly db: Database.Database,
    location: string,
    firstPosition: bigint,
    clock: () => Date,
    private readonly signer: Signer | undefined,
    hasSignatureColumns: boolean,
  ) {
    this.description = {
      kind: 'sqlite',
      location,
      contiguousPositions: true,
      globallyUniqueEventIds: true,
      firstPosition,
    };
    this.clock = clock;
    const prepare = (sql: string) => db.prepare(sql).safeIntegers(true);
    // rows as arrays in column order (no object per row): the reads that return many rows
    const prepareRaw = (sql: string) => prepare(sql).raw(true);
    // A store whose file could not gain the signature columns (read-only) reads its events as unsigned.
    const signature = hasSignatureColumns ? 'signer, signature' : 'NULL AS signer, NULL AS signature';
    this.statements = {
      // ORDER BY … LIMIT 1 is an index seek; MAX(revision) … WHERE stream = ? scans the whole stream.
      streamRevision: prepare(
        'SELECT revision FROM bcl_events WHERE stream = ? ORDER BY revision DESC LIMIT 1',
      ),
      eventsById: prepare(
        'SELECT position, hash, record, event_id, stream, revision FROM bcl_events WHERE event_id IN (SELECT value FROM json_each(?))',
      ),
      head: prepare(
        `SELECT position, hash, recorded_at, ${hasSignatureColumns ? 'signature IS NOT NULL' : '0'} AS signed FROM bcl_events ORDER BY position DESC LIMIT 1`,
      ),
      // prepared only where the columns are: a read-only copy without them is read, as unsigned, and not written.
      // One row per run: a multi-row INSERT (VALUES of 8 to 512 rows) measured no faster, the 256-row one slower
      // (docs/operations.md): the cost is SQLite's B-tree work per row, not the statement runs.
      insert: hasSignatureColumns
        ? db.prepare(
            'INSERT INTO bcl_events (position, event_id, stream, revision, type, recorded_at, record, hash, signer, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
          )
        : null,
      streamForwards: prepareRaw(
        'SELECT position, hash, record FROM bcl_events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?',
      ),
      streamBackwards: prepareRaw(
        'SELECT position, hash, record FROM bcl_events WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?',
      ),
      // replay reads only what an event is made of; verification reads the index columns too
      allEvents: prepareRaw(
        'SELECT position, hash, record FROM bcl_events WHERE position > ? ORDER BY position LIMIT ?',
      ),
      allRows: prepareRaw(
        `SELECT position, hash, record, event_id, stream, revision, ${signature} FROM bcl_events WHERE position > ? ORDER BY position LIMIT ?`,
      ),
    };
    this.writeBatch = db.transaction((appends: PreparedAppend[]) => this.planAndInsert(appends));
  }

  /** Opens or creates the store at `path`. Fails with a one-line StoreOpenError if it cannot be used. */
  static open(path: string, options: SqliteEventStoreOptions = {}): SqliteEventStore {
    const location = path === ':memory:' ? path : resolve(path);
    const db = options.mustExist ? openExisting(location) : openOrCreate(location);
    try {
      setJournalMode(db);
      db.pragma(`synchronous = ${SQLITE_SYNCHRONOUS}`);
      db.pragma('busy_timeout = 30000');
      db.exec(SQLITE_SCHEMA);
    } catch (error) {
      db.close();
      throw new StoreOpenError(`cannot open SQLite store at ${location}: ${(error as Error).message}`);
    }
    try {
      const firstPosition = initialiseMeta(db, location, options.firstPosition ?? 1n);
      return new SqliteEventStore(
        db,
        location,
        firstPosition,
        options.clock ?? (() => new Date()),
        options.signer,
        addSignatureColumns(db),
      );
    } catch (error) {
      db.close();
      throw error;
    }
  }

  append(stream: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    return this.queue.submit(stream, events, expectedRevision);
  }

  private commit(appends: PreparedAppend[]): AppendOutcome[] {
    let plan: AppendBatchPlan;
    try {
      plan = this.writeBatch.immediate(appends);
    } catch (error) {
      // SQLite reports a write refused for want of space (ENOSPC) as SQLITE_FULL; the transaction is then rolled
      // back (by SQLite, or by better-sqlite3's wrapper), so nothing was written. Other I/O errors stay as they are.
      if ((error as { code?: unknown }).code === 'SQLITE_FULL' && !this.db.inTransaction)
        throw new StorageFullError(this.description.location, error as Error);
      throw error;
    }
    if (plan.rows.length > 0) this.appended.next();
    return plan.outcomes;
  }

  /** One group commit: look up, plan and insert, inside one BEGIN IMMEDIATE transaction. */
  private planAndInsert(appends: PreparedAppend[]): AppendBatchPlan {
    const streamRevisions = new Map<string, number>();
    const existingEvents = new Map<string, ExistingEvent>();
    for (const stream of new Set(appends.map((append) => append.stream))) {
      const found = this.statements.streamRevision.get(stream) as { revision: bigint } | undefined;
      if (found) streamRevisions.set(stream, Number(found.revision));
    }
    const ids = JSON.stringify(appends.flatMap((append) => append.events.map((event) => event.eventId)));
    for (const row of this.statements.eventsById.all(ids) as EventByIdRow[]) {
      existingEvents.set(row.event_id, existingEvent(decodeRecord(row.record, row.position, row.hash)));
    }
    // Read under the write lock, so it is the head of the log whichever process wrote it last; the plan records
    // its events no earlier than the head's recorded_at.
    const last = this.statements.head.get() as HeadRow | undefined;
    const head = last
      ? { position: last.position, hash: last.hash, signed: last.signed === 1n, recordedAt: last.recorded_at }
      : {
          position: this.description.firstPosition! - 1n,
          hash: GENESIS_HASH,
          signed: false,
          recordedAt: null,
        };
    const plan = planAppendBatch(
      appends,
      { streamRevisions, existingEvents },
      head,
      this.clock().toISOString(),
      this.signer,
    );
    const insert = this.statements.insert;
    if (plan.rows.length > 0 && !insert) {
      throw new StoreOpenError(
        `the SQLite store at ${this.description.location} could not gain its signer and signature columns (it is read-only): it can be read, not written`,
      );
    }
    for (const row of plan.rows) {
      insert!.run(
        row.position,
        row.eventId,
        row.stream,
        row.revision,
        row.type,
        row.recordedAt,
        row.record,
        row.hash,
        row.signer,
        row.signature,
      );
    }
    return plan;
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const count = pageSize(options.maxCount);
    const rows = (
      options.direction === 'backwards'
        ? this.statements.streamBackwards.all(stream, options.fromRevision ?? Number.MAX_SAFE_INTEGER, count)
        : this.statements.streamForwards.all(stream, options.fromRevision ?? 0, count)
    ) as EventColumns[];
    return decodeEventRows(rows);
  }

  async streamRevision(stream: string): Promise<number> {
    const found = this.statements.streamRevision.get(stream) as { revision: bigint } | undefined;
    return found ? Number(found.revision) : -1;
  }

  async headPosition(): Promise<bigint | null> {
    const head = this.statements.head.get() as { position: bigint } | undefined;
    return head?.position ?? null;
  }

  /** The same page as `decodePage(readRaw(…))`, read without the columns an event does not need. */
  async readAll(options: ReadAllOptions = {}): Promise<ReadAllPage> {
    const count = pageSize(options.maxCount);
    const after = options.after;
    const events = decodeEventRows(
      this.statements.allEvents.all(after ?? -(2n ** 63n), count) as EventColumns[],
    );
    return {
      events,
      lastPosition: events[events.length - 1]?.position ?? after,
      isEnd: events.length < count,
    };
  }

  async readRaw(after: bigint | undefined, maxCount: number): Promise<RawPage> {
    const count = pageSize(maxCount);
    const rows = verifiableRows(
      this.statements.allRows.all(after ?? -(2n ** 63n), count) as VerifiableColumns[],
    );
    return { rows, lastPosition: rows[rows.length - 1]?.position ?? after, isEnd: rows.length < count };
  }

  subscribe(options?: SubscribeOptions): Observable<StoredEvent> {
    return pollingSubscription((read) => this.readAll(read), this.appended, options);
  }

  async close(): Promise<void> {
    this.appended.complete();
    if (this.db.open) this.db.close();
  }
}

function initialiseMeta(db: Database.Database, location: string, firstPosition: bigint): bigint {
  const read = db.prepare('SELECT key, value FROM bcl_meta');
  const write = db.prepare('INSERT OR IGNORE INTO bcl_meta (key, value) VALUES (?, ?)');
  db.transaction(() => {
    if ((read.all() as unknown[]).length > 0) return;
    write.run('format', STORE_FORMAT);
    write.run('format_version', String(STORE_FORMAT_VERSION));
    write.run('first_position', firstPosition.toString());
    write.run('created_at', new Date().toISOString());
  }).immediate();
  const meta = new Map(
    (read.all() as Array<{ key: string; value: string }>).map((row) => [row.key, row.value]),
  );
  return checkStoreFormat(meta, `SQLite store at ${location}`);
}

/**
 * Gives a store created before signing its signer and signature columns (nullable: its events stay unsigned
 * and unchanged). Returns false when the file cannot be changed (opened read-only): it then reads as unsigned.
 */
function addSignatureColumns(db: Database.Database): boolean {
  const missing = () => {
    const columns = new Set(
      (db.prepare('PRAGMA table_info(bcl_events)').all() as Array<{ name: string }>).map((c) => c.name),
    );
    return SIGNATURE_COLUMNS.filter((column) => !columns.has(column));
  };
  if (missing().length === 0) return true;
  try {
    db.transaction(() => {
      for (const column of missing()) db.exec(`ALTER TABLE bcl_events ADD COLUMN ${column} TEXT`);
    }).immediate();
    return true;
  } catch {
    return false;
  }
}

/** WAL, for concurrent readers; a read-only file keeps the mode it has (it is then read, never written). */
function setJournalMode(db: Database.Database): void {
  try {
    db.pragma('journal_mode = WAL');
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'SQLITE_READONLY') throw error;
  }
}

function openOrCreate(location: string): Database.Database {
  try {
    if (location !== ':memory:') mkdirSync(dirname(location), { recursive: true });
    return new Database(location);
  } catch (error) {
    throw new StoreOpenError(`cannot open SQLite store at ${location}: ${(error as Error).message}`);
  }
}

/** The ledger's file, opened only if it exists and holds a ledger (its meta table): creates nothing. */
function openExisting(location: string): Database.Database {
  const missing = new StoreMissingError(`no ledger at ${location}`);
  if (location === ':memory:' || !existsSync(location)) throw missing;
  let db: Database.Database;
  try {
    db = new Database(location, { fileMustExist: true });
  } catch (error) {
    throw new StoreOpenError(`cannot open SQLite store at ${location}: ${(error as Error).message}`);
  }
  let isLedger = false;
  try {
    isLedger =
      db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'bcl_meta'").get() !==
      undefined;
  } catch {
    // not a database at all: refused below as no ledger
  }
  if (!isLedger) {
    db.close();
    throw missing;
  }
  return db;
}
