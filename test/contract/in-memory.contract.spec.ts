import { InMemoryEventStore } from '@bcl/event-store-in-memory';
import { eventStoreContract } from './event-store.contract';
import { recordedTimeContract } from './recorded-time.contract';
import { signingContract } from './signing.contract';

describe('in-memory event store', () => {
  const open: Parameters<typeof eventStoreContract>[0] = async (options) => {
    const store = new InMemoryEventStore({
      firstPosition: options?.firstPosition,
      signer: options?.signer,
      clock: options?.clock,
    });
    return {
      store,
      // the same log (its rows, indexes and notifications are shared by reference), written without the signer
      reopen: async () =>
        Object.assign(Object.create(InMemoryEventStore.prototype) as InMemoryEventStore, store, {
          signer: undefined,
          close: async () => undefined,
        }),
      dispose: () => store.close(),
    };
  };
  eventStoreContract(open);
  recordedTimeContract(open); // before signing: a real server's log ends signed after it
  signingContract(open);
});
