import { PlanState } from '../../plan/plan';
import { AreaMembershipPeriod } from '../../plan/record-plan-document';
import { PlanningReference } from '../../reference/planning-reference';
import { RuleResult, pounds, ruleSource } from '../check-result';

/** A financial year `2017-18` runs from 1 April 2017 up to, not including, 1 April 2018. */
const yearSpan = (year: string) => {
  const start = Number(year.slice(0, 4));
  return { from: `${start}-04-01`, until: `${start + 1}-04-01` };
};

/** The days of [from, until) not covered by the periods: none, some, or all of them. */
function coverage(periods: AreaMembershipPeriod[], from: string, until: string): 'whole' | 'part' | 'none' {
  const overlapping = periods
    .filter((p) => p.from < until && (p.until === null || p.until > from))
    .sort((a, b) => a.from.localeCompare(b.from));
  if (overlapping.length === 0) return 'none';
  let reached = from;
  for (const period of overlapping) {
    if (period.from > reached) return 'part';
    if (period.until === null) return 'whole';
    if (period.until > reached) reached = period.until;
  }
  return reached >= until ? 'whole' : 'part';
}

const SOURCE = (reference: PlanningReference) =>
  ruleSource('A1', { cycle: reference.cycle, keys: ['financialYears'] }, "the registry's area memberships");

/**
 * A1: each contributor was a member of the area (or the successor of one) throughout each year it contributes
 * to. Not a member on any day of the year is blocking; for part of it, a warning. Without membership facts the
 * rule says it cannot check.
 */
export function checkContributorMembership(
  state: PlanState,
  reference: PlanningReference,
  memberships: AreaMembershipPeriod[] | undefined,
): RuleResult[] {
  const contributing = state.content.contributions.filter((c) =>
    reference.financialYears.some((y) => (c.amountsPence[y] ?? 0) !== 0),
  );
  if (contributing.length === 0) return [];
  if (!memberships)
    return [
      {
        checkId: 'A1:contributor-membership',
        rule: 'A1',
        severity: reference.notCheckableSeverity,
        outcome: 'not-checkable',
        message:
          "the area's membership dates are not known (missing: the registry's area memberships), so no contributor's membership can be checked",
        source: SOURCE(reference),
      },
    ];
  return contributing.flatMap((contribution) =>
    reference.financialYears.flatMap((year): RuleResult[] => {
      const amount = contribution.amountsPence[year] ?? 0;
      if (amount === 0) return [];
      const periods = memberships.filter((m) => m.organisationId === contribution.contributorId);
      const span = yearSpan(year);
      const covered = coverage(periods, span.from, span.until);
      if (covered === 'whole') return [];
      const dates =
        periods.length === 0
          ? 'no membership is recorded'
          : `member ${periods.map((p) => `from ${p.from}${p.until ? ` until ${p.until}` : ''}`).join('; ')}`;
      return [
        {
          checkId: `A1:contributor-membership:${contribution.key}:${year}`,
          rule: 'A1',
          severity: covered === 'none' ? 'blocking' : 'warning',
          outcome: 'fail',
          message: `${year}: '${contribution.contributorId}' contributes ${pounds(amount)} but was a member of the area for ${covered === 'none' ? 'none' : 'only part'} of the year (${span.from} to ${span.until}; ${dates})`,
          source: SOURCE(reference),
        },
      ];
    }),
  );
}
