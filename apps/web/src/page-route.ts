import { Controller, UseFilters, UseGuards, applyDecorators } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { isCalendarDate, isInstant } from '@bcl/kernel';
import { FieldProblem, PageRoute, invalidRequest } from '@bcl/application';
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
 * The viewpoint a page's query string asks for: `asAt` a real date (YYYY-MM-DD), `knownAt` a real date or an
 * ISO 8601 instant with a time zone (as links from an event's recorded time carry it), each absent when left
 * empty. Anything else is refused with a 400 page naming the field, so a page never shows the present record
 * while the reader thinks they asked for a date.
 */
export function viewpointOf(query: Record<string, unknown>): { asAt?: string; knownAt?: string } {
  const errors: FieldProblem[] = [];
  const asAt = checkedQuery(query, 'asAt', isCalendarDate, `${ASKED_AT} (for example 2017-03-31)`, errors);
  const knownAt = checkedQuery(
    query,
    'knownAt',
    (value): value is string => isCalendarDate(value) || isInstant(value),
    `${ASKED_AT} (for example 2017-03-31) or a date and time with its zone (2017-03-31T17:00:00Z)`,
    errors,
  );
  if (errors.length > 0) throw invalidRequest(errors);
  return { ...(asAt ? { asAt } : {}), ...(knownAt ? { knownAt } : {}) };
}

/**
 * A query parameter a page reads: its value when valid, undefined when absent or left empty; anything else is
 * refused with a 400 page naming it and saying what it `must` be, never read as if it had not been asked.
 */
export function optionalQuery<T extends string>(
  query: Record<string, unknown>,
  field: string,
  valid: (value: unknown) => value is T,
  must: string,
): T | undefined {
  const errors: FieldProblem[] = [];
  const value = checkedQuery(query, field, valid, must, errors);
  if (errors.length > 0) throw invalidRequest(errors);
  return value;
}

function checkedQuery<T extends string>(
  query: Record<string, unknown>,
  field: string,
  valid: (value: unknown) => value is T,
  must: string,
  errors: FieldProblem[],
): T | undefined {
  const value = query[field];
  if (value === undefined || value === '') return undefined;
  if (valid(value)) return value;
  const label = QUERY_LABELS[field];
  errors.push({ field, reason: `${label ? `${label} ` : ''}must be ${must}` });
  return undefined;
}

const ASKED_AT = 'a real date, as YYYY-MM-DD';

/** The labels of the viewpoint form's fields (views/viewpoint.njk), for their errors; other fields go by their names. */
const QUERY_LABELS: Record<string, string> = { asAt: "'As at'", knownAt: "'Known at'" };
