import { CheckContext, cellOf, labelOf, reportCheck, rowsIn, shown } from '../check-context';
import { Rational, decimalsOf, formatScaled, rationalOf, roundScaled } from '../decimal';
import { bindPattern } from '../field-patterns';
import { ReturnCheck } from '../return-check';
import { ConsistencyOf } from '../rules/rule-of';

/** A share k of n, and the percentage it prints as. */
export interface FeasibleShare {
  k: bigint;
  printed: string;
}

/** k of n as a percentage rounded half up to `decimals` places, scaled by 10^decimals. */
const percentScaled = (k: bigint, n: bigint, decimals: number): bigint =>
  roundScaled({ n: 100n * k, d: n }, decimals);

/**
 * Whether a percentage printed with `decimals` places is k/n × 100 rounded for some whole k in 0..n (n > 0),
 * exactly. The candidates are the whole numbers either side of n × p / 100: if any k rounds to p, the nearest
 * does. When it is not feasible, `below` and `above` are the nearest feasible percentages (none past 0 or 100).
 */
export function shareFeasibility(
  percent: Rational,
  decimals: number,
  n: bigint,
): { feasible: boolean; below: FeasibleShare | null; above: FeasibleShare | null } {
  // The printed percentage, scaled by 10^decimals (exact: it has at most `decimals` places).
  const target = roundScaled(percent, decimals);
  const exact = { n: percent.n * n, d: percent.d * 100n }; // n × p / 100
  const floor = exact.n >= 0n ? exact.n / exact.d : -((-exact.n + exact.d - 1n) / exact.d);
  const clamp = (k: bigint) => (k < 0n ? 0n : k > n ? n : k);
  const share = (k: bigint): FeasibleShare => ({
    k,
    printed: formatScaled(percentScaled(k, n, decimals), decimals),
  });
  const feasible = [floor - 1n, floor, floor + 1n, floor + 2n]
    .filter((k) => k >= 0n && k <= n)
    .some((k) => percentScaled(k, n, decimals) === target);
  const low = clamp(floor);
  const high = clamp(exact.n % exact.d === 0n ? floor : floor + 1n);
  return {
    feasible,
    below: percentScaled(low, n, decimals) < target ? share(low) : null,
    above: percentScaled(high, n, decimals) > target ? share(high) : null,
  };
}

/**
 * A percentage of a count is a whole number of that count at the percentage's printed precision (e.g. 94% of
 * 24 PHBs is not: 22 of 24 prints 92%, 23 of 24 prints 96%). Exact integer arithmetic. A base of 0, not a
 * whole number, or a missing figure: not checkable.
 */
export function checkShareOfCount(ctx: CheckContext, check: ConsistencyOf<'share-of-count'>): ReturnCheck[] {
  return rowsIn(ctx, check.share).map(({ field: shareField, bound }) => {
    const baseField = bindPattern(check.base, bound);
    const shareValue = ctx.input.cells[shareField]?.value;
    const baseValue = ctx.input.cells[baseField]?.value;
    const percent = rationalOf(shareValue);
    const base = rationalOf(baseValue);
    const cells = [cellOf(ctx, shareField), cellOf(ctx, baseField)];
    const said = `${labelOf(ctx, shareField)} ${shown(ctx, shareField, shareValue)} of ${labelOf(ctx, baseField)} ${shown(ctx, baseField, baseValue)}`;
    const at = { checkId: `${check.rule}:${shareField}`, field: shareField, cells };
    if (!percent || !base || base.d !== 1n || base.n <= 0n)
      return reportCheck(ctx, check, 'consistency', {
        ...at,
        outcome: 'not-checkable',
        message: `${said}: not checkable (${!percent || !base ? 'a figure is missing or not a number' : 'the base is not a positive whole number'})`,
      });
    const decimals = decimalsOf(shareValue);
    const result = shareFeasibility(percent, decimals, base.n);
    const nearest = [result.below, result.above]
      .filter((s): s is FeasibleShare => s !== null)
      .map((s) => `${s.printed} (${s.k} of ${base.n})`);
    return reportCheck(ctx, check, 'consistency', {
      ...at,
      outcome: result.feasible ? 'pass' : 'fail',
      message: result.feasible
        ? `${said}: a whole number of ${base.n} at ${decimals} decimal place(s)`
        : `${said}: no whole number of ${base.n} gives it at ${decimals} decimal place(s); the nearest are ${nearest.join(' and ')}`,
    });
  });
}
