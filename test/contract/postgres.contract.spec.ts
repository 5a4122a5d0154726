import { PostgresEventStore } from '@bcl/event-store-postgres';
import { describeWithServer } from '../support/servers';
import { eventStoreContract } from './event-store.contract';
import { recordedTimeContract } from './recorded-time.contract';
import { signingContract } from './signing.contract';
import { withSchema } from '../support/postgres-schema';

describeWithServer('postgres', 'PostgreSQL event store', (url) => {
  const open: Parameters<typeof eventStoreContract>[0] = async (options) => {
    const { storeUrl, drop } = withSchema(url);
    const store = await PostgresEventStore.open(storeUrl, {
      firstPosition: options?.firstPosition,
      signer: options?.signer,
      clock: options?.clock,
    });
    return {
      store,
      reopen: () => PostgresEventStore.open(storeUrl),
      dispose: async () => {
        await store.close();
        await drop();
      },
    };
  };
  eventStoreContract(open);
  recordedTimeContract(open); // before signing: a real server's log ends signed after it
  signingContract(open);
});
