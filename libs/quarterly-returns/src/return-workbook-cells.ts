import ExcelJS from 'exceljs';
import { isCalendarDate, readSpreadsheetText, spreadsheetText } from '@bcl/kernel';
import { FieldTemplate, FieldValue, NOT_AVAILABLE } from '@bcl/domain-returns';

/** The number format of a money cell: whole pounds and pence. */
export const MONEY_FORMAT = '"£"#,##0.00';

/** A cell as written: its value and, for money, the pounds format. */
export interface WrittenCell {
  value: ExcelJS.CellValue;
  numFmt?: string;
}

/** A cell as read: the field's value, or why the cell cannot be one. */
export type ReadCell = { value: FieldValue } | { problem: string };

/** Integer pence as the pounds a money cell holds (an exact decimal: 1234567 → 12345.67). */
export const poundsOf = (pence: number): number => Number(penceText(pence));

function penceText(pence: number): string {
  const sign = pence < 0 ? '-' : '';
  const digits = String(Math.abs(pence)).padStart(3, '0');
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** A decimal string written as a number only when the number reads back as the same string ("13.3", not "13.30"). */
const canonicalNumber = (text: string): boolean =>
  /^-?\d+(\.\d+)?$/.test(text) && String(Number(text)) === text;

/** How a field's value is written: money as pounds (number, £ format), text escaped against formulas. */
export function writtenCell(field: FieldTemplate, value: FieldValue): WrittenCell {
  if (value === null) return { value: null };
  if (field.type === 'money' && typeof value === 'number' && Number.isSafeInteger(value))
    return { value: poundsOf(value), numFmt: MONEY_FORMAT };
  if (typeof value === 'number') return { value };
  if ((field.type === 'decimal' || field.type === 'percent') && canonicalNumber(value))
    return { value: Number(value) };
  return { value: spreadsheetText(value) };
}

/** A number cell's value as the decimal it shows (the shortest text that reads back as the same number). */
function numberText(value: number): string | null {
  if (!Number.isFinite(value)) return null;
  const text = String(value);
  return /e/i.test(text) ? null : text;
}

/** `£1,234.56`, `1234.56`, `-12` → pence, exactly (integer arithmetic on the text); null when it is not money. */
export function penceOfText(text: string): number | null {
  const match = /^(-?)£?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const pounds = match[2]!.replace(/,/g, '');
  const pence = BigInt(pounds) * 100n + BigInt((match[3] ?? '').padEnd(2, '0'));
  if (pence > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return (match[1] === '-' ? -1 : 1) * Number(pence);
}

/** The primitive a cell holds: text (with the escape removed), a number, a date, or null when empty. */
export function cellPrimitive(value: ExcelJS.CellValue): string | number | Date | null | { problem: string } {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : readSpreadsheetText(value.trim());
  if (typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    if (result === undefined || (typeof result === 'object' && result !== null && 'error' in result))
      return { problem: 'is a formula without a value: type the value' };
    return cellPrimitive(result);
  }
  if (typeof value === 'object' && 'richText' in value)
    return cellPrimitive(value.richText.map((part) => part.text).join(''));
  if (typeof value === 'object' && 'text' in value) return cellPrimitive(String(value.text));
  if (typeof value === 'object' && 'error' in value) return { problem: `holds the error ${value.error}` };
  return { problem: 'is not a value the return can hold' };
}

/**
 * `2016-11-25`, the template's own `25/11/2016`, or its go-live cells' `31/03/17` (dd/mm/yy, 004:1123: a two-digit
 * year is of the 2000s) → `2016-11-25`; null when it is none of these (or not a real date).
 */
function isoDateOf(text: string): string | null {
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/.exec(text);
  const year = uk?.[3]?.length === 2 ? `20${uk[3]}` : uk?.[3];
  const iso = uk ? `${year}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}` : text;
  return isCalendarDate(iso) ? iso : null;
}

const DATE_PROBLEM = 'is not a date: write YYYY-MM-DD, DD/MM/YYYY or DD/MM/YY';

/**
 * Reads a cell as its field's value. Money: pounds to integer pence through the cell's decimal text (never
 * float arithmetic); count: a whole number; decimal and percent: the number as written, as text; dates: a
 * date cell or `YYYY-MM-DD` / `DD/MM/YYYY`; `information not available` where the field allows it.
 * Whether the value is allowed (bounds, lists, lengths) is `valueProblems`' to say.
 */
export function readCell(field: FieldTemplate, raw: ExcelJS.CellValue): ReadCell {
  const cell = cellPrimitive(raw);
  if (cell === null) return { value: null };
  if (typeof cell === 'object' && !(cell instanceof Date)) return cell;
  if (field.notAvailable && typeof cell === 'string' && cell.toLowerCase() === NOT_AVAILABLE)
    return { value: NOT_AVAILABLE };
  const text = cell instanceof Date ? null : typeof cell === 'number' ? numberText(cell) : cell;
  switch (field.type) {
    case 'money': {
      const pence = text === null ? null : penceOfText(text);
      return pence === null
        ? { problem: 'is not an amount in pounds and pence, e.g. 1234.56' }
        : { value: pence };
    }
    case 'count':
      return text !== null && /^-?\d+$/.test(text) && Number.isSafeInteger(Number(text))
        ? { value: Number(text) }
        : { problem: 'is not a whole number' };
    case 'decimal':
    case 'percent': {
      const number = text?.replace(/%$/, '').trim() ?? null;
      return number !== null && /^-?\d+(\.\d+)?$/.test(number)
        ? { value: number }
        : { problem: `is not a number${field.notAvailable ? ` or '${NOT_AVAILABLE}'` : ''}` };
    }
    case 'date':
    case 'live-or-date': {
      if (cell instanceof Date) return { value: cell.toISOString().slice(0, 10) };
      if (field.type === 'live-or-date' && text?.toLowerCase() === 'live') return { value: 'Live' };
      const date = text === null ? null : isoDateOf(text);
      return date === null
        ? {
            problem:
              field.type === 'date' ? DATE_PROBLEM : `is not 'Live' or a date (YYYY-MM-DD or DD/MM/YYYY)`,
          }
        : { value: date };
    }
    default:
      return cell instanceof Date ? { value: cell.toISOString().slice(0, 10) } : { value: text };
  }
}
