import { FinancialYear } from '@bcl/kernel';
import { Viewpoint } from '@bcl/domain-fund';
import { yearEnd } from '@bcl/fund-reports';
import { normaliseKnownAt } from '../business-dates';

/** What a read of a pool-year asks for: a date, the axis it is on, and an instant the record is known at. */
export interface PoolYearViewpointAsked {
  asAt?: string;
  axis?: 'effective' | 'recorded';
  knownAt?: string;
}

/**
 * The viewpoint of a pool-year's reports (docs/time-travel.md), for the API's routes and the pages alike: as at
 * the date asked (default: the year's last day) on the effective axis unless the recorded one is asked. With no
 * date asked it counts the year's postings and every figure stated of the year to date.
 */
export function poolYearViewpoint(year: FinancialYear, asked: PoolYearViewpointAsked): Viewpoint {
  const knownAt = normaliseKnownAt(asked.knownAt);
  return {
    asAt: asked.asAt ?? yearEnd(year),
    axis: asked.axis ?? 'effective',
    ...(knownAt !== undefined ? { knownAt } : {}),
    ...(asked.asAt === undefined ? { figuresAsAt: null } : {}),
  };
}
