import { CalendarDate, Viewpoint, effectiveDateOf } from '@bcl/kernel';
import { LoggedPlanEvent } from './plan-history';

/**
 * The date from which a version recorded by `knownAt` is seen (docs/time-travel.md): the latest effective date
 * of the events that began it and each version before it (a version not yet in effect hides every later one).
 * Null when the version was not recorded by then, or when none of them has an effective date.
 */
export function versionEffectiveFrom(
  events: readonly LoggedPlanEvent[],
  version: number,
  { knownAt }: Viewpoint = {},
): CalendarDate | null {
  let found = false;
  let from: CalendarDate | null = null;
  for (const event of events) {
    if (knownAt !== undefined && event.recordedAt > knownAt) break;
    const began =
      event.type === 'PlanInitiated' ? 1 : event.type === 'PlanVersionStarted' ? event.data.version : null;
    if (began === null || began > version) continue;
    if (began === version) found = true;
    const on = effectiveDateOf(event);
    if (on !== null && (from === null || on > from)) from = on;
  }
  return found ? from : null;
}
