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
  const asked = (field: 'asAt' | 'knownAt', valid: (value: unknown) => value is string, form: string) => {
    const value = query[field];
    if (value === undefined || value === '') return undefined;
    if (valid(value)) return value;
    errors.push({ field, reason: `${VIEWPOINT_LABELS[field]} must be a real date, as ${form}` });
    return undefined;
  };
  const asAt = asked('asAt', isCalendarDate, 'YYYY-MM-DD (for example 2017-03-31)');
  const knownAt = asked(
    'knownAt',
    (value): value is string => isCalendarDate(value) || isInstant(value),
    'YYYY-MM-DD (for example 2017-03-31) or a date and time with its zone (2017-03-31T17:00:00Z)',
  );
  if (errors.length > 0) throw invalidRequest(errors);
  return { ...(asAt ? { asAt } : {}), ...(knownAt ? { knownAt } : {}) };
}

/** The viewpoint form's labels (views/viewpoint.njk), for its errors. */
const VIEWPOINT_LABELS = { asAt: "'As at'", knownAt: "'Known at'" } as const;
