import { FinancialYear } from '@bcl/kernel';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Viewpoint } from '@bcl/domain-fund';
import { poolYearFigures, poolYearTransactions, poolYearTransactionsPage } from '@bcl/fund-reports';
import { PoolYearPositionQuery } from './fund-queries';
import { PoolYearReads } from './pool-year-reads';

/**
 * A pool-year's transactions and stated figures from one viewpoint, each with its evidence (a citation, or
 * `assumed` with why), and the stream's revision. Each list is made when first read: a year may hold half a
 * million transactions, which its figures' route does not list.
 */
export class PoolYearFactsQuery extends PoolYearPositionQuery {}
@QueryHandler(PoolYearFactsQuery)
export class PoolYearFactsHandler implements IQueryHandler<PoolYearFactsQuery> {
  constructor(private readonly poolYears: PoolYearReads) {}
  async execute({ poolId, year, viewpoint }: PoolYearFactsQuery) {
    const loaded = await this.poolYears.required(poolId, year, viewpoint.knownAt);
    let transactions: ReturnType<typeof poolYearTransactions> | undefined;
    let figures: ReturnType<typeof poolYearFigures> | undefined;
    return {
      get transactions() {
        return (transactions ??= poolYearTransactions(loaded, viewpoint));
      },
      get figures() {
        return (figures ??= poolYearFigures(loaded, viewpoint));
      },
      revision: loaded.revision,
    };
  }
}

/**
 * One page of a pool-year's transactions from one viewpoint (`page` from 1, clamped to the pages there are;
 * `perPage` a page), as `poolYearTransactionsPage` makes it from the cached pool-year: only that page's rows, the
 * count, and where in the whole listing each transaction a row names is; and the stream's revision.
 */
export class PoolYearTransactionsPageQuery {
  constructor(
    readonly poolId: string,
    readonly year: FinancialYear,
    readonly viewpoint: Viewpoint,
    readonly page: number,
    readonly perPage: number,
  ) {}
}
@QueryHandler(PoolYearTransactionsPageQuery)
export class PoolYearTransactionsPageHandler implements IQueryHandler<PoolYearTransactionsPageQuery> {
  constructor(private readonly poolYears: PoolYearReads) {}
  async execute({ poolId, year, viewpoint, page, perPage }: PoolYearTransactionsPageQuery) {
    const loaded = await this.poolYears.required(poolId, year, viewpoint.knownAt);
    return {
      transactions: poolYearTransactionsPage(loaded, viewpoint, { page, perPage }),
      revision: loaded.revision,
    };
  }
}
