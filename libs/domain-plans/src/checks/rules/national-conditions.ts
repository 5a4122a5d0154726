import { PlanState } from '../../plan/plan';
import { RuleResult, ruleSource } from '../check-result';

/** P10: every scheme should support at least one national condition. */
export function checkNationalConditions(state: PlanState): RuleResult[] {
  return state.content.schemes
    .filter((s) => s.nationalConditions.length === 0)
    .map((scheme) => ({
      checkId: `P10:${scheme.key}`,
      rule: 'P10',
      severity: 'warning',
      outcome: 'fail',
      message: `scheme '${scheme.name}' supports no national condition`,
      source: ruleSource('P10'),
    }));
}
