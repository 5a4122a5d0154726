import { PlanState } from '../../plan/plan';
import { RuleResult, ruleSource } from '../check-result';

const SOURCE = ruleSource('V1', undefined, 'the plans recorded for the area and cycle (the plans list view)');

/** A plan recorded for the same area and cycle, and the plan it declares itself a variant of, if any. */
export interface PlanOfCycle {
  planId: string;
  variantOf: string | null;
}

/**
 * V1: one plan per area and cycle unless a variant is declared. `plansOfCycle` are the plans recorded for the
 * plan's area and cycle (read-side facts: the plans list); without them the rule says it could not look
 * (information: a write decision does not read views). This plan and another both declaring no variant is
 * blocking, naming the other; a variant of a plan that is not recorded for the area and cycle is reported for
 * information (the plan it names may be recorded later).
 */
export function checkOnePlanPerCycle(
  state: PlanState,
  plansOfCycle: readonly PlanOfCycle[] | undefined,
): RuleResult[] {
  const checkId = 'V1:one-plan-per-cycle';
  const base = { checkId, rule: 'V1', source: SOURCE };
  const what = `${state.areaId} ${state.cycle}`;
  if (!plansOfCycle)
    return [
      {
        ...base,
        severity: 'information',
        outcome: 'not-checkable',
        message: `other plans for ${what} were not consulted (missing: the plans recorded for the area and cycle)`,
      },
    ];
  const others = plansOfCycle.filter((plan) => plan.planId !== state.planId);
  const ids = others.map((plan) => plan.planId).sort();
  const variant = state.content.variant[0];
  if (variant && !ids.includes(variant.of))
    return [
      {
        ...base,
        severity: 'information',
        outcome: 'fail',
        message: `declared a variant of '${variant.of}', which is not a plan recorded for ${what}${ids.length ? ` (recorded: ${ids.join(', ')})` : ''}`,
      },
    ];
  const rivals = others.filter((plan) => plan.variantOf === null).map((plan) => `'${plan.planId}'`);
  if (variant || rivals.length === 0) return [];
  return [
    {
      ...base,
      severity: 'blocking',
      outcome: 'fail',
      message: `${rivals.sort().join(', ')} ${rivals.length === 1 ? 'is' : 'are'} also recorded for ${what} as no variant, and this plan declares no variant either (variant: [{key, of, why}])`,
    },
  ];
}
