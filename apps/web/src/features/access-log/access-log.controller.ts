import { Get, Inject, Query, Res } from '@nestjs/common';
import { Response } from 'express';
import { AccessEntry, AccessQuery, ServiceStore } from '@bcl/service-store';
import { AllowRoles, SERVICE_STORE } from '@bcl/application';
import { PagesController } from '../../page-route';
import { accessLogCsvHeader, accessLogCsvLine } from './access-log-csv';

/** Entries per page on the page; the CSV reads the same filter in pages of this many. */
export const ACCESS_LOG_PAGE_SIZE = 50;
const CSV_PAGE_SIZE = 1000;

const VIEW = 'features/access-log/access-log.njk';

/**
 * Not `/access-log`: the server keeps a page's path out of the `/api` prefix by path alone, so a page there would
 * also pull the API's `/api/access-log` out of its prefix (and shadow it).
 */
export const PAGE_PATH = '/audit/access-log';

/** The filter the page's form sends: each kept only when it is well formed, else reported on its field. */
interface AccessLogFilter {
  subject?: string;
  from?: string;
  to?: string;
  after?: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (value: string) =>
  DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

function filterOf(query: Record<string, unknown>): {
  filter: AccessLogFilter;
  errors: { text: string; href: string; field: string }[];
} {
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  const filter: AccessLogFilter = {};
  const errors: { text: string; href: string; field: string }[] = [];
  const subject = text(query.subject);
  if (subject.length > 200)
    errors.push({ text: 'Enter a subject of at most 200 characters', href: '#subject', field: 'subject' });
  else if (subject) filter.subject = subject;
  for (const [field, label] of [
    ['from', 'From'],
    ['to', 'To'],
  ] as const) {
    const value = text(query[field]);
    if (value === '') continue;
    if (isRealDate(value)) filter[field] = value;
    else errors.push({ text: `${label} must be a real date, such as 2026-11-30`, href: `#${field}`, field });
  }
  if (filter.from && filter.to && filter.from > filter.to)
    errors.push({ text: 'To must be the same as or after From', href: '#to', field: 'to' });
  const after = text(query.after);
  if (/^\d{1,15}$/.test(after)) filter.after = Number(after);
  return { filter, errors };
}

const storeQuery = (filter: AccessLogFilter, afterId: number | undefined, limit: number): AccessQuery => ({
  subject: filter.subject,
  // Entries are stamped with full ISO instants: a day runs from its date to the end of its last millisecond.
  from: filter.from,
  to: filter.to === undefined ? undefined : `${filter.to}T23:59:59.999Z`,
  afterId,
  limit,
});

/** The page's address with this filter (and cursor), for paging and the CSV link. */
function addressOf(filter: AccessLogFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (filter.subject) params.set('subject', filter.subject);
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const search = params.toString();
  return search ? `${PAGE_PATH}?${search}` : PAGE_PATH;
}

/**
 * Who read what, and when: the access log kept in the service store (apart from the event log), paged oldest
 * first, filtered by subject and date, and as CSV. Auditors and admins only; reading it is itself logged.
 */
@PagesController(PAGE_PATH.slice(1))
export class AccessLogController {
  constructor(@Inject(SERVICE_STORE) private readonly service: ServiceStore) {}

  @Get()
  @AllowRoles('auditor', 'admin')
  async page(@Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    const { filter, errors } = filterOf(query);
    if (query.format === 'csv' && errors.length === 0) return this.csv(filter, response);
    const entries =
      errors.length > 0
        ? []
        : await this.service.queryAccess(storeQuery(filter, filter.after, ACCESS_LOG_PAGE_SIZE));
    const last = entries[entries.length - 1];
    response.status(errors.length > 0 ? 400 : 200).render(VIEW, {
      section: 'access-log',
      values: {
        subject: typeof query.subject === 'string' ? query.subject : '',
        from: typeof query.from === 'string' ? query.from : '',
        to: typeof query.to === 'string' ? query.to : '',
      },
      errorList: errors.map(({ text, href }) => ({ text, href })),
      fieldErrors: Object.fromEntries(errors.map(({ field, text }) => [field, text])),
      entries: entries.map(rowOf),
      pageSize: ACCESS_LOG_PAGE_SIZE,
      next:
        last && entries.length === ACCESS_LOG_PAGE_SIZE
          ? addressOf(filter, { after: String(last.id) })
          : null,
      first: filter.after === undefined ? null : addressOf(filter),
      dataLinks:
        errors.length > 0
          ? []
          : [{ href: addressOf(filter, { format: 'csv' }), text: 'CSV of every entry this filter finds' }],
    });
  }

  /** Every entry the filter finds, a page of the store at a time (constant memory however long the log). */
  private async csv(filter: AccessLogFilter, response: Response): Promise<void> {
    response.status(200);
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', 'attachment; filename="access-log.csv"');
    response.write(accessLogCsvHeader());
    let afterId = filter.after;
    for (;;) {
      const entries = await this.service.queryAccess(storeQuery(filter, afterId, CSV_PAGE_SIZE));
      if (entries.length > 0) response.write(entries.map(accessLogCsvLine).join(''));
      if (entries.length < CSV_PAGE_SIZE) break;
      afterId = entries[entries.length - 1]!.id;
    }
    response.end();
  }
}

const rowOf = (entry: AccessEntry) => ({ ...entry, roles: entry.roles.join(', ') });
