import { CalendarDate } from '@bcl/kernel';
import { Delegation } from '../authority';

/**
 * A delegated decision's duty to be reported back (brief §3.4, P12): to which body, by when (`by`: a date the
 * resolution gives, or null for "the next appropriate" meeting), the date of the decision it follows, the
 * dates that body met, and when it was reported back (null while it was not).
 */
export interface ReportBackDuty {
  bodyId: string;
  by: CalendarDate | null;
  decidedOn: CalendarDate;
  /** The dates the body met (any order). */
  meetingDates: CalendarDate[];
  reportedBackOn: CalendarDate | null;
}

/**
 * The last day the report-back is in time: the given `by` date, or, for "the next" meeting, the date of the
 * body's first meeting after the decision (null while the body has not met since).
 */
export function reportBackDueOn(duty: ReportBackDuty): CalendarDate | null {
  if (duty.by !== null) return duty.by;
  const later = duty.meetingDates.filter((date) => date > duty.decidedOn).sort();
  return later[0] ?? null;
}

/**
 * Whether the report-back is outstanding on a date: the day is after the due date (the end of the `by` day, or
 * of the body's first meeting after the decision), and no report-back on or after the decision was recorded by
 * then. One function for the governance register and the plan check P12.
 */
export function reportBackOutstanding(duty: ReportBackDuty, on: CalendarDate): boolean {
  const due = reportBackDueOn(duty);
  if (due === null || on <= due) return false;
  const reported = duty.reportedBackOn;
  return reported === null || reported < duty.decidedOn || reported > on;
}

/** A delegation's duty as the register sees it: the decision is the grant (its `validFrom`). */
export const delegationReportBackDuty = (
  delegation: Delegation,
  meetingDates: (bodyId: string) => CalendarDate[],
): ReportBackDuty | null =>
  delegation.reportBack && {
    bodyId: delegation.reportBack.bodyId,
    by: delegation.reportBack.by,
    decidedOn: delegation.validFrom,
    meetingDates: meetingDates(delegation.reportBack.bodyId),
    reportedBackOn: delegation.reportedBackOn,
  };

/** Delegations whose report-back is outstanding on a date (see `reportBackOutstanding`). */
export function outstandingReportBacks<D extends Delegation>(
  delegations: D[],
  on: CalendarDate,
  meetingDates: (bodyId: string) => CalendarDate[],
): D[] {
  return delegations.filter((delegation) => {
    const duty = delegationReportBackDuty(delegation, meetingDates);
    return duty !== null && reportBackOutstanding(duty, on);
  });
}
