import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { EventStore, withUpcasting } from '@bcl/event-store';
import { loadSigner, openEventStore } from '@bcl/event-store-open';
import { ProjectionRunner, ServiceStore } from '@bcl/service-store';
import { EVENT_SCHEMAS, PROJECTIONS as DEFINITIONS } from '@bcl/contexts';
import { LEDGER_SETTINGS, LedgerSettings } from '../ledger-settings';
import { EVENT_STORE, PROJECTIONS, SERVICE_STORE } from './event-log.tokens';
import { EventLogWriter } from './event-log-writer';
import { StreamFacts } from './stream-facts';
import { ViewpointViews } from './viewpoint-views';

/** The event store, the service store beside it, and the projection that feeds the read model. */
@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [LEDGER_SETTINGS],
      // Readers (deciders, projections, queries) see every event upcast to its current schema; raw reads
      // (verification, export) see the stored bytes. With a service key, every event written is signed.
      useFactory: async (config: LedgerSettings) => {
        const signer = config.signingKeyFile ? loadSigner(config.signingKeyFile, ['service']) : undefined;
        return withUpcasting(await openEventStore(config.ledgerStore, { signer }), EVENT_SCHEMAS);
      },
    },
    {
      provide: SERVICE_STORE,
      inject: [LEDGER_SETTINGS],
      useFactory: (config: LedgerSettings) => ServiceStore.open(config.serviceStore),
    },
    {
      provide: PROJECTIONS,
      inject: [EVENT_STORE, SERVICE_STORE],
      useFactory: async (events: EventStore, service: ServiceStore) => {
        const runners = DEFINITIONS.map((definition) => new ProjectionRunner(events, service, definition));
        await Promise.all(runners.map((runner) => runner.start()));
        return runners;
      },
    },
    EventLogWriter,
    StreamFacts,
    ViewpointViews,
  ],
  exports: [EVENT_STORE, SERVICE_STORE, PROJECTIONS, EventLogWriter, StreamFacts, ViewpointViews],
})
export class EventLogModule implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(SERVICE_STORE) private readonly service: ServiceStore,
    @Inject(PROJECTIONS) private readonly projections: ProjectionRunner[],
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.projections.map((projection) => projection.stop()));
    await this.service.close();
    await this.events.close();
  }
}
