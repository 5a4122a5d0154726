import { CheckContext, isFilled, isNotAvailable, labelOf, shown } from '../check-context';
import { Rational, compareRational, rationalOf } from '../decimal';
import { ReturnCheck } from '../return-check';
import { checkEachCell } from './per-cell';
import { RuleOf } from './rule-of';

const NUMERIC = new Set(['money', 'count', 'decimal', 'percent']);

/** A bound given in the template's units (pounds for money), as an exact rational. */
const bound = (value: number): Rational =>
  rationalOf(String(value)) ?? { n: BigInt(Math.trunc(value)), d: 1n };

/**
 * Every filled money, count, decimal and percent cell lies within [min, max] in the template's units: money
 * (integer pence) is compared as pence / 100 with the bounds in pounds, exactly. `NOT_AVAILABLE` is not a number
 * and is left to the allowed-answers rule.
 */
export function checkNumberBounds(ctx: CheckContext, rule: RuleOf<'number-bounds'>): ReturnCheck[] {
  const min = bound(rule.min);
  const max = bound(rule.max);
  const fields = [...ctx.fields.entries()]
    .filter(([id, at]) => NUMERIC.has(at.field.type) && isFilled(ctx.input.cells[id]?.value))
    .filter(([id]) => !isNotAvailable(ctx.input.cells[id]?.value))
    .map(([id]) => id);
  return checkEachCell(
    ctx,
    rule,
    fields,
    (field) => {
      const value = ctx.input.cells[field]?.value;
      const number = rationalOf(value);
      if (!number) return `${labelOf(ctx, field)} is ${shown(ctx, field, value)}: not a number`;
      const inUnits =
        ctx.fields.get(field)?.field.type === 'money' ? { n: number.n, d: number.d * 100n } : number;
      if (compareRational(inUnits, min) >= 0 && compareRational(inUnits, max) <= 0) return null;
      return `${labelOf(ctx, field)} is ${shown(ctx, field, value)}: outside ${rule.min} to ${rule.max}`;
    },
    (count) => `all ${count} number(s) of the section lie within ${rule.min} to ${rule.max}`,
  );
}
