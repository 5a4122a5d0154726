import { Controller, UseFilters, UseGuards, applyDecorators } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CALENDAR_DATE_RULE, ID_PATTERN, isCalendarDate, isInstant } from '@bcl/kernel';
import { FieldProblem, PageRoute, invalidRequest, normaliseKnownAt } from '@bcl/application';
import { HtmlErrorFilter } from './errors/html-error.filter';
import { PageGuard } from './session/page-guard';

/**
 * A controller of web pages: outside the API's `/api` prefix and its OpenAPI document, signed in by the session
 * cookie (PageGuard checks its @AllowRoles and, on POST, the CSRF token), errors shown as pages.
 * Every page controller is listed in WEB_CONTROLLERS, which also tells the server which paths are pages.
 */
export const PagesController = (path: string) =>
  applyDecorators(
    Controller(path),
    ApiExcludeController(),
    PageRoute(),
    UseGuards(PageGuard),
    UseFilters(HtmlErrorFilter),
  );

/**
 * The viewpoint a page's query string asks for: `asAt` a real date (YYYY-MM-DD); `knownAt` a real date, read as
 * the end of that day (UTC: everything recorded by then, as the fund's `axis=recorded` reads a date), or an ISO
 * 8601 instant with a time zone. Either is returned as the instant in UTC with milliseconds, the form `recordedAt`
 * is stored in, so a page compares like with like and its links to the API carry a `knownAt` the API takes.
 * Each is absent when left empty. Anything else is refused with one 400 page naming every bad field, so a page
 * never shows the present record while the reader thinks they asked for a date.
 */
export function viewpointOf(query: Record<string, unknown>): { asAt?: string; knownAt?: string } {
  const errors: FieldProblem[] = [];
  const asAt = checkedQuery(query, 'asAt', isCalendarDate, CALENDAR_DATE_RULE, errors);
  const knownAt = checkedQuery(query, 'knownAt', isDateOrInstant, KNOWN_AT_RULE, errors);
  if (errors.length > 0) throw invalidRequest(errors);
  return {
    ...(asAt ? { asAt } : {}),
    ...(knownAt ? { knownAt: knownAtInstant(knownAt) } : {}),
  };
}

/**
 * A query parameter a page reads: its value when valid, undefined when absent or left empty; anything else is
 * refused with a 400 page naming it and saying what it `must` be (a rule such as the kernel's, starting "must"),
 * never read as if it had not been asked.
 */
export function optionalQuery<T extends string>(
  query: Record<string, unknown>,
  field: string,
  valid: (value: unknown) => value is T,
  rule: string,
): T | undefined {
  const errors: FieldProblem[] = [];
  const value = checkedQuery(query, field, valid, rule, errors);
  if (errors.length > 0) throw invalidRequest(errors);
  return value;
}

/** A registry id (area, body, plan): the kernel's ID_PATTERN. */
export const isRegistryId = (value: unknown): value is string =>
  typeof value === 'string' && ID_PATTERN.test(value);
export const REGISTRY_ID_RULE = 'must be an id: lower-case letters, digits and hyphens';

function checkedQuery<T extends string>(
  query: Record<string, unknown>,
  field: string,
  valid: (value: unknown) => value is T,
  rule: string,
  errors: FieldProblem[],
): T | undefined {
  const value = query[field];
  if (value === undefined || value === '') return undefined;
  if (valid(value)) return value;
  const label = QUERY_LABELS[field];
  errors.push({ field, reason: label ? `${label} ${rule}` : rule });
  return undefined;
}

/** The instant a valid `knownAt` names: the end of a date's day (UTC), or the instant itself, in UTC. */
const knownAtInstant = (knownAt: string): string =>
  isCalendarDate(knownAt) ? `${knownAt}${END_OF_DAY}` : normaliseKnownAt(knownAt)!;
/** The end of a day in UTC, as `knownAt` reads a date (views/viewpoint.njk shows such an instant as its date). */
const END_OF_DAY = 'T23:59:59.999Z';

const isDateOrInstant = (value: unknown): value is string => isCalendarDate(value) || isInstant(value);
const KNOWN_AT_RULE = `${CALENDAR_DATE_RULE}, or be a date and time with its zone (2017-03-31T17:00:00Z)`;

/** The labels of the viewpoint form's fields (views/viewpoint.njk), for their errors; other fields go by their names. */
const QUERY_LABELS: Record<string, string> = { asAt: "'As at'", knownAt: "'Known at'" };
