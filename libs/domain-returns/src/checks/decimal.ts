import { FieldValue } from '../return/quarterly-return';

/**
 * An exact rational number `n / d` (d > 0): how the checks compare decimals, counts and money without floats.
 * "13.3" is 133 / 10; 24 is 24 / 1.
 */
export interface Rational {
  n: bigint;
  d: bigint;
}

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/**
 * A cell's value as an exact rational: a whole number, or a decimal string as written (`"13.3"`, `"94"`).
 * Null for anything else (empty, text, `NOT_AVAILABLE`, a float that is not a whole number written as a string).
 */
export function rationalOf(value: FieldValue | undefined): Rational | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? { n: BigInt(value), d: 1n } : null;
  if (typeof value !== 'string') return null;
  const match = DECIMAL.exec(value.trim());
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  const magnitude = BigInt(`${whole}${fraction}`);
  return { n: sign === '-' ? -magnitude : magnitude, d: 10n ** BigInt(fraction.length) };
}

/** The places a value is printed with: `"13.3"` → 1, `"94"` or 24 → 0. */
export function decimalsOf(value: FieldValue | undefined): number {
  if (typeof value !== 'string') return 0;
  const match = DECIMAL.exec(value.trim());
  return match?.[3]?.length ?? 0;
}

/** The sign of a − b: -1, 0 or 1. */
export function compareRational(a: Rational, b: Rational): -1 | 0 | 1 {
  const left = a.n * b.d;
  const right = b.n * a.d;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** a ÷ b × factor, exactly (b.n ≠ 0). */
export function ratio(a: Rational, b: Rational, factor: bigint): Rational {
  const n = a.n * b.d * factor;
  const d = a.d * b.n;
  return d < 0n ? { n: -n, d: -d } : { n, d };
}

/** `r × 10^decimals` rounded half away from zero to a whole number (the printed figure, scaled). */
export function roundScaled(r: Rational, decimals: number): bigint {
  const scaled = r.n * 10n ** BigInt(decimals);
  const magnitude = ((scaled < 0n ? -scaled : scaled) * 2n + r.d) / (2n * r.d);
  return scaled < 0n ? -magnitude : magnitude;
}

/** A scaled whole number printed with `decimals` places: (1329n, 2) → `"13.29"`. */
export function formatScaled(scaled: bigint, decimals: number): string {
  const sign = scaled < 0n ? '-' : '';
  const abs = scaled < 0n ? -scaled : scaled;
  if (decimals === 0) return `${sign}${abs}`;
  const unit = 10n ** BigInt(decimals);
  return `${sign}${abs / unit}.${(abs % unit).toString().padStart(decimals, '0')}`;
}

/** r rounded half away from zero and printed with `decimals` places. */
export const formatRational = (r: Rational, decimals: number): string =>
  formatScaled(roundScaled(r, decimals), decimals);

/** a + b, exactly. */
export const addRational = (a: Rational, b: Rational): Rational => ({
  n: a.n * b.d + b.n * a.d,
  d: a.d * b.d,
});

/** r printed exactly where it has at most `upTo` places (`"14"`, `"13.25"`), else rounded to `upTo`. */
export function printRational(r: Rational, upTo = 6): string {
  for (let places = 0; places < upTo; places += 1)
    if ((r.n * 10n ** BigInt(places)) % r.d === 0n) return formatRational(r, places);
  return formatRational(r, upTo);
}
