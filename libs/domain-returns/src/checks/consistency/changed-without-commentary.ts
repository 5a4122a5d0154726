import {
  CheckContext,
  cellIn,
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
import { ConsistencyOf } from '../rules/rule-of';

/**
 * An answer or figure that differs from the previous quarter's return needs commentary that says something new:
 * a change while the commentary (bound to the field's row) is empty or the same as in the previous return is a
 * finding naming both values; with new commentary it passes as explained. `commentary: null`: every change is a
 * finding. No previous return (Q1): not checkable. Nothing changed: one passing check.
 */
export function checkChangedWithoutCommentary(
  ctx: CheckContext,
  check: ConsistencyOf<'changed-without-commentary'>,
): ReturnCheck[] {
  const rows = check.fields.flatMap((p) => rowsIn(ctx, p));
  if (rows.length === 0) return [];
  const first = rows[0]!.field;
  const previous = ctx.previous;
  if (!previous)
    return [
      reportCheck(ctx, check, 'consistency', {
        checkId: `${check.rule}:${first}`,
        field: first,
        outcome: 'not-checkable',
        message: `no previous quarter's return of the year to compare ${rows.length} field(s) with`,
        cells: [],
      }),
    ];
  const changed = rows
    .filter(({ field }) => field in previous.cells)
    .filter(({ field }) => !sameValue(ctx.input.cells[field]?.value, previous.cells[field]?.value));
  if (changed.length === 0)
    return [
      reportCheck(ctx, check, 'consistency', {
        checkId: `${check.rule}:${first}`,
        field: first,
        outcome: 'pass',
        message: `none of ${rows.length} field(s) changed from ${previous.returnId}`,
        cells: [],
      }),
    ];
  return changed.map(({ field, bound }) => {
    const commentary = check.commentary === null ? null : bindPattern(check.commentary, bound);
    const now = ctx.input.cells[field]?.value;
    const before = previous.cells[field]?.value;
    const said = commentary === null ? null : ctx.input.cells[commentary]?.value;
    const explained =
      commentary !== null && isFilled(said) && !sameValue(said, previous.cells[commentary]?.value);
    const why =
      commentary === null
        ? 'no commentary field'
        : explained
          ? `explained in ${commentary}`
          : isFilled(said)
            ? `${labelOf(ctx, commentary)} is the same as in ${previous.returnId}`
            : `${labelOf(ctx, commentary)} is empty`;
    return reportCheck(ctx, check, 'consistency', {
      checkId: `${check.rule}:${field}`,
      field,
      outcome: explained ? 'pass' : 'fail',
      message: `${labelOf(ctx, field)} changed from ${shown(ctx, field, before)} (${previous.returnId}) to ${shown(ctx, field, now)}: ${why}`,
      cells: [
        cellIn(previous.returnId, previous.cells, field),
        cellOf(ctx, field),
        ...(commentary === null
          ? []
          : [cellIn(previous.returnId, previous.cells, commentary), cellOf(ctx, commentary)]),
      ],
    });
  });
}
