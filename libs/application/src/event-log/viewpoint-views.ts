import { Inject, Injectable } from '@nestjs/common';
import { Projection, ViewReader, Viewpoint, memoryViewReader } from '@bcl/kernel';
import { EventStore } from '@bcl/event-store';
import { PROJECTIONS_AT_A_VIEWPOINT, replayInMemory } from '@bcl/contexts';
import { ServiceStore, serviceViewReader } from '@bcl/service-store';
import { EVENT_STORE, SERVICE_STORE } from './event-log.tokens';

/** Whether a viewpoint asks for anything but now (today, as known now). */
export const isNow = (viewpoint: Viewpoint): boolean =>
  viewpoint.asAt === undefined && viewpoint.knownAt === undefined;

/**
 * Every projection's views from one viewpoint (docs/time-travel.md). Now: the service store's views, kept by
 * the projection runners. Otherwise: the log's events seen from the viewpoint, replayed into memory through
 * the same projections, once per query, so the same queries answer as at a date and as known at an instant.
 * The replay reads the whole log (its cost is the log's length; no view is stored).
 */
@Injectable()
export class ViewpointViews {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SERVICE_STORE) private readonly service: ServiceStore,
  ) {}

  /** A reader of each projection's views from the viewpoint; the replay (if any) runs on the first read. */
  from(viewpoint: Viewpoint): <V extends object>(projection: Projection<V>) => ViewReader<V> {
    if (isNow(viewpoint)) return (projection) => serviceViewReader(this.service, projection);
    let replayed: Promise<Map<string, unknown>[]> | undefined;
    const views = () => (replayed ??= replayInMemory(this.store, PROJECTIONS_AT_A_VIEWPOINT, viewpoint));
    return <V extends object>(projection: Projection<V>): ViewReader<V> => {
      const index = PROJECTIONS_AT_A_VIEWPOINT.findIndex((p) => p.name === projection.name);
      if (index < 0) throw new Error(`projection ${projection.name} is read only as known now, not replayed`);
      const reader = async () => memoryViewReader((await views())[index] as Map<string, V>);
      return {
        get: async (key) => (await reader()).get(key),
        getMany: async (keys) => (await reader()).getMany(keys),
        list: async (prefix, limit, afterKey) => (await reader()).list(prefix, limit, afterKey),
      };
    };
  }
}
