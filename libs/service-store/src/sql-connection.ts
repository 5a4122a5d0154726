import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Database, Statement } from 'better-sqlite3';
import type { Pool, PoolClient } from 'pg';
import { StoreMissingError, StoreOpenError } from '@bcl/event-store';

// The drivers (better-sqlite3, pg) are loaded when a connection is opened, not when this module is: a program
// that imports the service store but never opens one (the CLI's offline `bcl verify --file`) loads no driver.

export type SqlValue = string | number | null;
export type SqlRow = Record<string, unknown>;

/** The little SQL the service store needs, written once with `$1`-style parameters for both dialects. */
export interface SqlConnection {
  readonly dialect: 'sqlite' | 'postgres';
  readonly location: string;
  query(sql: string, params?: SqlValue[]): Promise<SqlRow[]>;
  /** Runs `work` in one transaction: all of its statements commit, or none. */
  transaction<T>(
    work: (sql: Omit<SqlConnection, 'transaction' | 'close' | 'hasTable'>) => Promise<T>,
  ): Promise<T>;
  /** Whether the table is there (in the connection's schema). */
  hasTable(name: string): Promise<boolean>;
  close(): Promise<void>;
}

/** At most this many prepared statements are kept per SQLite connection (the service store uses a few dozen). */
export const PREPARED_STATEMENTS_MAX = 128;

/**
 * The SQLite connection's prepared statements, by SQL text (with `$n` parameters rewritten to `?` once, and the
 * order they bind in): preparing is a large share of a short write, so each text is prepared once. Bounded: the
 * statement used least recently is dropped when a new one would exceed PREPARED_STATEMENTS_MAX (texts built
 * with a variable number of placeholders, such as `IN (...)`, are many).
 */
class PreparedStatements {
  private readonly cache = new Map<string, { statement: Statement; order: number[] }>();

  constructor(private readonly db: Database) {}

  get(sql: string): { statement: Statement; order: number[] } {
    const cached = this.cache.get(sql);
    if (cached) {
      this.cache.delete(sql); // re-inserted: the map's order is least recently used first
      this.cache.set(sql, cached);
      return cached;
    }
    const order: number[] = [];
    const text = sql.replace(/\$(\d+)/g, (_match, index: string) => {
      order.push(Number(index) - 1);
      return '?';
    });
    const prepared = { statement: this.db.prepare(text), order };
    if (this.cache.size >= PREPARED_STATEMENTS_MAX) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(sql, prepared);
    return prepared;
  }

  clear(): void {
    this.cache.clear();
  }
}

/** `mustExist`: open only a file that is there, creating no file or directory. */
export async function openSqliteConnection(path: string, mustExist = false): Promise<SqlConnection> {
  const { default: Database } = await import('better-sqlite3');
  if (mustExist && (path === ':memory:' || !existsSync(path)))
    throw new StoreMissingError(`no service store at ${path}`);
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const db = new Database(path, { fileMustExist: mustExist });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  const statements = new PreparedStatements(db);
  const runOn =
    (prepared: PreparedStatements) =>
    async (sql: string, params: SqlValue[] = []): Promise<SqlRow[]> => {
      const { statement, order } = prepared.get(sql);
      const ordered = order.map((index) => params[index]!);
      return statement.reader ? (statement.all(...ordered) as SqlRow[]) : (statement.run(...ordered), []);
    };
  const run = runOn(statements);
  // A read outside a transaction has a connection of its own (WAL gives it the last commit), so it never sees
  // the rows of a transaction still open on `db`, which awaits between its statements and may yet roll back.
  const reader =
    path === ':memory:' ? undefined : new Database(path, { readonly: true, fileMustExist: true });
  reader?.pragma('busy_timeout = 5000');
  const read = reader && runOn(new PreparedStatements(reader));
  const query = (sql: string, params?: SqlValue[]) =>
    read && statements.get(sql).statement.reader ? read(sql, params) : run(sql, params);
  let queue: Promise<unknown> = Promise.resolve();
  return {
    dialect: 'sqlite',
    location: path,
    query,
    hasTable: async (name) =>
      (await run("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = $1", [name])).length > 0,
    // better-sqlite3 is synchronous, but `work` may await between statements: serialise transactions.
    transaction<T>(work: (sql: Pick<SqlConnection, 'dialect' | 'location' | 'query'>) => Promise<T>) {
      const next = queue.then(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work({ dialect: 'sqlite', location: path, query: run });
          db.exec('COMMIT');
          return result;
        } catch (error) {
          // SQLite may have rolled back already (a full disk at COMMIT): then there is nothing to undo.
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      });
      queue = next.catch(() => undefined);
      return next;
    },
    close: async () => {
      await queue;
      statements.clear();
      reader?.close();
      db.close();
    },
  };
}

/** `mustExist`: create no schema (a missing one is found by `hasTable`). */
export async function openPostgresConnection(url: string, mustExist = false): Promise<SqlConnection> {
  const { parsePostgresUrl } = await import('@bcl/event-store-postgres');
  const { connectionString, schema, location } = parsePostgresUrl(url);
  const { Pool } = await import('pg');
  const pool = new Pool({
    connectionString,
    max: 4,
    connectionTimeoutMillis: 15_000,
    options: `-c search_path="${schema}"`,
  });
  pool.on('error', () => undefined);
  const on =
    (client: Pool | PoolClient) =>
    async (sql: string, params: SqlValue[] = []) =>
      (await client.query(sql, params)).rows as SqlRow[];
  const connection: SqlConnection = {
    dialect: 'postgres',
    location,
    query: on(pool),
    hasTable: async (name) =>
      (await on(pool)('SELECT to_regclass($1) AS found', [`"${schema}".${name}`]))[0]?.found != null,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({ dialect: 'postgres', location, query: on(client) });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
  if (mustExist) return connection; // creates no schema: a missing one has no tables, and is refused as such
  try {
    // The same lock the event store takes to create this schema: the two open at once when a service starts.
    await connection.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`bcl-schema:${schema}`]);
      await tx.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    });
  } catch (error) {
    await pool.end();
    throw new StoreOpenError(`cannot open the service store at ${location}: ${(error as Error).message}`);
  }
  return connection;
}
