import { EsdbEventStore } from '@bcl/event-store-esdb';
import { describeWithServer } from '../support/servers';
import { eventStoreContract } from './event-store.contract';

describeWithServer('esdb', 'EventStoreDB event store on a real server', (url) => {
  eventStoreContract(async () => {
    const store = await EsdbEventStore.open(url);
    return { store, dispose: () => store.close() };
  });
});
