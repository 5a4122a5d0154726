import { PlanState, StatedTotal } from '../../plan/plan';
import { PlanningReference } from '../../reference/planning-reference';
import { RuleResult, classify, pounds, ruleSource } from '../check-result';
import { computedTotal } from '../computed-total';

/** S6 (M3 for non-elective admissions): a stated total against the sum of its parts. */
export function checkStatedTotal(
  state: PlanState,
  reference: PlanningReference,
  total: StatedTotal,
  tolerance: bigint,
): RuleResult {
  const counted = total.table === 'nea-annual';
  const computed = computedTotal(state, total.table, total.year);
  const limit = counted ? BigInt(reference.countTolerance) : tolerance;
  const difference = BigInt(total.value) - computed;
  const outcome = classify(difference, limit);
  const show = (value: bigint) => (counted ? value.toString() : pounds(value));
  const note = outcome === 'rounding' ? ' (rounding)' : outcome === 'fail' ? ' (discrepancy)' : '';
  return {
    checkId: `S6:${total.table}:${total.year}`,
    rule: counted ? 'M3' : 'S6',
    severity: outcome === 'fail' ? 'warning' : 'information',
    outcome,
    message: `${total.year} ${total.table}: stated ${show(BigInt(total.value))}, computed from parts ${show(computed)}${note}`,
    source: counted
      ? ruleSource('M3', { cycle: reference.cycle, keys: ['countTolerance'] })
      : ruleSource('S6', { cycle: reference.cycle, keys: ['roundingTolerancePence'] }),
    figures: { stated: show(BigInt(total.value)), computed: show(computed), difference: show(difference) },
  };
}
