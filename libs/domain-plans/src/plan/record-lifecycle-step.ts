import { DomainError, isCalendarDate } from '@bcl/kernel';
import { LifecycleStep, PlanEvent, PlanState } from './plan';

export interface RecordLifecycleStep {
  planId: string;
  step: LifecycleStep;
  on: string;
  parties: string[];
  delegated: boolean;
}

/**
 * Steps the governance acts that carry the authority record (an approval, a delegation's report-back): the
 * plan's view derives them (docs/sign-off.md). Those already in a plan's log still show, as plan steps.
 */
export const RECORDED_BY_GOVERNANCE: readonly LifecycleStep[] = ['signed-off', 'reported-back'];

/** Steps that must already be recorded in this version before each step (brief §3.1 hard guards, P2, P4, P12). */
const REQUIRES: Record<LifecycleStep, LifecycleStep[]> = {
  'jointly-agreed': [],
  'signed-off': [], // recorded by governance (RECORDED_BY_GOVERNANCE)
  'reported-back': [],
  submitted: ['jointly-agreed'],
  'regionally-assured': ['submitted'],
  approved: ['submitted', 'regionally-assured'],
  'not-approved': ['submitted', 'regionally-assured'],
};

/**
 * Records a lifecycle step of the plan's current version: joint agreement, and NHS England's acts (submitted,
 * regionally assured, approved or not). Sign-off and report-back are governance's acts, refused here.
 */
export function recordLifecycleStep(state: PlanState | undefined, command: RecordLifecycleStep): PlanEvent[] {
  if (!state) throw new DomainError('not-found', 'planId', `plan '${command.planId}' is not recorded`);
  if (RECORDED_BY_GOVERNANCE.includes(command.step))
    throw new DomainError(
      'conflict',
      'step',
      `'${command.step}' is recorded by governance, not as a plan step: ${command.step === 'signed-off' ? `an approval of version ${state.version} under a delegation or a Board resolution` : "the report-back of the sign-off's delegation to its Board"} (docs/sign-off.md)`,
    );
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
    (command.step === 'approved' || command.step === 'not-approved') &&
    done.some((s) => s === 'approved' || s === 'not-approved')
  )
    throw new DomainError('conflict', 'step', 'the approval decision for this version is already recorded');
  const { planId, step, on, parties, delegated } = command;
  return [
    {
      type: 'PlanLifecycleStepRecorded',
      data: { planId, version: state.version, step, on, parties, delegated },
    },
  ];
}
