import { Inject, Injectable } from '@nestjs/common';
import { FinancialYear } from '@bcl/kernel';
import { EventStore } from '@bcl/event-store';
import { LoadedPoolYear, POOL_YEAR_CACHE_LIMITS, PoolYearCache } from '@bcl/fund-reports';
import { EVENT_STORE } from '../event-log/event-log.tokens';
import { Problem } from '../problem';

/**
 * The pool-years the fund queries read, one cache for the whole process (the API's routes and the pages alike):
 * as known now, folded once and advanced by the events appended since (`PoolYearCache`); as known at an instant,
 * folded from the log on each read.
 */
@Injectable()
export class PoolYearReads {
  private readonly cache: PoolYearCache;

  constructor(@Inject(EVENT_STORE) store: EventStore) {
    this.cache = new PoolYearCache(store, POOL_YEAR_CACHE_LIMITS);
  }

  /** A pool-year as known at `knownAt` (absent: now); undefined when the year is not opened. */
  load(poolId: string, year: FinancialYear, knownAt?: string): Promise<LoadedPoolYear | undefined> {
    return this.cache.load(poolId, year, knownAt);
  }

  /** A pool-year as known at `knownAt`, or 404. */
  async required(poolId: string, year: FinancialYear, knownAt?: string): Promise<LoadedPoolYear> {
    const loaded = await this.load(poolId, year, knownAt);
    if (!loaded) throw poolYearNotOpened(poolId, year, knownAt);
    return loaded;
  }
}

/** The 404 of a pool-year not opened (or not yet recorded as opened, as known at `knownAt`). */
export const poolYearNotOpened = (poolId: string, year: FinancialYear, knownAt?: string) =>
  new Problem(
    404,
    'not-found',
    'Not found',
    `pool '${poolId}' has no year ${year} opened${knownAt === undefined ? '' : ` as known at ${knownAt}`}`,
  );
