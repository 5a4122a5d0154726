import { openEventStore } from '@bcl/event-store-open';
import { ServiceStore } from '@bcl/service-store';
import { describeWithServer } from '../support/servers';
import { withSchema } from '../support/postgres-schema';

const ATTEMPTS = 12;

describeWithServer(
  'postgres',
  'the event store and the service store opening one new schema at once',
  (url) => {
    it('creates the schema once, whichever comes first (a service start does exactly this)', async () => {
      for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
        const { storeUrl, drop } = withSchema(url);
        try {
          const [events, service] = await Promise.all([
            openEventStore(storeUrl),
            ServiceStore.open(storeUrl),
          ]);
          await Promise.all([events.close(), service.close()]);
        } finally {
          await drop();
        }
      }
    });
  },
);
