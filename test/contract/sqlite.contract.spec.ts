import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@bcl/event-store-sqlite';
import { eventStoreContract } from './event-store.contract';
import { recordedTimeContract } from './recorded-time.contract';
import { signingContract } from './signing.contract';

describe('SQLite event store', () => {
  const open: Parameters<typeof eventStoreContract>[0] = async (options) => {
    const dir = mkdtempSync(join(tmpdir(), 'bcl-sqlite-'));
    const store = SqliteEventStore.open(join(dir, 'ledger.db'), {
      firstPosition: options?.firstPosition,
      signer: options?.signer,
      clock: options?.clock,
    });
    return {
      store,
      reopen: async () => SqliteEventStore.open(join(dir, 'ledger.db')),
      dispose: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  };
  eventStoreContract(open);
  recordedTimeContract(open); // before signing: a real server's log ends signed after it
  signingContract(open);
});
