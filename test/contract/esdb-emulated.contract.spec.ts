import { EsdbEventStore } from '@bcl/event-store-esdb';
import { EmulatedEsdbClient } from '@bcl/testing/emulated-esdb-client';
import { eventStoreContract } from './event-store.contract';

describe('EventStoreDB event store over the emulated client', () => {
  eventStoreContract(async () => {
    const client = new EmulatedEsdbClient();
    const store = new EsdbEventStore(client, 'esdb://emulated');
    return { store, dispose: () => store.close() };
  });
});
