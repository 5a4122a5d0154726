/**
 * The plans context's published facts: what other contexts may ask of it (a plan's current version and its
 * checks), and nothing else. Other domain libraries and the shell's fact loaders import this module
 * (`@bcl/domain-plans/facts`), never the plans context's internals.
 */
import { PlanState } from './plan/plan';
import {
  CheckResult,
  PlanOfCycle,
  PlanSignOffFacts,
  checkPlan,
  signOffObstacles,
} from './checks/plan-checks';
import { PlanningReference } from './reference/planning-reference';
import { AreaFacts } from './plan/record-plan-document';
import { LoggedPlanEvent, planVersions } from './plan/plan-history';
import { Viewpoint } from '@bcl/kernel';

export type { PlanState } from './plan/plan';
export type { CheckResult, PlanOfCycle, PlanSignOffFacts } from './checks/plan-checks';
export { signOffObstacles };
export type { AreaFacts } from './plan/record-plan-document';
export { evolvePlan, planStream } from './plan/plan';
export type { LoggedPlanEvent } from './plan/plan-history';

/** The version the ledger holds of a plan, or undefined when it holds none. */
export function currentPlanVersion(plan: PlanState | undefined): number | undefined {
  return plan?.version;
}

/**
 * The version of a plan seen from a viewpoint (docs/time-travel.md): the last version in effect by `asAt` and
 * recorded by `knownAt`, as the plan's own view shows it; undefined when none is seen.
 */
export function planVersionSeenFrom(events: LoggedPlanEvent[], viewpoint: Viewpoint): number | undefined {
  return planVersions(events, viewpoint).at(-1)?.version;
}

/**
 * The plan's checks against its cycle's reference data and its area; none for a plan not recorded.
 * `plansOfCycle` (the plans recorded for the area and cycle) are read-side facts: a write decision leaves them out.
 */
export function planChecks(
  plan: PlanState | undefined,
  reference: PlanningReference,
  area: Pick<AreaFacts, 'twoTier' | 'memberships'>,
  signOff?: PlanSignOffFacts,
  plansOfCycle?: PlanOfCycle[],
): CheckResult[] {
  return plan ? checkPlan(plan, reference, { ...area, plansOfCycle }, signOff) : [];
}
