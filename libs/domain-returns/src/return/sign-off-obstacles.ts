import { QuarterlyReturnState } from './quarterly-return';
import { SUBMITTED_NEVER_CHANGES } from './return-guards';

/** One thing that stops a version being signed off: a blocking check failing, or the return already submitted. */
export interface SignOffObstacle {
  checkId: string;
  message: string;
}

/** The check id governance shows for a return already submitted. */
export const ALREADY_SUBMITTED = 'submitted';

/**
 * What stops the return's current version being signed off (what governance's `ReturnContext` answers): the
 * return already submitted (nothing of it changes, its sign-off included), then each blocking check failing.
 */
export function signOffObstacles(
  state: Pick<QuarterlyReturnState, 'submitted'>,
  blocking: readonly SignOffObstacle[],
): SignOffObstacle[] {
  const submitted: SignOffObstacle[] =
    state.submitted === null
      ? []
      : [
          {
            checkId: ALREADY_SUBMITTED,
            message: `version ${state.submitted.version} was submitted at ${state.submitted.submittedAt}: ${SUBMITTED_NEVER_CHANGES}`,
          },
        ];
  return [...submitted, ...blocking];
}
