import { SqlConnection, SqlRow } from './sql-connection';

/**
 * One run of the hash-chain verification (the Verify page, `bcl verify`), kept so the home page can say when the
 * record was last verified. An operational record like the access log: never in the event log, never chained.
 */
export interface VerificationRun {
  id?: number;
  /** When the check started (ISO 8601, UTC). */
  at: string;
  /** Who ran it: the signed-in subject on the web, `os-user:<name>` from the CLI. */
  subject: string;
  origin: 'web' | 'cli';
  eventsChecked: number;
  /** Position and hash of the last event that verified: the head of the log when nothing is broken. */
  headPosition: string | null;
  headHash: string | null;
  ok: boolean;
  firstBreak: { kind: string; position: string; message: string } | null;
  /** Only for a check against a digest: the position it covers and whether the log still holds it unchanged. */
  digest: { position: string; matched: boolean } | null;
}

/** Added beside the other tables when a service store opens (`CREATE TABLE IF NOT EXISTS`: older stores gain it). */
const COLUMNS =
  'at TEXT NOT NULL, subject TEXT NOT NULL, origin TEXT NOT NULL, events_checked BIGINT NOT NULL, head_position TEXT, head_hash TEXT, ok INTEGER NOT NULL, break_kind TEXT, break_position TEXT, break_message TEXT, digest_position TEXT, digest_matched INTEGER';

export const VERIFICATION_RUNS_DDL: Record<SqlConnection['dialect'], string> = {
  sqlite: `CREATE TABLE IF NOT EXISTS verification_runs (id INTEGER PRIMARY KEY AUTOINCREMENT, ${COLUMNS})`,
  postgres: `CREATE TABLE IF NOT EXISTS verification_runs (id BIGSERIAL PRIMARY KEY, ${COLUMNS})`,
};

type Sql = Pick<SqlConnection, 'query'>;

export async function insertVerificationRun(sql: Sql, run: VerificationRun): Promise<void> {
  await sql.query(
    `INSERT INTO verification_runs (at, subject, origin, events_checked, head_position, head_hash, ok, break_kind,
       break_position, break_message, digest_position, digest_matched)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      run.at,
      run.subject,
      run.origin,
      run.eventsChecked,
      run.headPosition,
      run.headHash,
      run.ok ? 1 : 0,
      run.firstBreak?.kind ?? null,
      run.firstBreak?.position ?? null,
      run.firstBreak?.message ?? null,
      run.digest?.position ?? null,
      run.digest ? (run.digest.matched ? 1 : 0) : null,
    ],
  );
}

/** The run recorded last (runs are kept in the order they finished), or undefined before the first. */
export async function latestVerificationRun(sql: Sql): Promise<VerificationRun | undefined> {
  const [row] = await sql.query('SELECT * FROM verification_runs ORDER BY id DESC LIMIT 1');
  return row ? toVerificationRun(row) : undefined;
}

const textOrNull = (value: unknown) => (value === null || value === undefined ? null : String(value));

function toVerificationRun(row: SqlRow): VerificationRun {
  return {
    id: Number(row.id),
    at: String(row.at),
    subject: String(row.subject),
    origin: String(row.origin) === 'cli' ? 'cli' : 'web',
    eventsChecked: Number(row.events_checked),
    headPosition: textOrNull(row.head_position),
    headHash: textOrNull(row.head_hash),
    ok: Number(row.ok) === 1,
    firstBreak:
      row.break_position === null || row.break_position === undefined
        ? null
        : {
            kind: String(row.break_kind),
            position: String(row.break_position),
            message: String(row.break_message),
          },
    digest:
      row.digest_position === null || row.digest_position === undefined
        ? null
        : { position: String(row.digest_position), matched: Number(row.digest_matched) === 1 },
  };
}
