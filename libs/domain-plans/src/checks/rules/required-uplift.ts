import { PlanState } from '../../plan/plan';
import { PlanningReference } from '../../reference/planning-reference';
import { RuleResult, pounds, ruleSource } from '../check-result';

const SOURCE = (reference: PlanningReference, entry?: string) =>
  ruleSource('U1', {
    cycle: reference.cycle,
    keys: [entry ? `contributionUplifts (${entry})` : 'contributionUplifts'],
  });

/**
 * U1: each contributor's contribution grows at least by the uplift the reference data requires for its funding
 * source between two consecutive years of the cycle (the required figure rounded up: "at least"). Short by no
 * more than the rounding tolerance is rounding (the seeds give whole pounds); short by more fails with the
 * severity the reference data sets. Where the reference sets no uplift, or a year's amount is absent, the rule
 * says it cannot check.
 */
export function checkRequiredUplift(state: PlanState, reference: PlanningReference): RuleResult[] {
  const years = reference.financialYears;
  const tolerance = BigInt(reference.roundingTolerancePence);
  return state.content.contributions.flatMap((contribution) =>
    years.slice(1).flatMap((to, index): RuleResult[] => {
      const from = years[index]!;
      const before = contribution.amountsPence[from];
      const after = contribution.amountsPence[to];
      if (before === undefined && after === undefined) return [];
      const checkId = `U1:required-uplift:${contribution.key}:${from}..${to}`;
      const subject = `'${contribution.key}' ${from} to ${to}`;
      const uplift = (reference.contributionUplifts ?? []).find(
        (u) => u.fundingSource === contribution.source && u.from === from && u.to === to,
      );
      if (!uplift)
        return [
          {
            checkId,
            rule: 'U1',
            severity: 'information',
            outcome: 'not-checkable',
            message: `${subject}: the reference data sets no required uplift for ${contribution.source} contributions from ${from} to ${to}`,
            source: SOURCE(reference),
          },
        ];
      const source = SOURCE(reference, `${uplift.fundingSource} ${uplift.from} to ${uplift.to}`);
      if (before === undefined || after === undefined)
        return [
          {
            checkId,
            rule: 'U1',
            severity: reference.notCheckableSeverity,
            outcome: 'not-checkable',
            message: `${subject}: the required ${uplift.basisPoints / 100}% uplift cannot be checked (missing: contributions '${contribution.key}' amountsPence.${before === undefined ? from : to})`,
            source,
          },
        ];
      const scale = 10_000n;
      const requiredExact = BigInt(before) * (scale + BigInt(uplift.basisPoints));
      const required = (requiredExact + scale - 1n) / scale;
      const shortfall = required - BigInt(after);
      const outcome =
        BigInt(after) * scale >= requiredExact ? 'pass' : shortfall <= tolerance ? 'rounding' : 'fail';
      const note =
        outcome === 'rounding' ? ' (rounding)' : outcome === 'fail' ? ' (short of the required uplift)' : '';
      return [
        {
          checkId,
          rule: 'U1',
          severity: outcome === 'fail' ? uplift.severity : 'information',
          outcome,
          message: `${subject}: planned ${pounds(after)}; required at least ${pounds(required)} (${pounds(before)} + ${uplift.basisPoints / 100}%)${note}`,
          source,
          figures: {
            stated: pounds(after),
            computed: pounds(required),
            difference: pounds(BigInt(after) - required),
          },
        },
      ];
    }),
  );
}
