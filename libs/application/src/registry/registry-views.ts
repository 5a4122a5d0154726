import { Injectable } from '@nestjs/common';
import { RegistryView, registryProjection } from '@bcl/domain-registry';
import { ViewKey, ViewReader, Viewpoint } from '@bcl/kernel';
import { ViewpointViews } from '../event-log/viewpoint-views';
import { Problem } from '../problem';

/** The registry projection's views from one viewpoint; a missing one is a 404 naming what was asked for. */
export class RegistryReader {
  constructor(private readonly reader: ViewReader<RegistryView>) {}

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

/**
 * Reads the registry's views: as now (the stored views), or from a viewpoint (the log's events seen from it,
 * replayed; docs/time-travel.md).
 */
@Injectable()
export class RegistryViews extends RegistryReader {
  constructor(private readonly views: ViewpointViews) {
    super(views.from({})(registryProjection));
  }

  from(viewpoint: Viewpoint): RegistryReader {
    return new RegistryReader(this.views.from(viewpoint)(registryProjection));
  }
}
