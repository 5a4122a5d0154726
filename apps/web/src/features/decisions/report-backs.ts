import { QueryBus } from '@nestjs/cqrs';
import {
  BodyView,
  DelegationView,
  delegationReportBackDuty,
  reportBackDueOn,
  reportBackOutstanding,
} from '@bcl/domain-governance';
import { Viewpoint } from '@bcl/kernel';
import { GetBodyQuery, GetDelegationQuery, GovernanceAct, ListGovernanceActsQuery } from '@bcl/application';

/** A report-back owed on a date: to which body, and by when (null: the body's next meeting, not yet held). */
export interface ReportBackOwed {
  delegationId: string;
  purpose: string;
  bodyId: string;
  dueOn: string | null;
  /** The delegation's grant, when an operator wrote it raw (`bcl append`): the page marks it. */
  operatorWrite: { reason: string } | null;
}

/**
 * The report-backs owed on `on` and not yet made, overdue or not: every delegation granted by then with a duty
 * to report back that was not met by then (a report-back before the grant does not count). The register's
 * "outstanding" list (DelegationsOnQuery) holds only the overdue ones; a delegation's own page says "not yet"
 * for both, so the pages show both, each labelled for what it is.
 */
export async function reportBacksOwed(
  queries: QueryBus,
  on: string,
  viewpoint: Viewpoint,
): Promise<{ overdue: ReportBackOwed[]; due: ReportBackOwed[] }> {
  const { acts } = (await queries.execute(new ListGovernanceActsQuery({}, viewpoint))) as {
    acts: GovernanceAct[];
  };
  const granted = acts.filter((act) => act.kind === 'delegation' && act.on <= on).map((act) => act.id);
  const delegations = await Promise.all(
    [...new Set(granted)].map(
      (id) => queries.execute(new GetDelegationQuery(id, viewpoint)) as Promise<DelegationView>,
    ),
  );
  const owing = delegations.filter((d) => d.reportBack !== null);
  const bodies = new Map<string, string[]>();
  for (const bodyId of new Set(owing.map((d) => d.reportBack!.bodyId)))
    bodies.set(bodyId, await meetingDatesOf(queries, bodyId, viewpoint));
  const overdue: ReportBackOwed[] = [];
  const due: ReportBackOwed[] = [];
  for (const delegation of owing) {
    const duty = delegationReportBackDuty(delegation, (bodyId) => bodies.get(bodyId) ?? [])!;
    const dueOn = reportBackDueOn(duty);
    const owed = {
      delegationId: delegation.delegationId,
      purpose: delegation.purpose,
      bodyId: duty.bodyId,
      dueOn,
      operatorWrite: delegation.operatorWrite ?? null,
    };
    if (reportBackOutstanding(duty, on)) overdue.push(owed);
    else if (!madeBy(duty.reportedBackOn, duty.decidedOn, on)) due.push(owed);
  }
  const byDue = (a: ReportBackOwed, b: ReportBackOwed) =>
    (a.dueOn ?? '9999-12-31').localeCompare(b.dueOn ?? '9999-12-31') ||
    a.delegationId.localeCompare(b.delegationId);
  return { overdue: overdue.sort(byDue), due: due.sort(byDue) };
}

/** When a delegation's report-back is due (null: at the body's next meeting, none held since the grant). */
export async function reportBackDueOnFor(
  queries: QueryBus,
  delegation: DelegationView,
  viewpoint: Viewpoint,
): Promise<string | null> {
  if (!delegation.reportBack) return null;
  const dates = await meetingDatesOf(queries, delegation.reportBack.bodyId, viewpoint);
  return reportBackDueOn(delegationReportBackDuty(delegation, () => dates)!);
}

/** Whether a report-back on or after the decision was recorded by `on`. */
const madeBy = (reportedOn: string | null, decidedOn: string, on: string): boolean =>
  reportedOn !== null && reportedOn >= decidedOn && reportedOn <= on;

async function meetingDatesOf(queries: QueryBus, bodyId: string, viewpoint: Viewpoint): Promise<string[]> {
  try {
    const body = (await queries.execute(new GetBodyQuery(bodyId, viewpoint))) as BodyView;
    return body.meetings.map((m) => m.date);
  } catch {
    return []; // a body not recorded has not met
  }
}
