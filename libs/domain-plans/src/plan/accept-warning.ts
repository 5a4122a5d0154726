import { DomainError } from '@bcl/kernel';
import { CheckResult } from '../checks/plan-checks';
import { PlanEvent, PlanState } from './plan';

/** A finance officer accepts a warning for the current version (the reason is in the event's metadata). */
export function acceptWarning(
  state: PlanState | undefined,
  command: { planId: string; checkId: string },
  checks: CheckResult[],
): PlanEvent[] {
  if (!state) throw new DomainError('not-found', 'planId', `plan '${command.planId}' is not recorded`);
  const check = checks.find((candidate) => candidate.checkId === command.checkId);
  if (!check)
    throw new DomainError(
      'not-found',
      'checkId',
      `no check '${command.checkId}' stands on version ${state.version}`,
    );
  if (check.severity !== 'warning')
    throw new DomainError(
      'conflict',
      'checkId',
      `'${command.checkId}' is ${check.severity}, not a warning: it cannot be accepted`,
    );
  if (check.accepted)
    throw new DomainError('conflict', 'checkId', `'${command.checkId}' is already accepted`);
  return [
    {
      type: 'PlanWarningAccepted',
      data: { planId: command.planId, version: state.version, checkId: command.checkId },
    },
  ];
}
