import { CheckContext, cellOf, labelOf, reportCheck, rowsIn, shown } from '../check-context';
import { bindPattern } from '../field-patterns';
import { ReturnCheck } from '../return-check';
import { ConsistencyOf } from '../rules/rule-of';

/**
 * Two answers of the same return that cannot both stand: when `if.field` is one of `if.in`, `then.field` being
 * one of `then.in` contradicts it (a pattern's `*` binds both to the same row). A check per row the quarter's
 * return has both fields of.
 */
export function checkContradiction(ctx: CheckContext, check: ConsistencyOf<'contradiction'>): ReturnCheck[] {
  return rowsIn(ctx, check.if.field)
    .map(({ field, bound }) => ({ ifField: field, thenField: bindPattern(check.then.field, bound) }))
    .filter(({ thenField }) => ctx.fields.has(thenField))
    .map(({ ifField, thenField }) => {
      const [ifValue, thenValue] = [ifField, thenField].map((f) => ctx.input.cells[f]?.value);
      const contradicts = check.if.in.includes(String(ifValue)) && check.then.in.includes(String(thenValue));
      return reportCheck(ctx, check, 'consistency', {
        checkId: `${check.rule}:${ifField}+${thenField}`,
        field: ifField,
        outcome: contradicts ? 'fail' : 'pass',
        message: `${labelOf(ctx, ifField)} is ${shown(ctx, ifField, ifValue)} and ${labelOf(ctx, thenField)} is ${shown(ctx, thenField, thenValue)}${contradicts ? ': they contradict each other' : ''}`,
        cells: [cellOf(ctx, ifField), cellOf(ctx, thenField)],
      });
    });
}
