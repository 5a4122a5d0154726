import { PlanState } from '../../plan/plan';
import { PlanningReference } from '../../reference/planning-reference';
import { RuleResult, classify, pounds, ruleSource } from '../check-result';
import { computedTotal } from '../computed-total';

/**
 * F2: planned expenditure equals the pooled budget (the sum of contributions). A plan that holds no
 * scheme-level spend for the year cannot be checked: it says so, naming the missing input, rather than
 * failing as if £0 were planned (docs/plan-format.md "The checks").
 */
export function checkExpenditureEqualsPooled(
  state: PlanState,
  reference: PlanningReference,
  year: string,
  tolerance: bigint,
): RuleResult {
  const checkId = `F2:expenditure-equals-pooled:${year}`;
  const pooled = computedTotal(state, 'pooled-budget', year);
  const hasSpend = state.content.schemes.some((s) => s.spend.some((line) => line.year === year));
  if (!hasSpend)
    return {
      checkId,
      rule: 'F2',
      severity: reference.notCheckableSeverity,
      outcome: 'not-checkable',
      message: `${year}: no scheme-level planned spend is recorded (missing: schemes[].spend for ${year}), so planned expenditure cannot be compared with the pooled budget ${pounds(pooled)}`,
      source: ruleSource('F2', { cycle: reference.cycle, keys: ['roundingTolerancePence'] }),
      figures: { computed: pounds(pooled) },
    };
  const spend = computedTotal(state, 'expenditure', year);
  const outcome = classify(spend - pooled, tolerance);
  return {
    checkId,
    rule: 'F2',
    severity: outcome === 'fail' ? 'blocking' : 'information',
    outcome,
    message:
      outcome === 'fail'
        ? `${year}: planned expenditure ${pounds(spend)} does not equal the pooled budget ${pounds(pooled)}`
        : `${year}: planned expenditure equals the pooled budget ${pounds(pooled)}`,
    source: ruleSource('F2', { cycle: reference.cycle, keys: ['roundingTolerancePence'] }),
    figures: { stated: pounds(spend), computed: pounds(pooled), difference: pounds(spend - pooled) },
  };
}
