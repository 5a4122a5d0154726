/** A calendar date, `YYYY-MM-DD`. Effective dates in the registry are whole days (UK local dates). */
export type CalendarDate = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The years a date may fall in, the one place they are set: wide enough for the oldest organisation in the
 * registry (Kent County Council, 1889) and any plan, narrow enough that date arithmetic stays in four digits.
 */
export const DATE_YEAR_MIN = 1800;
export const DATE_YEAR_MAX = 2200;
export const CALENDAR_DATE_RULE = `must be a real date between ${DATE_YEAR_MIN}-01-01 and ${DATE_YEAR_MAX}-12-31 written YYYY-MM-DD`;

/** True for a real date in `YYYY-MM-DD` form within the years above (rejects 2022-02-30, 0000-01-01, 9999-12-31). */
export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string') return false;
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < DATE_YEAR_MIN || year > DATE_YEAR_MAX) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Whether `date` falls in the half-open range [from, until): `until` is the first day no longer covered. */
export function isWithin(date: CalendarDate, from: CalendarDate, until: CalendarDate | null): boolean {
  return from <= date && (until === null || date < until);
}

/** An ISO 8601 date-time with a time zone (`2026-01-01T00:00:00Z`, `2017-09-11T09:30+01:00`): a `knownAt` instant. */
const ISO_INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** True for an ISO 8601 date-time with a time zone whose date is a real one (rejects 2016-02-30T00:00Z). */
export function isInstant(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    ISO_INSTANT_PATTERN.test(value) &&
    isCalendarDate(value.slice(0, 10)) &&
    !Number.isNaN(Date.parse(value))
  );
}
