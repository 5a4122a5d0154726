import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
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
  const run = async (sql: string, params: SqlValue[] = []): Promise<SqlRow[]> => {
    const ordered: SqlValue[] = [];
    const text = sql.replace(/\$(\d+)/g, (_match, index: string) => {
      ordered.push(params[Number(index) - 1]!);
      return '?';
    });
    const statement = db.prepare(text);
    return statement.reader ? (statement.all(...ordered) as SqlRow[]) : (statement.run(...ordered), []);
  };
  let queue: Promise<unknown> = Promise.resolve();
  return {
    dialect: 'sqlite',
    location: path,
    query: run,
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
          db.exec('ROLLBACK');
          throw error;
        }
      });
      queue = next.catch(() => undefined);
      return next;
    },
    close: async () => {
      await queue;
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
