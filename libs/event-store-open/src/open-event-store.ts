import { EventStore, StoreOpenError } from '@bcl/event-store';

/** The store used when LEDGER_STORE is not set: an embedded SQLite file, so the ledger runs with no setup. */
export const DEFAULT_STORE = 'sqlite:./data/ledger.db';

/**
 * Opens the store a setting names: `sqlite:<path>`, `postgres://…` / `postgresql://…`, `esdb://…` /
 * `kurrentdb://…` (optionally `+discover`), or `memory:` for tests. Throws a one-line StoreOpenError for an
 * unknown scheme, an unreachable server, or a store written by an incompatible version.
 *
 * Each adapter's library is loaded only when its scheme is asked for, so opening SQLite never loads pg or the
 * EventStoreDB client, and a program that imports this module but opens no store loads no database driver.
 */
export async function openEventStore(setting: string = DEFAULT_STORE): Promise<EventStore> {
  const scheme = /^([a-z][a-z0-9+]*):/.exec(setting)?.[1];
  switch (scheme) {
    case 'sqlite': {
      const path = setting.slice('sqlite:'.length);
      if (!path)
        throw new StoreOpenError("the SQLite store needs a path, for example 'sqlite:./data/ledger.db'");
      const { SqliteEventStore } = await import('@bcl/event-store-sqlite');
      return SqliteEventStore.open(path);
    }
    case 'postgres':
    case 'postgresql': {
      const { PostgresEventStore } = await import('@bcl/event-store-postgres');
      return PostgresEventStore.open(setting);
    }
    case 'esdb':
    case 'esdb+discover':
    case 'kurrentdb':
    case 'kurrentdb+discover':
    case 'kurrent':
    case 'kurrent+discover': {
      const { EsdbEventStore } = await import('@bcl/event-store-esdb');
      return EsdbEventStore.open(setting.replace(/^kurrent(db)?/, 'esdb'));
    }
    case 'memory': {
      const { InMemoryEventStore } = await import('@bcl/event-store-in-memory');
      return new InMemoryEventStore();
    }
    default:
      throw new StoreOpenError(
        `unknown store '${setting}': use sqlite:<path>, postgres://…, esdb://… or kurrentdb://…`,
      );
  }
}
