/** A calendar date, `YYYY-MM-DD`. Effective dates in the registry are whole days (UK local dates). */
export type CalendarDate = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real date in `YYYY-MM-DD` form (rejects 2022-02-30). */
export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string') return false;
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Whether `date` falls in the half-open range [from, until): `until` is the first day no longer covered. */
export function isWithin(date: CalendarDate, from: CalendarDate, until: CalendarDate | null): boolean {
  return from <= date && (until === null || date < until);
}
