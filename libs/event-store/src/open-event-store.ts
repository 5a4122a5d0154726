import { EventStore } from './event-store.port';
import { StoreOpenError } from './errors';
import { InMemoryEventStore } from './adapters/in-memory/in-memory-event-store';
import { SqliteEventStore } from './adapters/sqlite/sqlite-event-store';
import { PostgresEventStore } from './adapters/postgres/postgres-event-store';
import { EsdbEventStore } from './adapters/esdb/esdb-event-store';

/** The store used when LEDGER_STORE is not set: an embedded SQLite file, so the ledger runs with no setup. */
export const DEFAULT_STORE = 'sqlite:./data/ledger.db';

/**
 * Opens the store a setting names: `sqlite:<path>`, `postgres://…` / `postgresql://…`, `esdb://…` /
 * `kurrentdb://…` (optionally `+discover`), or `memory:` for tests. Throws a one-line StoreOpenError for an
 * unknown scheme, an unreachable server, or a store written by an incompatible version.
 */
export async function openEventStore(setting: string = DEFAULT_STORE): Promise<EventStore> {
  const scheme = /^([a-z][a-z0-9+]*):/.exec(setting)?.[1];
  switch (scheme) {
    case 'sqlite': {
      const path = setting.slice('sqlite:'.length);
      if (!path)
        throw new StoreOpenError("the SQLite store needs a path, for example 'sqlite:./data/ledger.db'");
      return SqliteEventStore.open(path);
    }
    case 'postgres':
    case 'postgresql':
      return PostgresEventStore.open(setting);
    case 'esdb':
    case 'esdb+discover':
    case 'kurrentdb':
    case 'kurrentdb+discover':
    case 'kurrent':
    case 'kurrent+discover':
      return EsdbEventStore.open(setting.replace(/^kurrent(db)?/, 'esdb'));
    case 'memory':
      return new InMemoryEventStore();
    default:
      throw new StoreOpenError(
        `unknown store '${setting}': use sqlite:<path>, postgres://…, esdb://… or kurrentdb://…`,
      );
  }
}
