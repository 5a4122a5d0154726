/**
 * Everything the CLI reads from the environment (README "Configuration" lists it), read here only; a command's
 * options win over it. Read at each call, so a test or a wrapper may set the environment before running a command.
 */
export interface CliConfig {
  /** LEDGER_STORE: the event store when --store is not given. */
  ledgerStore: string | undefined;
  /** LEDGER_SERVICE_STORE: the service store when --service-store is not given. */
  serviceStore: string | undefined;
  /** AUTH_JWT_SECRET: the secret `bcl token` signs with; unset: the development secret. */
  jwtSecret: string | undefined;
  /** DATABASE_URL: the PostgreSQL server `bcl bench` also measures when --postgres is not given. */
  databaseUrl: string | undefined;
  /** LEDGER_REFERENCE_DIR: where the planning cycles' reference data are read from. */
  referenceDir: string | undefined;
  /** LEDGER_RETURN_TEMPLATE_DIR: where the quarterly return templates are read from. */
  returnTemplateDir: string | undefined;
  /** LEDGER_RETURN_DEADLINES: deadlines replacing the templates' (JSON). */
  returnDeadlines: string | undefined;
  /** BCL_SIGNING_KEY_FILE: the key file the CLI's writes are signed with, when --signing-key is not given. */
  signingKeyFile: string | undefined;
  /** BCL_KEYRING_FILE: the keyring `bcl verify` checks signatures against, when --keyring is not given. */
  keyringFile: string | undefined;
}

export function cliConfigFromEnv(env: NodeJS.ProcessEnv = process.env): CliConfig {
  return {
    ledgerStore: env.LEDGER_STORE || undefined,
    serviceStore: env.LEDGER_SERVICE_STORE || undefined,
    jwtSecret: env.AUTH_JWT_SECRET || undefined,
    databaseUrl: env.DATABASE_URL,
    referenceDir: env.LEDGER_REFERENCE_DIR || undefined,
    returnTemplateDir: env.LEDGER_RETURN_TEMPLATE_DIR || undefined,
    returnDeadlines: env.LEDGER_RETURN_DEADLINES || undefined,
    signingKeyFile: env.BCL_SIGNING_KEY_FILE || undefined,
    keyringFile: env.BCL_KEYRING_FILE || undefined,
  };
}
