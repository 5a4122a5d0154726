import { SqlConnection } from './sql-connection';
import { VERIFICATION_RUNS_DDL } from './verification-runs';
import { ACCESS_LOG_CHAIN_DDL } from './access-log-chain';

/**
 * Which log the service store belongs to (its first event's hash) and the event each checkpoint stands on;
 * and one row readiness rewrites to prove the store still accepts a write.
 */
const LOG_IDENTITY_DDL = [
  'CREATE TABLE IF NOT EXISTS health_probe (id INTEGER PRIMARY KEY, at TEXT NOT NULL)',
  'CREATE TABLE IF NOT EXISTS log_identity (id INTEGER PRIMARY KEY, first_hash TEXT NOT NULL)',
  'CREATE TABLE IF NOT EXISTS projection_checkpoint_hashes (projection TEXT PRIMARY KEY, position TEXT NOT NULL, hash TEXT NOT NULL)',
];

export const DDL: Record<SqlConnection['dialect'], string[]> = {
  sqlite: [
    'CREATE TABLE IF NOT EXISTS projection_views (projection TEXT NOT NULL, key TEXT NOT NULL, view TEXT NOT NULL, PRIMARY KEY (projection, key))',
    'CREATE TABLE IF NOT EXISTS projection_checkpoints (projection TEXT PRIMARY KEY, position TEXT, version INTEGER NOT NULL)',
    'CREATE TABLE IF NOT EXISTS idempotency_records (scope TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL, status INTEGER NOT NULL, body TEXT NOT NULL, headers TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (scope, key))',
    'CREATE TABLE IF NOT EXISTS access_log (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, subject TEXT NOT NULL, roles TEXT NOT NULL, method TEXT NOT NULL, resource TEXT NOT NULL, status INTEGER NOT NULL, correlation_id TEXT NOT NULL)',
    'CREATE TABLE IF NOT EXISTS personal_data (person_id TEXT PRIMARY KEY, display_name TEXT, erased_at TEXT)',
    VERIFICATION_RUNS_DDL.sqlite,
    ACCESS_LOG_CHAIN_DDL.sqlite,
    ...LOG_IDENTITY_DDL,
  ],
  postgres: [
    'CREATE TABLE IF NOT EXISTS projection_views (projection TEXT NOT NULL, key TEXT NOT NULL, view TEXT NOT NULL, PRIMARY KEY (projection, key))',
    'CREATE TABLE IF NOT EXISTS projection_checkpoints (projection TEXT PRIMARY KEY, position TEXT, version INTEGER NOT NULL)',
    'CREATE TABLE IF NOT EXISTS idempotency_records (scope TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL, status INTEGER NOT NULL, body TEXT NOT NULL, headers TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (scope, key))',
    'CREATE TABLE IF NOT EXISTS access_log (id BIGSERIAL PRIMARY KEY, at TEXT NOT NULL, subject TEXT NOT NULL, roles TEXT NOT NULL, method TEXT NOT NULL, resource TEXT NOT NULL, status INTEGER NOT NULL, correlation_id TEXT NOT NULL)',
    'CREATE TABLE IF NOT EXISTS personal_data (person_id TEXT PRIMARY KEY, display_name TEXT, erased_at TEXT)',
    VERIFICATION_RUNS_DDL.postgres,
    ACCESS_LOG_CHAIN_DDL.postgres,
    ...LOG_IDENTITY_DDL,
  ],
};
