export * from './service-store';
export type { SqlConnection } from './sql-connection';
export * from './projection-runner';
export * from './view-reader';
export * from './log-identity';
export type { VerificationRun } from './verification-runs';
export type { StoredView, VaultEntry } from './stored-views';
export type { AccessLogVerification } from './access-log-chain';
