import { Controller, UseFilters, UseGuards, applyDecorators } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PageRoute } from '@bcl/application';
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

/** The viewpoint a page's query string asks for: `asAt` and `knownAt` dates, each kept only when it is one. */
export function viewpointOf(query: Record<string, unknown>): { asAt?: string; knownAt?: string } {
  const date = (value: unknown) =>
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
  const asAt = date(query.asAt);
  const knownAt = date(query.knownAt);
  return { ...(asAt ? { asAt } : {}), ...(knownAt ? { knownAt } : {}) };
}
