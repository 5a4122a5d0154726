import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { EventStore, openEventStore } from '@bcl/event-store';
import { ProjectionDefinition, ProjectionRunner, ServiceStore } from '@bcl/service-store';
import { registryProjection } from '@bcl/domain-registry';
import { API_CONFIG, ApiConfig } from '../config/api-config';
import { EVENT_STORE, REGISTRY_PROJECTION, SERVICE_STORE } from './ledger.tokens';
import { LedgerWriter } from './ledger-writer';

/** The event store, the service store beside it, and the projection that feeds the read model. */
@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) => openEventStore(config.ledgerStore),
    },
    {
      provide: SERVICE_STORE,
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) => ServiceStore.open(config.serviceStore),
    },
    {
      provide: REGISTRY_PROJECTION,
      inject: [EVENT_STORE, SERVICE_STORE],
      useFactory: async (events: EventStore, service: ServiceStore) => {
        const runner = new ProjectionRunner(
          events,
          service,
          registryProjection as unknown as ProjectionDefinition,
        );
        await runner.start();
        return runner;
      },
    },
    LedgerWriter,
  ],
  exports: [EVENT_STORE, SERVICE_STORE, REGISTRY_PROJECTION, LedgerWriter],
})
export class LedgerModule implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(SERVICE_STORE) private readonly service: ServiceStore,
    @Inject(REGISTRY_PROJECTION) private readonly projection: ProjectionRunner,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.projection.stop();
    await this.service.close();
    await this.events.close();
  }
}
