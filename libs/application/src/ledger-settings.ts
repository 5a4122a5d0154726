/**
 * What the application layer reads of its host's configuration: where the stores are, and where the reference
 * data and return templates are read from. The API's and the pages' configuration both carry it (an app provides
 * it as `LEDGER_SETTINGS`); each app reads the environment itself.
 */
export interface LedgerSettings {
  ledgerStore: string;
  serviceStore: string;
  /** Where the planning cycles' reference data are read from (LEDGER_REFERENCE_DIR); unset: the repository's. */
  referenceDir: string | undefined;
  /** Where the quarterly return templates are read from (LEDGER_RETURN_TEMPLATE_DIR); unset: the repository's. */
  returnTemplateDir: string | undefined;
  /** Deadlines replacing the templates' (LEDGER_RETURN_DEADLINES, JSON; docs/quarterly-returns.md). */
  returnDeadlines: string | undefined;
  /**
   * SIGNING_KEY_FILE: the key file (`bcl-signing-key/1`, role service) this instance signs every event it writes
   * with; unset: events are written unsigned (docs/operations.md, "Signing keys").
   */
  signingKeyFile?: string;
  /**
   * KEYRING_FILE: the keyring (`bcl-keyring/1`) the auditor pack checks the log's signatures against and carries
   * as keyring.json; unset: the pack's signatures are counted, not checked, and it carries no keyring.
   */
  keyringFile?: string;
  /** CHECKPOINT_KEY_FILE: the `checkpoint` key the auditor pack signs its digest with (checkpoint.json). */
  checkpointKeyFile?: string;
}

export const LEDGER_SETTINGS = Symbol('LEDGER_SETTINGS');
