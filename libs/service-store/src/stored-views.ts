import { JsonObject } from '@bcl/event-store';
import { SqlConnection } from './sql-connection';

type Sql = Pick<SqlConnection, 'query'>;

/** One stored view as the verification reads it: its key and its JSON text as stored (unparsed). */
export interface StoredView {
  key: string;
  json: string;
}

/** One row of the personal-data vault: a name, or null once erased (with when). */
export interface VaultEntry {
  personId: string;
  displayName: string | null;
  erasedAt: string | null;
}

/** Every projection the service store holds views or a checkpoint for, by name. */
export async function storedProjectionNames(sql: Sql): Promise<string[]> {
  const rows = await sql.query(
    'SELECT DISTINCT projection FROM projection_views UNION SELECT projection FROM projection_checkpoints',
  );
  return rows.map((row) => String(row.projection)).sort();
}

/** A page of a projection's stored views, in the store's key order, after `afterKey` (all of them, paged). */
export async function storedViewPage(
  sql: Sql,
  projection: string,
  afterKey: string | null,
  limit: number,
): Promise<StoredView[]> {
  const rows =
    afterKey === null
      ? await sql.query(
          'SELECT key, view FROM projection_views WHERE projection = $1 ORDER BY key LIMIT $2',
          [projection, limit],
        )
      : await sql.query(
          'SELECT key, view FROM projection_views WHERE projection = $1 AND key > $2 ORDER BY key LIMIT $3',
          [projection, afterKey, limit],
        );
  return rows.map((row) => ({ key: String(row.key), json: String(row.view) }));
}

/** A page of the personal-data vault, by person id, after `afterId`. */
export async function vaultPage(sql: Sql, afterId: string | null, limit: number): Promise<VaultEntry[]> {
  const rows = await sql.query(
    'SELECT person_id, display_name, erased_at FROM personal_data WHERE person_id > $1 ORDER BY person_id LIMIT $2',
    [afterId ?? '', limit],
  );
  return rows.map((row) => ({
    personId: String(row.person_id),
    displayName: row.display_name === null ? null : String(row.display_name),
    erasedAt: row.erased_at === null ? null : String(row.erased_at),
  }));
}

/** A projection's views under the keys given (missing keys are absent). */
export async function viewsByKey(
  sql: Sql,
  projection: string,
  keys: string[],
): Promise<Map<string, JsonObject>> {
  const views = new Map<string, JsonObject>();
  if (keys.length === 0) return views;
  const placeholders = keys.map((_, index) => `$${index + 2}`).join(', ');
  const rows = await sql.query(
    `SELECT key, view FROM projection_views WHERE projection = $1 AND key IN (${placeholders})`,
    [projection, ...keys],
  );
  for (const row of rows) views.set(String(row.key), JSON.parse(String(row.view)) as JsonObject);
  return views;
}

/**
 * One view and every view whose key starts with `prefix`, read by one statement, so from one snapshot of the
 * store (a runner's commit is seen whole or not at all), each with its key; undefined when there are more than
 * `limit` (the caller reads another way). Only keys that really start with `prefix` (whatever the collation).
 */
export async function viewAndPrefixed(
  sql: Sql,
  projection: string,
  key: string,
  prefix: string,
  limit: number,
): Promise<{ key: string; view: JsonObject }[] | undefined> {
  const rows = await sql.query(
    'SELECT key, view FROM projection_views WHERE projection = $1 AND (key = $2 OR (key >= $3 AND key < $4)) LIMIT $5',
    [projection, key, prefix, `${prefix}\uffff`, limit + 1],
  );
  if (rows.length > limit) return undefined;
  return rows
    .map((row) => ({ key: String(row.key), view: JSON.parse(String(row.view)) as JsonObject }))
    .filter((row) => row.key === key || row.key.startsWith(prefix));
}

/** Views whose key starts with `prefix`, in key order, after `afterKey`. */
export async function viewsWithPrefix(
  sql: Sql,
  projection: string,
  prefix: string,
  limit: number,
  afterKey: string,
): Promise<JsonObject[]> {
  const rows = await sql.query(
    'SELECT view FROM projection_views WHERE projection = $1 AND key >= $2 AND key < $3 AND key > $4 ORDER BY key LIMIT $5',
    [projection, prefix, `${prefix}\uffff`, afterKey, limit],
  );
  return rows.map((row) => JSON.parse(String(row.view)) as JsonObject);
}
