import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeWithServer } from './servers';
import { withSchema } from './postgres-schema';
import { EventStore } from '@bcl/event-store';
import { openEventStore } from '@bcl/event-store-open';

/** A fresh durable store, named by its LEDGER_STORE setting, and how to remove it. */
interface DurableStore {
  setting: string;
  cleanup(): Promise<void>;
}

export function freshSqliteStore(): DurableStore {
  const dir = mkdtempSync(join(tmpdir(), 'bcl-durable-'));
  return {
    setting: `sqlite:${join(dir, 'ledger.db')}`,
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Runs a suite against each durable store that child processes can share: SQLite always, PostgreSQL where
 * the server is reachable (otherwise skipped with the reason, or failed under REQUIRE_POSTGRES=1).
 * Each test (or, with `per: 'suite'`, the whole suite) gets a fresh, empty store; `setting()` names it, and
 * it is removed afterwards.
 */
export function describeEachDurableStore(
  title: string,
  body: (setting: () => string) => void,
  options: { per: 'test' | 'suite' } = { per: 'test' },
): void {
  const [before, after] = options.per === 'test' ? [beforeEach, afterEach] : [beforeAll, afterAll];
  const withFreshStore = (fresh: () => DurableStore) => {
    let store: DurableStore | undefined;
    before(() => {
      store = fresh();
    });
    body(() => store!.setting);
    after(() => store?.cleanup()); // declared last, so it runs after the suite's own after-hooks
  };
  describe(`${title} on SQLite`, () => withFreshStore(freshSqliteStore));
  describeWithServer('postgres', `${title} on PostgreSQL`, (url) =>
    withFreshStore(() => {
      const { storeUrl, drop } = withSchema(url);
      return { setting: storeUrl, cleanup: drop };
    }),
  );
}

/** Opens the store a setting names for one piece of work, and closes it after. */
export async function withEventStore<T>(
  setting: string,
  work: (store: EventStore) => Promise<T>,
): Promise<T> {
  const store = await openEventStore(setting);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Sends a request that must be refused as problem+json, and proves the log did not move. */
export async function refusedRecordingNothing<R extends { headers: Record<string, string> }>(
  setting: string,
  send: () => Promise<R>,
): Promise<R> {
  const head = await withEventStore(setting, (store) => store.headPosition());
  const response = await send();
  expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(await withEventStore(setting, (store) => store.headPosition())).toBe(head);
  return response;
}
