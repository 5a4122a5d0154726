import { EsdbEventStore } from '@bcl/event-store-esdb';
import { describeWithServer } from '../support/servers';
import { eventStoreContract } from './event-store.contract';
import { recordedTimeContract } from './recorded-time.contract';
import { signingContract } from './signing.contract';

describeWithServer('esdb', 'EventStoreDB event store on a real server', (url) => {
  const open: Parameters<typeof eventStoreContract>[0] = async (options) => {
    const store = await EsdbEventStore.open(url, { signer: options?.signer, clock: options?.clock });
    return { store, reopen: () => EsdbEventStore.open(url), dispose: () => store.close() };
  };
  eventStoreContract(open);
  recordedTimeContract(open); // before signing: a real server's log ends signed after it
  signingContract(open);
});
