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
