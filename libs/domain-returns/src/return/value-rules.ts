import { Quarter, isCalendarDate, textProblem } from '@bcl/kernel';
import { FieldTemplate, NOT_AVAILABLE, ReturnTemplate } from '../template/return-template';
import { FieldValue } from './quarterly-return';
import { CellProblem } from './cells-refused';
import { fieldsOfQuarter, templateFieldIds } from './template-fields';

/** The length a text cell may have where its field gives no `lengthMax`. */
export const TEXT_LENGTH_MAX_DEFAULT = 4000;

const DECIMAL_PATTERN = /^-?\d+(?:\.(\d+))?$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_PATTERN = /^[0-9+() .-]+(?:\s*(?:ext\.?|x)\s*\d+)?$/i;
const PHONE_DIGITS_MIN = 6;
const NUMERIC_TYPES: readonly FieldTemplate['type'][] = ['money', 'count', 'decimal', 'percent'];

/** An exact decimal: `units` × 10^-`scale` (no floats where numbers are compared). */
interface Decimal {
  units: bigint;
  scale: number;
}

const decimalOf = (text: string): Decimal => {
  const [whole, fraction = ''] = text.split('.');
  return { units: BigInt(`${whole}${fraction}`), scale: fraction.length };
};

/** A bound as the template writes it (a JSON number), exactly; null for a number no decimal string writes. */
const boundOf = (bound: number): Decimal | null => {
  const text = String(bound);
  if (DECIMAL_PATTERN.test(text)) return decimalOf(text);
  return Number.isSafeInteger(bound) ? { units: BigInt(bound), scale: 0 } : null;
};

/** -1, 0 or 1 as a is below, equal to or above b. */
const compare = (a: Decimal, b: Decimal): number => {
  const scale = Math.max(a.scale, b.scale);
  const x = a.units * 10n ** BigInt(scale - a.scale);
  const y = b.units * 10n ** BigInt(scale - b.scale);
  return x < y ? -1 : x > y ? 1 : 0;
};

/**
 * What can never be right in a cell, whatever else the return says: an unknown field or one this quarter's
 * return does not have, a value of the wrong type, an answer not on its list, a number outside the bounds (Q5),
 * a text too long. Every write (fill, import, amendment) refuses these, one problem per cell. null clears a
 * value and is always allowed (for a field of this quarter's return).
 */
export function valueProblems(
  template: ReturnTemplate,
  quarter: Quarter,
  values: Record<string, FieldValue>,
): CellProblem[] {
  const known = templateFieldIds(template);
  const fields = fieldsOfQuarter(template, quarter);
  const problems: CellProblem[] = [];
  for (const [id, value] of Object.entries(values)) {
    const placed = fields.get(id);
    const reason = !known.has(id)
      ? `is not a field of template ${template.templateVersion}`
      : placed === undefined
        ? `is not in the Q${quarter} return of template ${template.templateVersion}`
        : value === null
          ? undefined
          : (shapeProblem(template, placed.field, value) ??
            boundsProblem(template, quarter, placed.field, value));
    if (reason !== undefined) problems.push({ field: id, reason });
  }
  return problems;
}

/** Why a (non-null) value has not the shape its field's type asks for, or undefined when it has. */
function shapeProblem(
  template: ReturnTemplate,
  field: FieldTemplate,
  value: string | number,
): string | undefined {
  if (value === NOT_AVAILABLE)
    return field.notAvailable
      ? undefined
      : `may not be '${NOT_AVAILABLE}' (only where the template allows it)`;
  switch (field.type) {
    case 'text':
    case 'email':
    case 'phone':
      return textShapeProblem(field, value);
    case 'money':
      return Number.isSafeInteger(value) ? undefined : 'must be a whole number of pence';
    case 'count':
      return Number.isSafeInteger(value) && (value as number) >= 0
        ? undefined
        : 'must be a whole number, 0 or more';
    case 'decimal':
    case 'percent':
      return decimalShapeProblem(field, value);
    case 'date':
      return isCalendarDate(value) ? undefined : 'must be a real date written YYYY-MM-DD';
    case 'choice': {
      const answers = field.list === undefined ? undefined : template.lists[field.list];
      if (answers === undefined) return `has no list of answers in template ${template.templateVersion}`;
      return typeof value === 'string' && answers.includes(value)
        ? undefined
        : `must be one of: ${answers.map((a) => `'${a}'`).join(', ')}`;
    }
    case 'live-or-date':
      return value === 'Live' || isCalendarDate(value)
        ? undefined
        : "must be 'Live' or a date written YYYY-MM-DD";
  }
}

function textShapeProblem(field: FieldTemplate, value: string | number): string | undefined {
  if (typeof value !== 'string') return 'must be text';
  const text = value.trim();
  if (text === '') return 'must not be blank (null clears it)';
  const lengthMax = field.lengthMax ?? TEXT_LENGTH_MAX_DEFAULT;
  if (text.length > lengthMax) return `must be at most ${lengthMax} characters (it has ${text.length})`;
  const hygiene = textProblem(text, { multiline: field.type === 'text' });
  if (hygiene !== undefined) return hygiene;
  if (field.type === 'email' && !EMAIL_PATTERN.test(text)) return 'must be an email address';
  if (
    field.type === 'phone' &&
    (!PHONE_PATTERN.test(text) || text.replace(/\D/g, '').length < PHONE_DIGITS_MIN)
  )
    return `must be a telephone number (digits, spaces, + ( ) - and an extension; at least ${PHONE_DIGITS_MIN} digits)`;
  return undefined;
}

function decimalShapeProblem(field: FieldTemplate, value: string | number): string | undefined {
  const written =
    field.type === 'percent'
      ? 'a percentage written as text such as "94"'
      : 'a number written as text such as "13.3"';
  if (typeof value !== 'string') return `must be ${written}`;
  const match = DECIMAL_PATTERN.exec(value);
  if (match === null) return `must be ${written}`;
  const places = match[1]?.length ?? 0;
  if (field.decimals !== undefined && places > field.decimals)
    return `must have at most ${field.decimals} decimal place${field.decimals === 1 ? '' : 's'} (it has ${places})`;
  if (field.type === 'percent') {
    const decimal = decimalOf(value);
    if (compare(decimal, { units: 0n, scale: 0 }) < 0 || compare(decimal, { units: 100n, scale: 0 }) > 0)
      return 'must be a percentage from 0 to 100';
  }
  return undefined;
}

/**
 * Why a well-shaped number is outside the template's `number-bounds` rules for the quarter (bounds in the
 * template's units: pounds for money, compared exactly with the pence), or undefined.
 */
function boundsProblem(
  template: ReturnTemplate,
  quarter: Quarter,
  field: FieldTemplate,
  value: string | number,
): string | undefined {
  if (!NUMERIC_TYPES.includes(field.type) || value === NOT_AVAILABLE) return undefined;
  const decimal: Decimal =
    field.type === 'money' ? { units: BigInt(value), scale: 2 } : decimalOf(String(value));
  const units = field.type === 'money' ? ' pounds' : '';
  for (const rule of template.rules) {
    if (rule.kind !== 'number-bounds' || (rule.quarters && !rule.quarters.includes(quarter))) continue;
    const min = boundOf(rule.min);
    const max = boundOf(rule.max);
    if (min !== null && compare(decimal, min) < 0)
      return `must be at least ${rule.min}${units} (${rule.rule})`;
    if (max !== null && compare(decimal, max) > 0)
      return `must be at most ${rule.max}${units} (${rule.rule})`;
  }
  return undefined;
}
