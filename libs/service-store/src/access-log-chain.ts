import { createHash } from 'node:crypto';
import { canonicalJson } from '@bcl/event-store';
import type { AccessEntry } from './service-store';
import { SqlConnection, SqlRow } from './sql-connection';

/**
 * The access log's hash chain: each entry written since the chain began has a link (in its own table, so
 * older stores need no column added) holding SHA-256 of the previous link's hash and the entry as stored.
 * Entries written before (by a service without the chain) are a legacy prefix, counted but not checked.
 */
export const ACCESS_LOG_CHAIN_DDL: Record<SqlConnection['dialect'], string> = {
  sqlite: 'CREATE TABLE IF NOT EXISTS access_log_chain (id INTEGER PRIMARY KEY, hash TEXT NOT NULL)',
  postgres: 'CREATE TABLE IF NOT EXISTS access_log_chain (id BIGINT PRIMARY KEY, hash TEXT NOT NULL)',
};

/** An access-log entry to record: an `AccessEntry` without the id the store gives it. */
export type NewAccessEntry = Omit<AccessEntry, 'id'>;

export interface AccessLogVerification {
  ok: boolean;
  entries: number;
  /** Entries before the first chained one (written before the chain began): not checked. */
  legacyEntries: number;
  chainedEntries: number;
  /** The last link: an auditor who keeps it can later tell a truncated log (the chain alone cannot). */
  headId: number | null;
  headHash: string | null;
  /** Every break counted; the first ones kept, by entry id. */
  breaks: number;
  firstBreaks: { id: number; message: string }[];
}

const PAGE_ENTRIES = 1000;
const BREAKS_KEPT = 20;

/** The link of an entry: the previous link's hash ('' for the first) and the entry's stored columns. */
function linkHash(previous: string, row: SqlRow): string {
  const entry = {
    id: String(row.id),
    at: String(row.at),
    subject: String(row.subject),
    roles: String(row.roles),
    method: String(row.method),
    resource: String(row.resource),
    status: String(row.status),
    correlationId: String(row.correlation_id),
  };
  return createHash('sha256')
    .update(`${previous}\n${canonicalJson(entry)}`, 'utf8')
    .digest('hex');
}

/**
 * Appends entries, in order, each with its link, inside the caller's transaction (a batch of the service store's
 * write queue); the chain's head is read under a lock (SQLite's write lock, or an advisory lock on PostgreSQL held
 * to the commit), so two writers (two API processes) cannot fork it.
 */
export async function appendAccessEntries(
  tx: Pick<SqlConnection, 'dialect' | 'query'>,
  entries: NewAccessEntry[],
): Promise<void> {
  if (tx.dialect === 'postgres') await tx.query("SELECT pg_advisory_xact_lock(hashtext('bcl-access-log'))");
  const [head] = await tx.query('SELECT hash FROM access_log_chain ORDER BY id DESC LIMIT 1');
  let previous = head ? String(head.hash) : '';
  for (const entry of entries) {
    const [row] = await tx.query(
      'INSERT INTO access_log (at, subject, roles, method, resource, status, correlation_id) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *',
      [
        entry.at,
        entry.subject,
        entry.roles.join(' '),
        entry.method,
        entry.resource,
        entry.status,
        entry.correlationId,
      ],
    );
    previous = linkHash(previous, row!);
    await tx.query('INSERT INTO access_log_chain (id, hash) VALUES ($1, $2)', [Number(row!.id), previous]);
  }
}

/**
 * Walks the access log in id order, a page at a time, recomputing each link: an edited entry breaks its own
 * link, a deleted one (with its link) the next entry's, an entry without a link after the chain began (written
 * around the service) is a break too, and so is a link whose entry is gone. A log truncated with its links, or
 * rewritten whole with new links, cannot be told from the chain alone: keep `headHash` to compare later.
 */
export async function verifyAccessLogChain(
  sql: Pick<SqlConnection, 'query'>,
): Promise<AccessLogVerification> {
  const result: AccessLogVerification = {
    ok: true,
    entries: 0,
    legacyEntries: 0,
    chainedEntries: 0,
    headId: null,
    headHash: null,
    breaks: 0,
    firstBreaks: [],
  };
  const broken = (id: number, message: string) => {
    result.breaks += 1;
    if (result.firstBreaks.length < BREAKS_KEPT) result.firstBreaks.push({ id, message });
  };
  let previous: string | null = null;
  for (let after = 0; ;) {
    const page = await sql.query(
      'SELECT a.*, c.hash AS link FROM access_log a LEFT JOIN access_log_chain c ON c.id = a.id WHERE a.id > $1 ORDER BY a.id LIMIT $2',
      [after, PAGE_ENTRIES],
    );
    for (const row of page) {
      const id = Number(row.id);
      result.entries += 1;
      if (row.link === null || row.link === undefined) {
        if (previous === null) result.legacyEntries += 1;
        else broken(id, 'an entry without a link, after the chain began (written around the service?)');
        continue;
      }
      const link = String(row.link);
      if (link !== linkHash(previous ?? '', row))
        broken(
          id,
          'its link does not match the entry and the link before it (the entry edited, or one before it removed)',
        );
      result.chainedEntries += 1;
      previous = link;
      result.headId = id;
      result.headHash = link;
    }
    if (page.length < PAGE_ENTRIES) break;
    after = Number(page[page.length - 1]!.id);
  }
  const [orphans] = await sql.query(
    'SELECT COUNT(*) AS n, MIN(c.id) AS first FROM access_log_chain c WHERE NOT EXISTS (SELECT 1 FROM access_log a WHERE a.id = c.id)',
  );
  if (Number(orphans?.n ?? 0) > 0)
    broken(Number(orphans!.first), `${Number(orphans!.n)} links whose entries are gone (entries deleted)`);
  result.ok = result.breaks === 0;
  return result;
}
