import { CheckContext, cellIn, cellOf, labelOf, reportCheck, rowsIn } from '../check-context';
import { addRational, compareRational, printRational, rationalOf } from '../decimal';
import { bindPattern } from '../field-patterns';
import { ReturnCheck } from '../return-check';
import { ConsistencyOf } from '../rules/rule-of';

/**
 * A stock rolls forward (M6): closing = opening + added − stopped, the opening being the previous quarter's
 * return's closing. The first quarter's opening is not in the ledger, so it is not checkable there (nor when a
 * figure is missing). A mismatch names all four figures and where each came from; nothing is corrected.
 */
export function checkStockRollForward(
  ctx: CheckContext,
  check: ConsistencyOf<'stock-roll-forward'>,
): ReturnCheck[] {
  return rowsIn(ctx, check.closing).map(({ field: closing, bound }) => {
    const added = bindPattern(check.added, bound);
    const stopped = bindPattern(check.stopped, bound);
    const previous = ctx.previous;
    const opening = previous ? cellIn(previous.returnId, previous.cells, closing) : null;
    const cells = [...(opening ? [opening] : []), ...[closing, added, stopped].map((f) => cellOf(ctx, f))];
    const base = { checkId: `${check.rule}:${closing}`, field: closing };
    const [o, c, a, s] = [
      opening?.value,
      ...[closing, added, stopped].map((f) => ctx.input.cells[f]?.value),
    ].map((v) => rationalOf(v ?? null));
    if (!opening || !o || !c || !a || !s) {
      const missing = [
        ...(opening ? (o ? [] : [`the opening (${closing} of ${opening.returnId})`]) : []),
        ...(!opening
          ? [`the opening (no return of Q${ctx.input.quarter - 1} of the year in the ledger)`]
          : []),
        ...[closing, added, stopped].filter((f) => rationalOf(ctx.input.cells[f]?.value ?? null) === null),
      ];
      return reportCheck(ctx, check, 'consistency', {
        ...base,
        outcome: 'not-checkable',
        message: `${labelOf(ctx, closing)} cannot be rolled forward (missing: ${missing.join('; ')})`,
        cells,
      });
    }
    const expected = addRational(addRational(o, a), { n: -s.n, d: s.d });
    const show = printRational;
    const sum = `opening ${show(o)} (${opening.returnId}) + added ${show(a)} − stopped ${show(s)} = ${show(expected)}`;
    const agrees = compareRational(expected, c) === 0;
    return reportCheck(ctx, check, 'consistency', {
      ...base,
      outcome: agrees ? 'pass' : 'fail',
      message: `${sum}; ${labelOf(ctx, closing)} states ${show(c)}${agrees ? '' : `: they differ by ${show(addRational(c, { n: -expected.n, d: expected.d }))}`}`,
      cells,
    });
  });
}
