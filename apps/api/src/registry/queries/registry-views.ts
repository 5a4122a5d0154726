import { Inject, Injectable } from '@nestjs/common';
import { RegistryView, registryProjection } from '@bcl/domain-registry';
import { ServiceStore } from '@bcl/service-store';
import { SERVICE_STORE } from '../../ledger/ledger.tokens';
import { Problem } from '../../http/problem';

/** Reads the registry projection's views; a missing one is a 404 naming what was asked for. */
@Injectable()
export class RegistryViews {
  constructor(@Inject(SERVICE_STORE) private readonly service: ServiceStore) {}

  async get<V extends RegistryView>(key: string): Promise<V> {
    const view = (await this.service.loadViews(registryProjection.name, [key])).get(key);
    if (!view) throw new Problem(404, 'not-found', 'Not found', `${key} is not in the registry`);
    return view as unknown as V;
  }

  async getMany<V extends RegistryView>(keys: string[]): Promise<Map<string, V>> {
    return (await this.service.loadViews(registryProjection.name, keys)) as unknown as Map<string, V>;
  }

  async list<V extends RegistryView>(prefix: string, limit: number, afterKey?: string): Promise<V[]> {
    return (await this.service.listViews(registryProjection.name, prefix, limit, afterKey)) as unknown as V[];
  }
}
