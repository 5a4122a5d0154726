import { CalendarDate } from './calendar-date';

/**
 * Where a reader stands on the two time axes: `asAt` (effective date: the world as it stood on that day) and
 * `knownAt` (recorded instant: what the ledger had been told by then). Either may be absent (today; now).
 */
export interface Viewpoint {
  asAt?: CalendarDate;
  /** ISO 8601 UTC instant, compared with each event's recordedAt. */
  knownAt?: string;
}

/** The date an event takes effect: its metadata's validTime (date part), or null where it has none. */
export function effectiveDateOf(event: {
  metadata?: { readonly [key: string]: unknown };
}): CalendarDate | null {
  const validTime = event.metadata?.['validTime'];
  return typeof validTime === 'string' && validTime.length >= 10 ? validTime.slice(0, 10) : null;
}

/** Whether a fact was recorded by `knownAt` (every fact, when it is absent). */
export const knownBy = (knownAt: string | undefined, fact: { recordedAt: string }): boolean =>
  knownAt === undefined || fact.recordedAt <= knownAt;

/**
 * Whether a fact is seen from the viewpoint: recorded by `knownAt` and in effect by `asAt`. A fact with no
 * effective date of its own (a name, a registration) is seen on the `asAt` axis from any date.
 */
export function seenFrom(
  viewpoint: Viewpoint,
  fact: { effectiveOn: CalendarDate | null; recordedAt: string },
): boolean {
  if (!knownBy(viewpoint.knownAt, fact)) return false;
  return viewpoint.asAt === undefined || fact.effectiveOn === null || fact.effectiveOn <= viewpoint.asAt;
}

/** Whether a logged event is seen from the viewpoint (see `seenFrom`). */
export const eventSeenFrom = (
  viewpoint: Viewpoint,
  event: { recordedAt: string; metadata?: { readonly [key: string]: unknown } },
): boolean => seenFrom(viewpoint, { effectiveOn: effectiveDateOf(event), recordedAt: event.recordedAt });
