import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EventStore } from '@bcl/event-store';
import { AreaView, viewKey } from '@bcl/domain-registry';
import { AssumedFact, assumedFactsOfArea, knownLog } from '@bcl/contexts';
import { EVENT_STORE } from '../event-log/event-log.tokens';
import { RegistryViews } from './registry-views';

/** Every assumed fact of an area, from the whole log (as known at an instant, if given). */
export class AssumedFactsQuery {
  constructor(
    readonly areaId: string,
    readonly knownAt?: string,
  ) {}
}

export interface AssumedFactsAnswer {
  areaId: string;
  knownAt: string | null;
  count: number;
  facts: AssumedFact[];
}

@QueryHandler(AssumedFactsQuery)
export class AssumedFactsHandler implements IQueryHandler<AssumedFactsQuery, AssumedFactsAnswer> {
  constructor(
    private readonly views: RegistryViews,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ areaId, knownAt }: AssumedFactsQuery): Promise<AssumedFactsAnswer> {
    await this.views.get<AreaView>(viewKey.area(areaId)); // 404 for an area the registry does not hold
    const facts = assumedFactsOfArea(await knownLog(this.store, knownAt), areaId);
    return { areaId, knownAt: knownAt ?? null, count: facts.length, facts };
  }
}
