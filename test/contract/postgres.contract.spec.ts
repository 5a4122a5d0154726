import { PostgresEventStore } from '@bcl/event-store-postgres';
import { describeWithServer } from '../support/servers';
import { eventStoreContract } from './event-store.contract';
import { withSchema } from '../support/postgres-schema';

describeWithServer('postgres', 'PostgreSQL event store', (url) => {
  eventStoreContract(async (options) => {
    const { storeUrl, drop } = withSchema(url);
    const store = await PostgresEventStore.open(storeUrl, { firstPosition: options?.firstPosition });
    return {
      store,
      dispose: async () => {
        await store.close();
        await drop();
      },
    };
  });
});
