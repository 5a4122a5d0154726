import {
  CalendarDate,
  Evidence,
  Viewpoint,
  effectiveDateOf,
  eventSeenFrom,
  evidenceOf,
  operatorWriteMark,
} from '@bcl/kernel';
import { CheckResult } from '../checks/check-result';
import { LoggedPlanEvent } from './plan-history';

/**
 * A finance officer's acceptance of a warning, as the plan's view shows it: who accepted it, on which date (its
 * effective date: the event's validTime; null for an acceptance recorded without one, seen from any date), when
 * it was recorded, why, and what it rests on.
 */
export interface WarningAcceptance {
  checkId: string;
  version: number;
  on: CalendarDate | null;
  acceptedBy: string;
  reason: string;
  recordedAt: string;
  evidence: Evidence;
  /** Present when an operator wrote the acceptance raw (`bcl append`), not the plan's rules: the reason. */
  operatorWrite?: { reason: string };
}

/**
 * The acceptances of a version's warnings seen from the viewpoint (recorded by `knownAt`, in effect by `asAt`),
 * in the order they were recorded: the same acceptances the version's state counts (`planVersions`).
 */
export function warningAcceptances(
  events: readonly LoggedPlanEvent[],
  version: number,
  viewpoint: Viewpoint = {},
): WarningAcceptance[] {
  return events.flatMap((event) =>
    event.type === 'PlanWarningAccepted' && event.data.version === version && eventSeenFrom(viewpoint, event)
      ? [
          {
            checkId: event.data.checkId,
            version,
            on: effectiveDateOf(event),
            acceptedBy: event.actor,
            reason: event.reason,
            recordedAt: event.recordedAt,
            evidence: evidenceOf(event),
            ...operatorWriteMark(event.metadata),
          },
        ]
      : [],
  );
}

/** Each accepted check with its acceptance (who, when, why, evidence) beside it; other checks as they are. */
export function withAcceptances(
  checks: readonly CheckResult[],
  acceptances: readonly WarningAcceptance[],
): (CheckResult & { acceptance?: WarningAcceptance })[] {
  const byCheck = new Map(acceptances.map((acceptance) => [acceptance.checkId, acceptance]));
  return checks.map((check) => {
    const acceptance = check.accepted ? byCheck.get(check.checkId) : undefined;
    return acceptance ? { ...check, acceptance } : check;
  });
}
