import { Get, Param, Query, Render, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Response } from 'express';
import { READERS } from '@bcl/identity';
import { AgreementTerms, Finding, partnerView } from '@bcl/domain-fund';
import {
  AllowRoles,
  GetAgreementQuery,
  PoolYearPositionQuery,
  PoolYearReconciliation,
  PoolYearReportsQuery,
  PoolYearTransactionsPageQuery,
  Problem,
  reconciliationDownload,
} from '@bcl/application';
import { poolYearTransactionsPage } from '@bcl/fund-reports';
import { TRANSACTIONS_PER_PAGE, askedPage, transactionsPage } from './transactions-page';
import { PagesController } from '../../page-route';
import {
  PoolYearPosition,
  QUARTER_MEASURES,
  SCHEME_MEASURES,
  quarterPoints,
  quarterRows,
  quartersCsv,
  schemePoints,
  schemeRows,
  schemesCsv,
  totalPence,
} from './chart-data';
import { legendOf, quarterChart, schemeChart } from './fund-charts';
import { positionLines } from './position-summary';
import {
  csvDownload,
  pageViewpoint,
  partnerIdOf,
  poolYearOf,
  poolYearPaths,
  sendDownload,
} from './fund-page-support';

type PoolYearParams = { poolId: string; year: string };
type PageQuery = Record<string, unknown>;

/** A pool-year's pages: its position with charts, the reconciliation, a partner's view, the transactions. */
@PagesController('fund/:poolId/:year')
export class PoolYearPagesController {
  constructor(private readonly queries: QueryBus) {}

  private async reports(params: PoolYearParams, query: PageQuery) {
    const { poolId, year } = poolYearOf(params);
    const asked = pageViewpoint(year, query);
    const reports = (await this.queries.execute(new PoolYearReportsQuery(poolId, year, asked.viewpoint))) as {
      position: PoolYearPosition;
      reconciliation: PoolYearReconciliation;
    };
    // not `...reports`: that would read the certification pack, which these pages do not show
    const { position, reconciliation } = reports;
    return { poolId, year, asked, position, reconciliation, paths: poolYearPaths(poolId, year) };
  }

  private async position(params: PoolYearParams, query: PageQuery) {
    const { poolId, year } = poolYearOf(params);
    const asked = pageViewpoint(year, query);
    const { position } = (await this.queries.execute(
      new PoolYearPositionQuery(poolId, year, asked.viewpoint),
    )) as { position: PoolYearPosition };
    return { poolId, year, asked, position, paths: poolYearPaths(poolId, year) };
  }

  /** The agreement's terms in effect at the viewpoint (for the partners), or null when none was in effect. */
  private async termsInEffect(position: PoolYearPosition, knownAt?: string): Promise<AgreementTerms | null> {
    if (!position.terms) return null;
    const agreement = (await this.queries.execute(
      new GetAgreementQuery(position.terms.agreementId, position.asAt, knownAt),
    )) as { inEffect: { terms: AgreementTerms } | null };
    return agreement.inEffect?.terms ?? null;
  }

  @Get()
  @AllowRoles(...READERS)
  @Render('features/fund/pool-year.njk')
  async poolYear(@Param() params: PoolYearParams, @Query() query: PageQuery) {
    const { poolId, year, asked, position, reconciliation, paths } = await this.reports(params, query);
    const quarters = quarterRows(position);
    const schemes = schemeRows(position);
    const place = `${poolId} ${year}`;
    const schemeLabels = Object.fromEntries(schemes.map((s) => [s.schemeId, s.name]));
    const [quarterSvg, schemeSvg, terms] = await Promise.all([
      quarters.every((q) => q.contributionsPence === 0 && q.spendPence === 0)
        ? Promise.resolve(null)
        : quarterChart(
            quarterPoints(quarters),
            `Bar chart of contributions against spend by quarter, ${place}`,
          ),
      schemes.length === 0
        ? Promise.resolve(null)
        : schemeChart(
            schemePoints(schemes),
            schemeLabels,
            `Bar chart of budget against actual by scheme, ${place}`,
          ),
      this.termsInEffect(position, asked.viewpoint.knownAt),
    ]);
    return {
      section: 'fund',
      viewpoint: asked.asked,
      search: asked.search,
      poolId,
      year,
      position,
      positionLines: positionLines(position),
      paths,
      quarters,
      quarterTotals: {
        contributionsPence: totalPence(quarters.map((q) => q.contributionsPence)),
        spendPence: totalPence(quarters.map((q) => q.spendPence)),
      },
      quarterSvg,
      quarterLegend: legendOf(QUARTER_MEASURES),
      schemes,
      schemeTotals: {
        budgetPence: totalPence(schemes.map((s) => s.budgetPence)),
        actualPence: totalPence(schemes.map((s) => s.actualPence)),
      },
      schemeSvg,
      schemeLegend: legendOf(SCHEME_MEASURES),
      reconciliation,
      exceptions: reconciliation.findings.filter((f: Finding) => f.classification !== 'agrees'),
      partners: terms?.parties ?? [],
      poolName: terms?.pools.find((pool) => pool.poolId === poolId)?.name ?? poolId,
      dataLinks: [
        { href: `${paths.api}/position${asked.search}`, text: 'position (JSON, API)' },
        { href: `${paths.api}/reconciliation${asked.search}`, text: 'reconciliation (JSON, API)' },
        { href: `${paths.page}/reconciliation.xlsx${asked.search}`, text: 'reconciliation workbook (XLSX)' },
        { href: `${paths.page}/quarters.csv${asked.search}`, text: 'quarters (CSV)' },
        { href: `${paths.page}/schemes.csv${asked.search}`, text: 'schemes (CSV)' },
      ],
    };
  }

  /** The quarters' table beside the chart, as CSV (pence). */
  @Get('quarters.csv')
  @AllowRoles(...READERS)
  async quartersCsv(
    @Param() params: PoolYearParams,
    @Query() query: PageQuery,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { poolId, year, position } = await this.position(params, query);
    return sendDownload(
      response,
      csvDownload(quartersCsv(quarterRows(position)), `quarters-${poolId}-${year}`),
    );
  }

  /** The schemes' table beside the chart, as CSV (pence). */
  @Get('schemes.csv')
  @AllowRoles(...READERS)
  async schemesCsv(
    @Param() params: PoolYearParams,
    @Query() query: PageQuery,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { poolId, year, position } = await this.position(params, query);
    return sendDownload(response, csvDownload(schemesCsv(schemeRows(position)), `schemes-${poolId}-${year}`));
  }

  @Get('reconciliation')
  @AllowRoles(...READERS)
  @Render('features/fund/reconciliation.njk')
  async reconciliation(@Param() params: PoolYearParams, @Query() query: PageQuery) {
    const { poolId, year, asked, reconciliation, paths } = await this.reports(params, query);
    return {
      section: 'fund',
      viewpoint: asked.asked,
      search: asked.search,
      poolId,
      year,
      paths,
      reconciliation,
      dataLinks: [
        { href: `${paths.page}/reconciliation.xlsx${asked.search}`, text: 'workbook (XLSX)' },
        { href: `${paths.page}/reconciliation.csv${asked.search}`, text: 'findings (CSV)' },
        { href: `${paths.api}/reconciliation${asked.search}`, text: 'findings (JSON, API)' },
      ],
    };
  }

  /** The reconciliation workbook, from the same builder as the API's `?format=xlsx`. */
  @Get('reconciliation.xlsx')
  @AllowRoles(...READERS)
  async reconciliationWorkbook(
    @Param() params: PoolYearParams,
    @Query() query: PageQuery,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { reconciliation } = await this.reports(params, query);
    return sendDownload(response, await reconciliationDownload(reconciliation, 'xlsx'));
  }

  /** The findings as CSV, from the same builder as the API's `?format=csv`. */
  @Get('reconciliation.csv')
  @AllowRoles(...READERS)
  async reconciliationCsv(
    @Param() params: PoolYearParams,
    @Query() query: PageQuery,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { reconciliation } = await this.reports(params, query);
    return sendDownload(response, await reconciliationDownload(reconciliation, 'csv'));
  }

  @Get('partners/:partnerId')
  @AllowRoles(...READERS)
  @Render('features/fund/partner.njk')
  async partner(@Param() params: PoolYearParams & { partnerId: string }, @Query() query: PageQuery) {
    const partnerId = partnerIdOf(params.partnerId);
    const { poolId, year, asked, position, paths } = await this.position(params, query);
    const terms = await this.termsInEffect(position, asked.viewpoint.knownAt);
    if (!terms?.parties.includes(partnerId))
      throw new Problem(
        404,
        'not-found',
        'Page not found',
        `'${partnerId}' is not a party to the agreement of ${poolId} ${year}`,
      );
    return {
      section: 'fund',
      viewpoint: asked.asked,
      search: asked.search,
      poolId,
      year,
      paths,
      partner: partnerView(position, partnerId),
      dataLinks: [
        { href: `${paths.api}/partners/${partnerId}${asked.search}`, text: 'partner view (JSON, API)' },
      ],
    };
  }

  @Get('transactions')
  @AllowRoles(...READERS)
  @Render('features/fund/transactions.njk')
  async transactions(@Param() params: PoolYearParams, @Query() query: PageQuery) {
    const { poolId, year } = poolYearOf(params);
    const asked = pageViewpoint(year, query);
    // only the page shown is built: a pool-year may hold half a million transactions
    const { transactions: listing } = (await this.queries.execute(
      new PoolYearTransactionsPageQuery(
        poolId,
        year,
        asked.viewpoint,
        askedPage(query.page),
        TRANSACTIONS_PER_PAGE,
      ),
    )) as { transactions: ReturnType<typeof poolYearTransactionsPage> };
    const paths = poolYearPaths(poolId, year);
    const page = transactionsPage(listing, `${paths.page}/transactions`, asked.search);
    return {
      section: 'fund',
      viewpoint: asked.asked,
      search: asked.search,
      poolId,
      year,
      paths,
      listing,
      page,
      dataLinks: [{ href: `${paths.api}/transactions${asked.search}`, text: 'transactions (JSON, API)' }],
    };
  }
}
