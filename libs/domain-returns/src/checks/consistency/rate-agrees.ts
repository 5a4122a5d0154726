import { CheckContext, cellOf, labelOf, reportCheck, rowsIn, shown } from '../check-context';
import { Rational, decimalsOf, formatRational, rationalOf, roundScaled } from '../decimal';
import { bindPattern } from '../field-patterns';
import { ReturnCheck } from '../return-check';
import { ConsistencyOf } from '../rules/rule-of';

/** numerator ÷ denominator × per, exactly (denominator ≠ 0). */
export function rateOf(numerator: Rational, denominator: Rational, per: Rational): Rational {
  const n = numerator.n * denominator.d * per.n;
  const d = numerator.d * denominator.n * per.d;
  return d < 0n ? { n: -n, d: -d } : { n, d };
}

/** Whether a stated rate is the computed one rounded half up to the stated rate's printed places. */
export const rateAgrees = (stated: Rational, decimals: number, computed: Rational): boolean =>
  roundScaled(computed, decimals) === roundScaled(stated, decimals);

/**
 * A stated rate agrees with its numerator and denominator (M1, M5): numerator ÷ denominator × per, rounded half
 * up to the places the rate is printed with, is the stated rate. The message shows the computed rate to two
 * more places. A missing figure or a zero denominator: not checkable.
 */
export function checkRateAgrees(ctx: CheckContext, check: ConsistencyOf<'rate-agrees'>): ReturnCheck[] {
  const per = rationalOf(String(check.per));
  return rowsIn(ctx, check.rate).map(({ field: rateField, bound }) => {
    const [numeratorField, denominatorField] = [check.numerator, check.denominator].map((p) =>
      bindPattern(p, bound),
    );
    const value = (field: string) => ctx.input.cells[field]?.value;
    const [stated, numerator, denominator] = [rateField, numeratorField!, denominatorField!].map((f) =>
      rationalOf(value(f)),
    );
    const cells = [rateField, numeratorField!, denominatorField!].map((f) => cellOf(ctx, f));
    const at = { checkId: `${check.rule}:${rateField}`, field: rateField, cells };
    const figures = `${labelOf(ctx, rateField)} ${shown(ctx, rateField, value(rateField))}; ${numeratorField} ${shown(ctx, numeratorField!, value(numeratorField!))} ÷ ${denominatorField} ${shown(ctx, denominatorField!, value(denominatorField!))} × ${check.per}`;
    if (!stated || !numerator || !denominator || !per || denominator.n === 0n)
      return reportCheck(ctx, check, 'consistency', {
        ...at,
        outcome: 'not-checkable',
        message: `${figures}: not checkable (a figure is missing, not a number, or the denominator is 0)`,
      });
    const decimals = decimalsOf(value(rateField));
    const computed = rateOf(numerator, denominator, per);
    const agrees = rateAgrees(stated, decimals, computed);
    return reportCheck(ctx, check, 'consistency', {
      ...at,
      outcome: agrees ? 'pass' : 'fail',
      message: `${figures} = ${formatRational(computed, decimals + 2)}, which rounds to ${formatRational(computed, decimals)}: ${agrees ? 'agrees' : 'does not agree'} with the stated ${String(value(rateField))}`,
    });
  });
}
