import {
  CheckContext,
  CheckCell,
  cellIn,
  cellOf,
  labelOf,
  reportCheck,
  rowsIn,
  shown,
} from '../check-context';
import { compareRational, rationalOf } from '../decimal';
import { bindPattern } from '../field-patterns';
import { ReturnCheck } from '../return-check';
import { ConsistencyOf } from '../rules/rule-of';

/**
 * A status in `onTrack` does not stand while the value is worse than the target in every quarter so far (the
 * earlier returns of the year and this one), each quarter's value against that return's target; equal is not
 * worse. Quarters without both a value and a target as numbers (`NOT_AVAILABLE`, empty) are skipped; none
 * left: not checkable. A status not in `onTrack` claims nothing: pass.
 */
export function checkStatusAgainstTarget(
  ctx: CheckContext,
  check: ConsistencyOf<'status-against-target'>,
): ReturnCheck[] {
  return rowsIn(ctx, check.status).map(({ field: statusField, bound }) => {
    const [valueField, targetField] = [check.value, check.target].map((p) => bindPattern(p, bound)) as [
      string,
      string,
    ];
    const status = ctx.input.cells[statusField]?.value;
    const at = { checkId: `${check.rule}:${statusField}`, field: statusField };
    if (!check.onTrack.includes(String(status)))
      return reportCheck(ctx, check, 'consistency', {
        ...at,
        outcome: 'pass',
        message: `${labelOf(ctx, statusField)} is ${shown(ctx, statusField, status)}: it does not claim to be on track`,
        cells: [cellOf(ctx, statusField)],
      });
    const returns = [...ctx.input.earlier, ctx.input];
    const quarters = returns
      .map((r) => ({
        r,
        value: cellIn(r.returnId, r.cells, valueField),
        target: cellIn(r.returnId, r.cells, targetField),
      }))
      .map((q) => ({ ...q, v: rationalOf(q.value.value), t: rationalOf(q.target.value) }))
      .filter((q) => q.v !== null && q.t !== null);
    const cells: CheckCell[] = [cellOf(ctx, statusField), ...quarters.flatMap((q) => [q.value, q.target])];
    if (quarters.length === 0)
      return reportCheck(ctx, check, 'consistency', {
        ...at,
        outcome: 'not-checkable',
        message: `${labelOf(ctx, statusField)} is ${shown(ctx, statusField, status)}, but no quarter so far has both ${valueField} and ${targetField} as numbers`,
        cells,
      });
    const worse = (q: (typeof quarters)[number]) =>
      compareRational(q.v!, q.t!) === (check.higherIsBetter ? -1 : 1);
    const listed = quarters
      .map((q) => `Q${q.r.quarter} ${String(q.value.value)} against ${String(q.target.value)}`)
      .join('; ');
    const allWorse = quarters.every(worse);
    return reportCheck(ctx, check, 'consistency', {
      ...at,
      outcome: allWorse ? 'fail' : 'pass',
      message: `${labelOf(ctx, statusField)} is ${shown(ctx, statusField, status)}; ${listed} (${check.higherIsBetter ? 'higher' : 'lower'} is better): ${
        allWorse ? 'worse than target in every quarter so far' : 'not worse than target in every quarter'
      }`,
      cells,
    });
  });
}
