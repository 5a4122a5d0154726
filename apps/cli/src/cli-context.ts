import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import {
  DEFAULT_STORE,
  OpenEventStoreOptions,
  SigningFileError,
  loadKeyring,
  loadSigner,
  openEventStore,
} from '@bcl/event-store-open';
import { EventMetadata, EventStore, KeyRole, Keyring, Signer, withUpcasting } from '@bcl/event-store';
import { EVENT_SCHEMAS } from '@bcl/contexts';
import { cliConfigFromEnv } from './config';

export interface GlobalOptions {
  store?: string;
  json?: boolean;
  /** --signing-key: the key file the CLI's writes are signed with. */
  signingKey?: string;
  /** --keyring: the keyring signatures are checked against. */
  keyring?: string;
}

/** The store a command uses: --store, else LEDGER_STORE, else the embedded default. */
export function storeSetting(options: GlobalOptions): string {
  return options.store || cliConfigFromEnv().ledgerStore || DEFAULT_STORE;
}

/**
 * The key the CLI's writes are signed with: --signing-key, else BCL_SIGNING_KEY_FILE; undefined when neither is
 * set (events are then written unsigned). A key of another role than `roles` is refused: the CLI's writers (plan
 * and return import, demo, migrate) sign only with a `service` key; `bcl append` alone asks for an `operator` key,
 * whose events carry the operator-write mark.
 */
export function cliSigner(
  options: GlobalOptions,
  roles: readonly KeyRole[] = ['service'],
): Signer | undefined {
  const path = options.signingKey || cliConfigFromEnv().signingKeyFile;
  return path ? usage(() => loadSigner(path, roles)) : undefined;
}

/** The keyring: --keyring, else BCL_KEYRING_FILE; undefined when neither is set (signatures are then not checked). */
export function cliKeyring(options: GlobalOptions): Keyring | undefined {
  const path = options.keyring || cliConfigFromEnv().keyringFile;
  return path ? usage(() => loadKeyring(path)) : undefined;
}

function usage<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    throw error instanceof SigningFileError ? new UsageError(error.message) : error;
  }
}

/**
 * Runs work on the store, closing it after. Every event the work reads is in its current schema shape
 * (upcast); raw reads (verify, digest, export) see the stored bytes. A store opened to write signs with the
 * configured key (cliSigner), unless `open` names another signer.
 */
export async function withStore<T>(
  options: GlobalOptions,
  work: (store: EventStore) => Promise<T>,
  open: OpenEventStoreOptions = {},
): Promise<T> {
  const signer = 'signer' in open ? open.signer : open.mustExist ? undefined : cliSigner(options);
  const store = withUpcasting(
    await openEventStore(storeSetting(options), { ...open, signer }),
    EVENT_SCHEMAS,
  );
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/**
 * Runs work on a ledger that is already there: a store that does not exist is refused ("no ledger at …",
 * exit 2) and never created. Every command that only reads the log uses this.
 */
export function withExistingStore<T>(
  options: GlobalOptions,
  work: (store: EventStore) => Promise<T>,
): Promise<T> {
  return withStore(options, work, { mustExist: true });
}

/** Like withExistingStore, for a command that appends to a ledger that must be there (`bcl migrate`): it signs. */
export function withExistingStoreToWrite<T>(
  options: GlobalOptions,
  work: (store: EventStore) => Promise<T>,
): Promise<T> {
  return withStore(options, work, { mustExist: true, signer: cliSigner(options) });
}

/**
 * The CLI writes as the operating-system account that runs it: on a ledger host that is the authenticated
 * operator. The HTTP API takes the actor from the bearer token instead.
 */
export function cliMetadata(
  reason: string,
  validTime?: string,
  correlationId: string = randomUUID(),
): EventMetadata {
  const metadata: EventMetadata = {
    actor: { id: `os-user:${userInfo().username}`, authority: 'local-operator' },
    correlationId,
    reason,
  };
  if (validTime) metadata.validTime = validTime;
  return metadata;
}

/** JSON with bigints as strings, as the ledger's JSON formats write positions. */
export function toJson(value: unknown, indent?: number): string {
  return JSON.stringify(
    value,
    (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item),
    indent,
  );
}

/** Prints machine-readable JSON with --json, else the human text. */
export function report(options: GlobalOptions, value: unknown, human: string): void {
  process.stdout.write(options.json ? `${toJson(value)}\n` : `${human}\n`);
}

/** A problem with what the user asked for: printed as one line, exit code 2. */
export class UsageError extends Error {}
