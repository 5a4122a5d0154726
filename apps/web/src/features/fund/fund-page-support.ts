import { StreamableFile } from '@nestjs/common';
import { Response } from 'express';
import { isFinancialYear } from '@bcl/kernel';
import { Axis, Viewpoint } from '@bcl/domain-fund';
import { CSV_CONTENT_TYPE, Download, Problem, poolYearViewpoint } from '@bcl/application';
import { optionalQuery, viewpointOf } from '../../page-route';

const isAxis = (value: unknown): value is Axis => value === 'effective' || value === 'recorded';

/** Ids as the API accepts them in a path: letters, digits, dots, underscores and hyphens. */
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** A pool-year named in a page's path; anything not an id and a financial year is a page not found. */
export function poolYearOf(params: { poolId: string; year: string }): { poolId: string; year: string } {
  if (!ID.test(params.poolId) || !isFinancialYear(params.year))
    throw new Problem(
      404,
      'not-found',
      'Page not found',
      `there is no pool-year '${params.poolId}' ${params.year}`,
    );
  return { poolId: params.poolId, year: params.year };
}

/** A partner id named in a page's path. */
export function partnerIdOf(partnerId: string): string {
  if (!ID.test(partnerId))
    throw new Problem(404, 'not-found', 'Page not found', `there is no partner '${partnerId}'`);
  return partnerId;
}

/** What a pool-year page's query asks: the viewpoint form's dates, and the axis (effective unless asked). */
export interface PoolYearPageViewpoint {
  /** For the viewpoint form. */
  asked: { asAt?: string; knownAt?: string };
  /** For the queries: the same viewpoint as the API's routes read. */
  viewpoint: Viewpoint;
  /** The query string that keeps the viewpoint on links (`?asAt=…`, or empty). */
  search: string;
}

export function pageViewpoint(year: string, query: Record<string, unknown>): PoolYearPageViewpoint {
  const asked = viewpointOf(query);
  const askedAxis = optionalQuery(query, 'axis', isAxis, "must be 'effective' or 'recorded'");
  const axis = askedAxis === 'recorded' ? 'recorded' : undefined;
  const params = new URLSearchParams({ ...asked, ...(axis ? { axis } : {}) }).toString();
  return {
    asked,
    viewpoint: poolYearViewpoint(year, { ...asked, ...(axis ? { axis } : {}) }),
    search: params === '' ? '' : `?${params}`,
  };
}

/** A file for the browser to save (the download links beside the tables and the reconciliation). */
export function sendDownload(response: Response, download: Download): StreamableFile {
  response.setHeader('Content-Disposition', download.contentDisposition);
  return new StreamableFile(download.body, { type: download.contentType });
}

/** CSV text as a download named `name.csv`. */
export const csvDownload = (text: string, name: string): Download => ({
  body: Buffer.from(text),
  contentType: CSV_CONTENT_TYPE,
  contentDisposition: `attachment; filename="${name}.csv"`,
});

/** The routes of a pool-year's pages, and of the API's JSON beside them. */
export const poolYearPaths = (poolId: string, year: string) => {
  const page = `/fund/${encodeURIComponent(poolId)}/${encodeURIComponent(year)}`;
  const api = `/api/fund/pools/${encodeURIComponent(poolId)}/years/${encodeURIComponent(year)}`;
  return { page, api };
};
