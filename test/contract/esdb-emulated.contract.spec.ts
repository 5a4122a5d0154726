import { EsdbEventStore } from '@bcl/event-store-esdb';
import { EmulatedEsdbClient } from '@bcl/testing/emulated-esdb-client';
import { eventStoreContract } from './event-store.contract';
import { recordedTimeContract } from './recorded-time.contract';
import { signingContract } from './signing.contract';

describe('EventStoreDB event store over the emulated client', () => {
  const open: Parameters<typeof eventStoreContract>[0] = async (options) => {
    const client = new EmulatedEsdbClient();
    const store = new EsdbEventStore(client, 'esdb://emulated', options?.clock, options?.signer);
    return {
      store,
      reopen: async () => new EsdbEventStore(client, 'esdb://emulated'),
      dispose: () => store.close(),
    };
  };
  eventStoreContract(open);
  recordedTimeContract(open); // before signing: a real server's log ends signed after it
  signingContract(open);
});
