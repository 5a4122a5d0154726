import { DomainError, isCalendarDate } from '@bcl/kernel';
import { CheckResult, signOffObstacles } from '../checks/plan-checks';
import { LifecycleStep, PlanEvent, PlanState } from './plan';

export interface RecordLifecycleStep {
  planId: string;
  step: LifecycleStep;
  on: string;
  parties: string[];
  delegated: boolean;
}

/** Steps that must already be recorded in this version before each step (brief §3.1 hard guards, P2, P4, P12). */
const REQUIRES: Record<LifecycleStep, LifecycleStep[]> = {
  'jointly-agreed': [],
  'signed-off': ['jointly-agreed'],
  'reported-back': ['signed-off'],
  submitted: ['jointly-agreed'],
  'regionally-assured': ['submitted'],
  approved: ['submitted', 'regionally-assured'],
  'not-approved': ['submitted', 'regionally-assured'],
};

/**
 * Records a lifecycle step of the plan's current version. Sign-off is refused while any check blocks or any
 * warning is unaccepted. (Who may sign, and under what delegation, is the governance capability's check.)
 */
export function recordLifecycleStep(
  state: PlanState | undefined,
  command: RecordLifecycleStep,
  checks: CheckResult[],
): PlanEvent[] {
  if (!state) throw new DomainError('not-found', 'planId', `plan '${command.planId}' is not recorded`);
  if (!isCalendarDate(command.on))
    throw new DomainError('invalid', 'on', 'must be a real date written YYYY-MM-DD');
  const done = state.steps.map((step) => step.step);
  if (done.includes(command.step))
    throw new DomainError(
      'conflict',
      'step',
      `'${command.step}' is already recorded for version ${state.version}`,
    );
  const missing = REQUIRES[command.step].filter((step) => !done.includes(step));
  if (missing.length > 0)
    throw new DomainError(
      'conflict',
      'step',
      `'${command.step}' needs '${missing.join("', '")}' first (version ${state.version})`,
    );
  if (command.step === 'jointly-agreed' && command.parties.length === 0)
    throw new DomainError('invalid', 'parties', 'name the council and each commissioner that agreed');
  if (
    command.step === 'reported-back' &&
    !state.steps.some((step) => step.step === 'signed-off' && step.delegated)
  )
    throw new DomainError('conflict', 'step', 'only a delegated sign-off is reported back to the Board');
  if (
    (command.step === 'approved' || command.step === 'not-approved') &&
    done.some((s) => s === 'approved' || s === 'not-approved')
  )
    throw new DomainError('conflict', 'step', 'the approval decision for this version is already recorded');
  if (command.step === 'signed-off') {
    const obstacles = signOffObstacles(checks);
    if (obstacles.length > 0)
      throw new DomainError(
        'conflict',
        'step',
        `sign-off is refused while ${obstacles.length} check(s) stand: ${obstacles.map((o) => o.checkId).join(', ')}`,
      );
  }
  const { planId, step, on, parties, delegated } = command;
  return [
    {
      type: 'PlanLifecycleStepRecorded',
      data: { planId, version: state.version, step, on, parties, delegated },
    },
  ];
}
