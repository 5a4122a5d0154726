import { Viewpoint } from '@bcl/kernel';
import { invalidRequest } from './problem';

/** Today in England, YYYY-MM-DD: the default business date for "as at" queries. */
export function todayInEngland(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now);
}

/** Normalises a knownAt instant to the store's recordedAt form (ISO 8601 UTC with milliseconds). */
export function normaliseKnownAt(knownAt: string | undefined): string | undefined {
  if (knownAt === undefined) return undefined;
  const time = Date.parse(knownAt);
  if (Number.isNaN(time)) throw invalidRequest([{ field: 'knownAt', reason: 'is not a real date-time' }]);
  return new Date(time).toISOString();
}

/**
 * The viewpoint a read route's `asAt` and `knownAt` ask for (docs/time-travel.md): absent fields are left out,
 * so a request with neither reads the views as now.
 */
export function viewpointOf(query: { asAt?: string; knownAt?: string }): Viewpoint {
  const knownAt = normaliseKnownAt(query.knownAt);
  return {
    ...(query.asAt !== undefined ? { asAt: query.asAt } : {}),
    ...(knownAt !== undefined ? { knownAt } : {}),
  };
}
