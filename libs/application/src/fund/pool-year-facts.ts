import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { poolYearFigures, poolYearTransactions } from '@bcl/fund-reports';
import { PoolYearPositionQuery } from './fund-queries';
import { PoolYearReads } from './pool-year-reads';

/**
 * A pool-year's transactions and stated figures from one viewpoint, each with its evidence (a citation, or
 * `assumed` with why), and the stream's revision.
 */
export class PoolYearFactsQuery extends PoolYearPositionQuery {}
@QueryHandler(PoolYearFactsQuery)
export class PoolYearFactsHandler implements IQueryHandler<PoolYearFactsQuery> {
  constructor(private readonly poolYears: PoolYearReads) {}
  async execute({ poolId, year, viewpoint }: PoolYearFactsQuery) {
    const loaded = await this.poolYears.required(poolId, year, viewpoint.knownAt);
    return {
      transactions: poolYearTransactions(loaded, viewpoint),
      figures: poolYearFigures(loaded, viewpoint),
      revision: loaded.revision,
    };
  }
}
