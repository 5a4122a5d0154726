import { PlanState } from '../../plan/plan';
import { RuleResult } from '../check-result';

/** P2: submitted with no sign-off in this version (brief §3.1, hard guards) is a warning. */
export function checkSubmittedWithoutSignOff(state: PlanState): RuleResult[] {
  const steps = state.steps.map((s) => s.step);
  if (!steps.includes('submitted') || steps.includes('signed-off')) return [];
  return [
    {
      checkId: 'P2:submitted-without-sign-off',
      rule: 'P2',
      severity: 'warning',
      outcome: 'fail',
      message: 'the plan was submitted with no sign-off recorded in this version',
      source: 'brief §3.1; §4.3 P2; 004:671',
    },
  ];
}

/** P12: a sign-off by a delegate is reported back to the Board. */
export function checkDelegatedSignOffReported(state: PlanState): RuleResult[] {
  const delegated = state.steps.some((s) => s.step === 'signed-off' && s.delegated);
  if (!delegated || state.steps.some((s) => s.step === 'reported-back')) return [];
  return [
    {
      checkId: 'P12:delegated-sign-off-not-reported',
      rule: 'P12',
      severity: 'warning',
      outcome: 'fail',
      message: 'signed off by a delegate, and not yet reported back to the Board',
      source: 'brief §4.3 P12; 000:442, 004:2696',
    },
  ];
}
