import { Inject, Injectable } from '@nestjs/common';
import { FinancialYear } from '@bcl/kernel';
import { EventStore } from '@bcl/event-store';
import {
  FundDayTotalsView,
  FundYearTotalsView,
  fundDayTotalsPrefix,
  fundTotalsKey,
  fundTotalsProjection,
} from '@bcl/domain-fund';
import {
  FundTotalsViews,
  LoadedPoolYear,
  LoadedPoolYearLedger,
  POOL_YEAR_CACHE_LIMITS,
  PoolYearCache,
  PoolYearLedgers,
} from '@bcl/fund-reports';
import { ServiceStore } from '@bcl/service-store';
import { EVENT_STORE, SERVICE_STORE } from '../event-log/event-log.tokens';
import { Problem } from '../problem';

/**
 * The most fund-totals views a pool-year is read with (its record, its effective days, and the days its postings
 * were recorded on, over ten years of corrections): a pool-year with more is folded instead.
 */
const FUND_TOTALS_VIEWS_MAX = 1 + 366 + 3_660;

/** The fund-totals views in the service store, kept by the projection runner, each pool-year read in one statement. */
export function fundTotalsViewsOf(service: ServiceStore): FundTotalsViews {
  return {
    async read(poolId, year) {
      const key = fundTotalsKey.year(poolId, year);
      const prefix = fundDayTotalsPrefix(poolId, year);
      const rows = await service.loadViewAndPrefixed(
        fundTotalsProjection.name,
        key,
        prefix,
        FUND_TOTALS_VIEWS_MAX,
      );
      if (!rows) return { days: [] };
      const record = rows.find((row) => row.key === key)?.view as FundYearTotalsView | undefined;
      const days = rows
        .filter((row) => row.key !== key)
        .map((row) => row.view as unknown as FundDayTotalsView);
      return { ...(record ? { record } : {}), days };
    },
  };
}

/**
 * The pool-years the fund queries read, one cache for the whole process (the API's routes and the pages alike):
 * as known now, folded once and advanced by the events appended since (`PoolYearCache`); as known at an instant,
 * the first events known then, folded and kept. A position or a reconciliation as known now, of a pool-year not
 * folded here, is read from the fund-totals projection's views instead (`PoolYearLedgers`): a process that
 * starts does not fold a year of half a million postings to answer one.
 */
@Injectable()
export class PoolYearReads {
  private readonly cache: PoolYearCache;
  private readonly ledgers: PoolYearLedgers;

  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(SERVICE_STORE) service: ServiceStore) {
    this.cache = new PoolYearCache(store, POOL_YEAR_CACHE_LIMITS);
    this.ledgers = new PoolYearLedgers(store, fundTotalsViewsOf(service));
  }

  /** A pool-year as known at `knownAt` (absent: now), with its transactions; undefined when not opened. */
  load(poolId: string, year: FinancialYear, knownAt?: string): Promise<LoadedPoolYear | undefined> {
    return this.cache.load(poolId, year, knownAt);
  }

  /** A pool-year as known at `knownAt`, or 404. */
  async required(poolId: string, year: FinancialYear, knownAt?: string): Promise<LoadedPoolYear> {
    return (await this.load(poolId, year, knownAt)) ?? notOpened(poolId, year, knownAt);
  }

  /**
   * A pool-year as its position and reconciliation read it, or 404: as known now and not folded here, from the
   * fund-totals views (without its transactions) when they hold it; else as `required`.
   */
  async requiredLedger(poolId: string, year: FinancialYear, knownAt?: string): Promise<LoadedPoolYearLedger> {
    if (knownAt === undefined && !this.cache.holds(poolId, year)) {
      const summed = await this.ledgers.load(poolId, year);
      if (summed) return summed;
    }
    return this.required(poolId, year, knownAt);
  }
}

const notOpened = (poolId: string, year: FinancialYear, knownAt?: string): never => {
  throw poolYearNotOpened(poolId, year, knownAt);
};

/** The 404 of a pool-year not opened (or not yet recorded as opened, as known at `knownAt`). */
export const poolYearNotOpened = (poolId: string, year: FinancialYear, knownAt?: string) =>
  new Problem(
    404,
    'not-found',
    'Not found',
    `pool '${poolId}' has no year ${year} opened${knownAt === undefined ? '' : ` as known at ${knownAt}`}`,
  );
