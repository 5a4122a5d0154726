import { Inject, Injectable } from '@nestjs/common';
import { RegistryView, registryProjection } from '@bcl/domain-registry';
import { ViewKey, ViewReader } from '@bcl/kernel';
import { ServiceStore, serviceViewReader } from '@bcl/service-store';
import { SERVICE_STORE } from '../../event-log/event-log.tokens';
import { Problem } from '../../http/problem';

/** Reads the registry projection's views; a missing one is a 404 naming what was asked for. */
@Injectable()
export class RegistryViews {
  private readonly reader: ViewReader<RegistryView>;

  constructor(@Inject(SERVICE_STORE) service: ServiceStore) {
    this.reader = serviceViewReader<RegistryView>(service, registryProjection);
  }

  async get<V extends RegistryView>(key: ViewKey<V>): Promise<V> {
    const view = await this.reader.get(key);
    if (!view) throw new Problem(404, 'not-found', 'Not found', `${key} is not in the registry`);
    return view;
  }

  getMany<V extends RegistryView>(keys: ViewKey<V>[]): Promise<Map<string, V>> {
    return this.reader.getMany(keys);
  }

  list<V extends RegistryView>(prefix: ViewKey<V>, limit: number, afterKey?: string): Promise<V[]> {
    return this.reader.list(prefix, limit, afterKey);
  }
}
