import { InMemoryEventStore } from '@bcl/event-store-in-memory';
import { eventStoreContract } from './event-store.contract';
import { signingContract } from './signing.contract';

describe('in-memory event store', () => {
  const open: Parameters<typeof eventStoreContract>[0] = async (options) => {
    const store = new InMemoryEventStore({ firstPosition: options?.firstPosition, signer: options?.signer });
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
  signingContract(open);
});
