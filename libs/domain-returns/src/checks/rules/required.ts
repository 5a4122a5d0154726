import { CheckContext, isFilled, labelOf, rowsIn } from '../check-context';
import { ReturnCheck } from '../return-check';
import { checkEachCell } from './per-cell';
import { RuleOf } from './rule-of';

/** Every listed field the quarter's return has must be filled: a failing check per empty one. */
export function checkRequired(ctx: CheckContext, rule: RuleOf<'required'>): ReturnCheck[] {
  const fields = [...new Set(rule.fields.flatMap((pattern) => rowsIn(ctx, pattern).map((row) => row.field)))];
  return checkEachCell(
    ctx,
    rule,
    fields,
    (field) =>
      isFilled(ctx.input.cells[field]?.value) ? null : `${labelOf(ctx, field)} is required and empty`,
    (count) => `all ${count} required field(s) of the section are filled`,
  );
}
