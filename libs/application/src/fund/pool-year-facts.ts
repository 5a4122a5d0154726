import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EventStore } from '@bcl/event-store';
import { poolYearFigures, poolYearTransactions } from '@bcl/fund-reports';
import { EVENT_STORE } from '../event-log/event-log.tokens';
import { PoolYearPositionQuery, requiredPoolYear } from './fund-queries';

/**
 * A pool-year's transactions and stated figures from one viewpoint, each with its evidence (a citation, or
 * `assumed` with why), and the stream's revision.
 */
export class PoolYearFactsQuery extends PoolYearPositionQuery {}
@QueryHandler(PoolYearFactsQuery)
export class PoolYearFactsHandler implements IQueryHandler<PoolYearFactsQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute({ poolId, year, viewpoint }: PoolYearFactsQuery) {
    const loaded = await requiredPoolYear(this.store, poolId, year, viewpoint.knownAt);
    return {
      transactions: poolYearTransactions(loaded, viewpoint),
      figures: poolYearFigures(loaded, viewpoint),
      revision: loaded.revision,
    };
  }
}
