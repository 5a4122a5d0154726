import { CheckContext, cellOf, isFilled, labelOf, reportCheck, rowsIn, shown } from '../check-context';
import { bindPattern } from '../field-patterns';
import { ReturnCheck } from '../return-check';
import { RuleOf } from './rule-of';

/**
 * Per row (each field `when.field` matches): when its answer is one of `when.in`, every field of `require` the
 * quarter's return has must be filled (Q6: a date and an explanation; Q7: an explanation; Q13: a date). A failing
 * check per missing field, naming it and the answer that requires it; otherwise one passing check for the row.
 */
export function checkRequiredWhen(ctx: CheckContext, rule: RuleOf<'required-when'>): ReturnCheck[] {
  return rowsIn(ctx, rule.when.field).flatMap(({ field: whenField, bound }) => {
    const answer = ctx.input.cells[whenField]?.value;
    const applies = isFilled(answer) && rule.when.in.includes(String(answer));
    const required = rule.require
      .map((pattern) => bindPattern(pattern, bound))
      .filter((f) => ctx.fields.has(f));
    const missing = applies ? required.filter((f) => !isFilled(ctx.input.cells[f]?.value)) : [];
    if (missing.length > 0)
      return missing.map((field) =>
        reportCheck(ctx, rule, 'rule', {
          checkId: `${rule.rule}:${field}`,
          field,
          outcome: 'fail',
          message: `${labelOf(ctx, whenField)} is ${shown(ctx, whenField, answer)}: ${labelOf(ctx, field)} is required and empty`,
          cells: [cellOf(ctx, whenField), cellOf(ctx, field)],
        }),
      );
    return [
      reportCheck(ctx, rule, 'rule', {
        checkId: `${rule.rule}:${whenField}`,
        field: whenField,
        outcome: 'pass',
        message: applies
          ? `${labelOf(ctx, whenField)} is ${shown(ctx, whenField, answer)}, and ${required.join(', ')} filled`
          : `${labelOf(ctx, whenField)} is ${shown(ctx, whenField, answer)}: nothing more is required`,
        cells: [cellOf(ctx, whenField), ...(applies ? required.map((f) => cellOf(ctx, f)) : [])],
      }),
    ];
  });
}
