import { PlanState } from '../../plan/plan';
import { RuleResult, classify, pounds, sum, ruleSource } from '../check-result';
import { computedTotal } from '../computed-total';

/** F13: in two-tier areas the DFG passes to the districts in full, unless a joint agreement says otherwise. */
export function checkDfgPassDown(state: PlanState, year: string, tolerance: bigint): RuleResult[] {
  const county = computedTotal(state, 'dfg', year);
  if (county === 0n) return [];
  const districts = sum(state.content.dfgPassDown.map((d) => d.amountsPence[year] ?? 0));
  const outcome = classify(districts - county, tolerance);
  const agreed = state.content.dfgJointAgreements.find((agreement) => agreement.year === year);
  return [
    {
      checkId: `F13:dfg-pass-down:${year}`,
      rule: 'F13',
      severity: outcome === 'fail' && !agreed ? 'blocking' : 'information',
      outcome,
      message: `${year}: DFG ${pounds(county)}; passed down to districts ${pounds(districts)}${outcome === 'rounding' ? ' (rounding)' : ''}${outcome === 'fail' && agreed ? `; retained by joint agreement (${agreed.source})` : ''}`,
      source: ruleSource('F13'),
      figures: {
        stated: pounds(districts),
        computed: pounds(county),
        difference: pounds(districts - county),
      },
    },
  ];
}
