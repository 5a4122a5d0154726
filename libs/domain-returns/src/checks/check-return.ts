import { Quarter } from '@bcl/kernel';
import { ConsistencyTemplate, ReturnTemplate, RuleTemplate } from '../template/return-template';
import { SectionValidation } from '../return/quarterly-return';
import { ReturnCheck, ReturnUnderCheck } from './return-check';
import { CheckContext, contextOf } from './check-context';
import { checkRequired } from './rules/required';
import { checkNumberBounds } from './rules/number-bounds';
import { checkAllowedAnswers } from './rules/allowed-answers';
import { checkRequiredWhen } from './rules/required-when';
import { checkSumEquals } from './rules/sum-equals';
import { checkCommentaryWhenDiffers } from './rules/commentary-when-differs';
import { checkPaired } from './rules/paired';
import { checkDeadline } from './rules/deadline';
import { checkStockRollForward } from './consistency/stock-roll-forward';
import { checkShareOfCount } from './consistency/share-of-count';
import { checkRateAgrees } from './consistency/rate-agrees';
import { checkStatusAgainstTarget } from './consistency/status-against-target';
import { checkContradiction } from './consistency/contradiction';
import { checkGoLivePassed } from './consistency/go-live-passed';
import { checkChangedWithoutCommentary } from './consistency/changed-without-commentary';
import { checkRestated } from './consistency/restated';

/** One template rule on the return: each kind in its own file under rules/. */
function checkRule(ctx: CheckContext, rule: RuleTemplate): ReturnCheck[] {
  switch (rule.kind) {
    case 'required':
      return checkRequired(ctx, rule);
    case 'number-bounds':
      return checkNumberBounds(ctx, rule);
    case 'allowed-answers':
      return checkAllowedAnswers(ctx, rule);
    case 'required-when':
      return checkRequiredWhen(ctx, rule);
    case 'sum-equals':
      return checkSumEquals(ctx, rule);
    case 'commentary-when-differs':
      return checkCommentaryWhenDiffers(ctx, rule);
    case 'paired':
      return checkPaired(ctx, rule);
    case 'deadline':
      return checkDeadline(ctx, rule);
  }
}

/** One consistency check on the return: each kind in its own file under consistency/. */
function checkConsistency(ctx: CheckContext, check: ConsistencyTemplate): ReturnCheck[] {
  switch (check.kind) {
    case 'stock-roll-forward':
      return checkStockRollForward(ctx, check);
    case 'share-of-count':
      return checkShareOfCount(ctx, check);
    case 'rate-agrees':
      return checkRateAgrees(ctx, check);
    case 'status-against-target':
      return checkStatusAgainstTarget(ctx, check);
    case 'contradiction':
      return checkContradiction(ctx, check);
    case 'go-live-passed':
      return checkGoLivePassed(ctx, check);
    case 'changed-without-commentary':
      return checkChangedWithoutCommentary(ctx, check);
    case 'restated':
      return checkRestated(ctx, check);
  }
}

/** Check ids made unique in order of appearance: a repeat gets `#2`, `#3` … (two rules sharing an id). */
function uniqueIds(checks: ReturnCheck[]): ReturnCheck[] {
  const seen = new Map<string, number>();
  return checks.map((check) => {
    const count = (seen.get(check.checkId) ?? 0) + 1;
    seen.set(check.checkId, count);
    return count === 1 ? check : { ...check, checkId: `${check.checkId}#${count}` };
  });
}

/**
 * Every template rule of the return's quarter (rules without `quarters` apply to every quarter) and every
 * consistency check, on the fields the quarter's return has, in the template's order. Pure: the same return
 * gives the same checks; nothing is corrected.
 */
export function checkReturn(input: ReturnUnderCheck): ReturnCheck[] {
  const ctx = contextOf(input);
  const rules = input.template.rules.filter(
    (rule) => !rule.quarters || rule.quarters.includes(input.quarter),
  );
  return uniqueIds([
    ...rules.flatMap((rule) => checkRule(ctx, rule)),
    ...input.template.consistency.flatMap((check) => checkConsistency(ctx, check)),
  ]);
}

/** Each section of the quarter's return: green when none of its blocking rule checks fails (Q3, Q4). */
export function sectionValidations(
  template: ReturnTemplate,
  quarter: Quarter,
  checks: ReturnCheck[],
): SectionValidation[] {
  return (template.quarters[`Q${quarter}`]?.sections ?? []).map((section) => {
    const failing = checks
      .filter(
        (c) =>
          c.section === section && c.kind === 'rule' && c.severity === 'blocking' && c.outcome === 'fail',
      )
      .map((c) => c.checkId);
    return { section, passed: failing.length === 0, failing };
  });
}
