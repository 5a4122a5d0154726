import { PlanState } from '../../plan/plan';
import { RuleResult, classify, pounds } from '../check-result';
import { computedTotal } from '../computed-total';

/** F2: planned expenditure equals the pooled budget (the sum of contributions). */
export function checkExpenditureEqualsPooled(state: PlanState, year: string, tolerance: bigint): RuleResult {
  const pooled = computedTotal(state, 'pooled-budget', year);
  const spend = computedTotal(state, 'expenditure', year);
  const outcome = classify(spend - pooled, tolerance);
  return {
    checkId: `F2:expenditure-equals-pooled:${year}`,
    rule: 'F2',
    severity: outcome === 'fail' ? 'blocking' : 'information',
    outcome,
    message:
      outcome === 'fail'
        ? `${year}: planned expenditure ${pounds(spend)} does not equal the pooled budget ${pounds(pooled)}`
        : `${year}: planned expenditure equals the pooled budget ${pounds(pooled)}`,
    source: 'brief §4.1 F2; 000:303-359',
    figures: { stated: pounds(spend), computed: pounds(pooled), difference: pounds(spend - pooled) },
  };
}
