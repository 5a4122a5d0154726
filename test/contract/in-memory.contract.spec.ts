import { InMemoryEventStore } from '@bcl/event-store-in-memory';
import { eventStoreContract } from './event-store.contract';

describe('in-memory event store', () => {
  eventStoreContract(async (options) => {
    const store = new InMemoryEventStore({ firstPosition: options?.firstPosition });
    return { store, dispose: () => store.close() };
  });
});
