import { PlanningReference } from '../reference/planning-reference';
import { PlanState } from '../plan/plan';
import { CheckResult, RuleResult } from './check-result';
import { checkExpenditureEqualsPooled } from './rules/expenditure-equals-pooled';
import { checkAscMinimum } from './rules/asc-minimum';
import { checkIbcf } from './rules/ibcf';
import { checkDfgPassDown } from './rules/dfg-pass-down';
import { checkStatedTotal } from './rules/stated-totals';
import { checkMetricRate } from './rules/metric-rates';
import { checkRiskScore } from './rules/risk-scores';
import {
  PlanSignOffFacts,
  checkDelegatedSignOffReported,
  checkSubmittedWithoutSignOff,
} from './rules/sign-off-steps';
import { checkNationalConditions } from './rules/national-conditions';
import { checkDuplicateLines } from './rules/duplicate-lines';
import { checkContributorMembership } from './rules/contributor-membership';
import { AreaMembershipPeriod } from '../plan/record-plan-document';
import { checkYearOnYearMovement } from './rules/year-on-year-movement';
import { checkRequiredUplift } from './rules/required-uplift';
import { checkStatedSubtotals } from './rules/stated-subtotals';
import { PlanOfCycle, checkOnePlanPerCycle } from './rules/one-plan-per-cycle';

export type { CheckResult, Outcome, Severity } from './check-result';
export type { PlanOfCycle } from './rules/one-plan-per-cycle';
export { rateAt } from './rules/metric-rates';
export type { PlanSignOffFacts } from './rules/sign-off-steps';

/**
 * Runs every rule on the plan's current version, with the reference data of its cycle (one function per rule,
 * under `rules/`). `area` says whether the HWB area is two-tier and when each organisation was a member (from
 * the registry); `signOff`, what governance recorded of its sign-off (P2, P12); `plansOfCycle`, the plans
 * recorded for its area and cycle (read-side facts: a write decision leaves them out). Pure: the same plan
 * gives the same report.
 */
export function checkPlan(
  state: PlanState,
  reference: PlanningReference,
  area: { twoTier: boolean; memberships?: AreaMembershipPeriod[]; plansOfCycle?: PlanOfCycle[] },
  signOff?: PlanSignOffFacts,
): CheckResult[] {
  const tolerance = BigInt(reference.roundingTolerancePence);
  const results: RuleResult[] = [
    ...reference.financialYears.flatMap((year) => [
      checkExpenditureEqualsPooled(state, reference, year, tolerance),
      ...checkAscMinimum(state, reference, year),
      ...checkIbcf(state, year),
      ...(area.twoTier ? checkDfgPassDown(state, year, tolerance) : []),
    ]),
    ...state.content.statedTotals.flatMap((total) => [
      checkStatedTotal(state, reference, total, tolerance),
      ...checkStatedSubtotals(state, reference, total, tolerance),
    ]),
    ...checkYearOnYearMovement(state, reference),
    ...checkRequiredUplift(state, reference),
    ...state.content.metrics.flatMap(checkMetricRate),
    ...state.content.risks.flatMap(checkRiskScore),
    ...checkSubmittedWithoutSignOff(state, signOff),
    ...checkDelegatedSignOffReported(state, signOff),
    ...checkNationalConditions(state),
    ...checkDuplicateLines(state, reference),
    ...checkContributorMembership(state, reference, area.memberships),
    ...checkOnePlanPerCycle(state, area.plansOfCycle),
  ];
  return results.map((result) => ({ ...result, accepted: state.acceptedWarnings.includes(result.checkId) }));
}

/** What stops sign-off: blocking failures, and warnings no finance officer has accepted. */
export function signOffObstacles(results: CheckResult[]): CheckResult[] {
  return results.filter(
    (result) =>
      (result.severity === 'blocking' && result.outcome !== 'pass') ||
      (result.severity === 'warning' && !result.accepted),
  );
}
