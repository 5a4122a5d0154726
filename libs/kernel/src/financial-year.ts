import { CalendarDate } from './calendar-date';

/** An English public-sector financial year, 1 April to 31 March, written `2016-17`. */
export type FinancialYear = string;
export const FINANCIAL_YEAR_PATTERN = /^(\d{4})-(\d{2})$/;
export const QUARTERS = [1, 2, 3, 4] as const;
export type Quarter = (typeof QUARTERS)[number];

/** The financial years the ledger accepts, by their first year (1990-91 to 2100-01): the one place they are set. */
export const FINANCIAL_YEAR_FIRST_MIN = 1990;
export const FINANCIAL_YEAR_FIRST_MAX = 2100;
export const FINANCIAL_YEAR_RULE = `must be a financial year such as 2016-17, from ${FINANCIAL_YEAR_FIRST_MIN}-91 to ${FINANCIAL_YEAR_FIRST_MAX}-01`;

/** True for `YYYY-YY` naming two consecutive years, within the bounds above (rejects 2016-18, 9999-00, 0000-01). */
export function isFinancialYear(value: unknown): value is FinancialYear {
  if (typeof value !== 'string') return false;
  const match = FINANCIAL_YEAR_PATTERN.exec(value);
  if (match === null) return false;
  const first = Number(match[1]);
  return (
    first >= FINANCIAL_YEAR_FIRST_MIN &&
    first <= FINANCIAL_YEAR_FIRST_MAX &&
    (first + 1) % 100 === Number(match[2])
  );
}

/** The first day of the year and the first day after it: [start, end). */
export function yearBounds(year: FinancialYear): { start: CalendarDate; end: CalendarDate } {
  const first = Number(year.slice(0, 4));
  return { start: `${first}-04-01`, end: `${first + 1}-04-01` };
}

/** Q1 April-June, Q2 July-September, Q3 October-December, Q4 January-March. */
export function quarterOf(date: CalendarDate): Quarter {
  const month = Number(date.slice(5, 7));
  return (month >= 4 ? Math.floor((month - 4) / 3) + 1 : 4) as Quarter;
}

/** The last day of a quarter of the year: the natural "as at" for a quarterly position. */
export function quarterEnd(year: FinancialYear, quarter: Quarter): CalendarDate {
  const first = Number(year.slice(0, 4));
  return [`${first}-06-30`, `${first}-09-30`, `${first}-12-31`, `${first + 1}-03-31`][quarter - 1]!;
}
