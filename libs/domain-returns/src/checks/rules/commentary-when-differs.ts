import {
  CheckContext,
  cellOf,
  isFilled,
  labelOf,
  reportCheck,
  rowsIn,
  sameValue,
  shown,
} from '../check-context';
import { bindPattern } from '../field-patterns';
import { ReturnCheck } from '../return-check';
import { RuleOf } from './rule-of';

/**
 * Per row of `field` (a pattern binds `against` and `commentary` to the row): a value that differs from any
 * filled field of `against` (Q10: the actual from the plan or the forecast) needs the commentary filled. The
 * field empty: not checkable; nothing to compare with, or equal to all: pass.
 */
export function checkCommentaryWhenDiffers(
  ctx: CheckContext,
  rule: RuleOf<'commentary-when-differs'>,
): ReturnCheck[] {
  return rowsIn(ctx, rule.field).map(({ field, bound }) => {
    const value = ctx.input.cells[field]?.value;
    const commentary = bindPattern(rule.commentary, bound);
    const against = rule.against
      .map((pattern) => bindPattern(pattern, bound))
      .filter((f) => ctx.fields.has(f) && isFilled(ctx.input.cells[f]?.value));
    const base = { checkId: `${rule.rule}:${field}`, field };
    if (!isFilled(value))
      return reportCheck(ctx, rule, 'rule', {
        ...base,
        outcome: 'not-checkable',
        message: `${labelOf(ctx, field)} is empty: it cannot be compared with ${against.join(', ') || 'anything'}`,
        cells: [cellOf(ctx, field)],
      });
    const differing = against.filter((f) => !sameValue(value, ctx.input.cells[f]?.value));
    const cells = [field, ...against].map((f) => cellOf(ctx, f));
    const compared = differing.map((f) => `${labelOf(ctx, f)} ${shown(ctx, f, ctx.input.cells[f]?.value)}`);
    if (differing.length === 0)
      return reportCheck(ctx, rule, 'rule', {
        ...base,
        outcome: 'pass',
        message: `${labelOf(ctx, field)} ${shown(ctx, field, value)} equals ${against.join(', ') || 'nothing filled to compare with'}`,
        cells,
      });
    const explained = isFilled(ctx.input.cells[commentary]?.value);
    return reportCheck(ctx, rule, 'rule', {
      ...base,
      outcome: explained ? 'pass' : 'fail',
      message: `${labelOf(ctx, field)} ${shown(ctx, field, value)} differs from ${compared.join(' and ')}: ${
        explained ? `explained in ${commentary}` : `${labelOf(ctx, commentary)} is empty`
      }`,
      cells: [...cells, cellOf(ctx, commentary)],
    });
  });
}
