import { EventStore, Signer, StoreMissingError, StoreOpenError } from '@bcl/event-store';

/** The store used when LEDGER_STORE is not set: an embedded SQLite file, so the ledger runs with no setup. */
export const DEFAULT_STORE = 'sqlite:./data/ledger.db';

export interface OpenEventStoreOptions {
  /**
   * Open only a ledger that is already there, creating nothing: a missing SQLite file, or a PostgreSQL schema
   * without the ledger's tables, is refused with a StoreMissingError ("no ledger at …"). Read-only tools set it,
   * so a mistyped setting never makes an empty ledger that then verifies as "OK: 0 events". Reading an
   * EventStoreDB server creates nothing, so it is opened as always; `memory:` is never an existing ledger.
   */
  mustExist?: boolean;
  /**
   * The writer's key: every event appended through the store is signed with it (docs/event-store.md,
   * "Signatures"). Without one, events are written unsigned.
   */
  signer?: Signer;
}

/**
 * Opens the store a setting names: `sqlite:<path>`, `postgres://…` / `postgresql://…`, `esdb://…` /
 * `kurrentdb://…` (optionally `+discover`), or `memory:` for tests. Throws a one-line StoreOpenError for an
 * unknown scheme, an unreachable server, or a store written by an incompatible version.
 *
 * Each adapter's library is loaded only when its scheme is asked for, so opening SQLite never loads pg or the
 * EventStoreDB client, and a program that imports this module but opens no store loads no database driver.
 */
export async function openEventStore(
  setting: string = DEFAULT_STORE,
  options: OpenEventStoreOptions = {},
): Promise<EventStore> {
  const mustExist = options.mustExist ?? false;
  const signer = options.signer;
  const scheme = /^([a-z][a-z0-9+]*):/.exec(setting)?.[1];
  switch (scheme) {
    case 'sqlite': {
      const path = setting.slice('sqlite:'.length);
      if (!path)
        throw new StoreOpenError("the SQLite store needs a path, for example 'sqlite:./data/ledger.db'");
      const { SqliteEventStore } = await import('@bcl/event-store-sqlite');
      return SqliteEventStore.open(path, { mustExist, signer });
    }
    case 'postgres':
    case 'postgresql': {
      const { PostgresEventStore } = await import('@bcl/event-store-postgres');
      return PostgresEventStore.open(setting, { mustExist, signer });
    }
    case 'esdb':
    case 'esdb+discover':
    case 'kurrentdb':
    case 'kurrentdb+discover':
    case 'kurrent':
    case 'kurrent+discover': {
      const { EsdbEventStore } = await import('@bcl/event-store-esdb');
      return EsdbEventStore.open(setting.replace(/^kurrent(db)?/, 'esdb'), { signer });
    }
    case 'memory': {
      if (mustExist) throw new StoreMissingError(`no ledger at ${setting} (a memory store starts empty)`);
      const { InMemoryEventStore } = await import('@bcl/event-store-in-memory');
      return new InMemoryEventStore({ signer });
    }
    default:
      throw new StoreOpenError(
        `unknown store '${setting}': use sqlite:<path>, postgres://…, esdb://… or kurrentdb://…`,
      );
  }
}
