import { Get, Param, Query, Render } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { READERS } from '@bcl/identity';
import { FINANCIAL_YEAR_RULE, ID_PATTERN, isFinancialYear } from '@bcl/kernel';
import {
  AllowRoles,
  AreaReturnsQuery,
  ListAreasQuery,
  Problem,
  ProvenanceQuery,
  ReturnChecksQuery,
  ReturnContext,
  ReturnHistoryQuery,
  ReturnState,
  ShowReturnQuery,
} from '@bcl/application';
import { ReturnCheck } from '@bcl/domain-returns';
import { PagesController, optionalQuery, viewpointOf } from '../../page-route';
import { authorityLinks, authorityName, sectionTables } from './return-page';

const AREAS_MAX = 500;
/** The year the returns page opens on: the year of the only template the ledger holds today. */
const DEFAULT_YEAR = '2016-17';

/** The query string of a viewpoint, for links that keep it (`?asAt=…&knownAt=…`, or empty). */
function viewpointQuery(viewpoint: { asAt?: string; knownAt?: string }, extra: Record<string, string> = {}) {
  const query = new URLSearchParams({ ...extra, ...viewpoint }).toString();
  return query ? `?${query}` : '';
}

type AreaReturns = {
  areaId: string;
  financialYear: string;
  returns: {
    returnId: string;
    quarter: number;
    issued: boolean;
    status: string | null;
    version: number | null;
    deadline: { at: string; assumed: string | null } | null;
    submitted: { submittedAt: string; late: boolean } | null;
  }[];
};

/** The quarterly returns: by area and year, and each return as submitted and as restated. */
@PagesController('returns')
export class ReturnsPagesController {
  constructor(
    private readonly queries: QueryBus,
    private readonly returns: ReturnContext,
  ) {}

  @Get()
  @AllowRoles(...READERS)
  @Render('features/returns/returns.njk')
  async list(@Query() query: Record<string, unknown>) {
    const viewpoint = viewpointOf(query);
    const year = optionalQuery(query, 'year', isFinancialYear, FINANCIAL_YEAR_RULE) ?? DEFAULT_YEAR;
    const areas = (await this.queries.execute(new ListAreasQuery(AREAS_MAX, undefined, viewpoint))) as {
      items: { areaId: string; name: string }[];
    };
    const byArea = await Promise.all(
      areas.items.map(async (area) => ({
        ...area,
        ...((await this.queries.execute(new AreaReturnsQuery(area.areaId, year, viewpoint))) as AreaReturns),
      })),
    );
    const withReturns = byArea.filter((area) => area.returns.some((r) => r.issued));
    return {
      section: 'returns',
      viewpoint,
      year,
      areas: withReturns,
      areasWithout: byArea.filter((area) => !withReturns.includes(area)),
      linkQuery: viewpointQuery(viewpoint),
      dataLinks: withReturns.map((area) => ({
        href: `/api/areas/${area.areaId}/returns${viewpointQuery(viewpoint, { year })}`,
        text: `${area.name} ${year} returns (JSON)`,
      })),
    };
  }

  // `:id`, not the API's `:returnId`: no page route repeats an API route's method and template, so the server
  // can keep each page route, exactly, out of the /api prefix.
  @Get(':id')
  @AllowRoles(...READERS)
  @Render('features/returns/return.njk')
  async show(@Param('id') returnId: string, @Query() query: Record<string, unknown>) {
    if (!ID_PATTERN.test(returnId))
      throw new Problem(404, 'not-found', 'Not found', `'${returnId}' is not a return id`);
    const viewpoint = viewpointOf(query);
    const [submitted, restated, checks, history, provenance] = await Promise.all([
      this.queries.execute<ShowReturnQuery, ReturnState>(
        new ShowReturnQuery(returnId, 'as-submitted', viewpoint),
      ),
      this.queries.execute<ShowReturnQuery, ReturnState>(
        new ShowReturnQuery(returnId, 'as-restated', viewpoint),
      ),
      this.queries.execute(new ReturnChecksQuery(returnId, viewpoint)) as Promise<{
        blockingFailures: number;
        checks: ReturnCheck[];
      }>,
      this.queries.execute(new ReturnHistoryQuery(returnId, viewpoint.knownAt)) as Promise<{
        history: unknown[];
      }>,
      this.queries.execute(new ProvenanceQuery('quarterly-return', returnId, viewpoint)) as Promise<{
        currentVersion: number | null;
        approvals: { authority: Parameters<typeof authorityLinks>[0] }[];
      }>,
    ]);
    const template = this.returns.template(submitted.templateVersion);
    const sections = sectionTables(template, submitted, restated);
    const order = { fail: 0, pass: 1 } as Record<string, number>;
    const sortedChecks = [...checks.checks].sort((a, b) => (order[a.outcome] ?? 2) - (order[b.outcome] ?? 2));
    const api = `/api/returns/${returnId}`;
    return {
      section: 'returns',
      viewpoint,
      recorded: query.recorded === 'upload',
      view: submitted,
      templateTitle: template.title,
      sections,
      differences: sections.reduce((sum, s) => sum + s.differences, 0),
      restatements: restated.restatements,
      checks: sortedChecks,
      failing: checks.checks.filter((c) => c.outcome === 'fail').length,
      blockingFailures: checks.blockingFailures,
      history: history.history,
      approvals: provenance.approvals.map((approval) => ({
        ...approval,
        authorityName: authorityName(approval.authority),
        authorityLinks: authorityLinks(approval.authority),
      })),
      dataLinks: [
        {
          href: `${api}${viewpointQuery(viewpoint, { basis: 'as-submitted' })}`,
          text: 'as submitted (JSON)',
        },
        { href: `${api}${viewpointQuery(viewpoint, { basis: 'as-restated' })}`, text: 'as restated (JSON)' },
        {
          href: `${api}/export${viewpointQuery(viewpoint, { format: 'json' })}`,
          text: 'return document (JSON)',
        },
        { href: `${api}/export${viewpointQuery(viewpoint, { format: 'xlsx' })}`, text: 'workbook (XLSX)' },
        {
          href: `${api}/export${viewpointQuery(viewpoint, { format: 'xlsx', basis: 'as-restated' })}`,
          text: 'workbook as restated (XLSX)',
        },
        { href: `${api}/checks${viewpointQuery(viewpoint)}`, text: 'checks (JSON)' },
        { href: `${api}/history`, text: 'history (JSON)' },
      ],
    };
  }
}
