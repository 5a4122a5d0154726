import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { READERS } from '@bcl/identity';
import { partnerView } from '@bcl/domain-fund';
import {
  AllowRoles,
  GetAgreementQuery,
  PoolYearFactsQuery,
  PoolYearPositionQuery,
  PoolYearReportsQuery,
  PoolYearCertificationQuery,
  PoolYearTransactionsPageQuery,
  Problem,
  normaliseKnownAt,
  poolYearViewpoint as viewpoint,
  reconciliationDownload,
  todayInEngland,
} from '@bcl/application';
import { setEtag } from '../http/etag';
import { IdParam } from '../http/id-param';
import {
  AgreementQueryDto,
  PartnerParams,
  PoolYearParams,
  PositionQueryDto,
  ReconciliationQueryDto,
  TransactionsQueryDto,
} from './dto/fund.dto';
import { TRANSACTIONS_PAGE_SIZE } from '@bcl/fund-reports';
import { CommandQueryController } from '../http/write-route';

/** The fund's read side: every GET route (each write route is a use case under use-cases/). */
@ApiTags('fund')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('fund')
export class FundController extends CommandQueryController {
  @Get('agreements/:id')
  @AllowRoles(...READERS)
  async agreement(
    @Param() { id }: IdParam,
    @Query() { asAt, knownAt }: AgreementQueryDto,
    @Res({ passthrough: true }) response: Response,
  ) {
    const agreement = await this.queries.execute(
      new GetAgreementQuery(id, asAt ?? todayInEngland(), normaliseKnownAt(knownAt)),
    );
    setEtag(response, agreement.revision);
    return agreement;
  }

  /** The fund position as at a date (default: the year's last day), on the effective or the recorded axis. */
  @Get('pools/:poolId/years/:year/position')
  @AllowRoles(...READERS)
  async fundPosition(
    @Param() { poolId, year }: PoolYearParams,
    @Query() query: PositionQueryDto,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { position, revision } = await this.queries.execute(
      new PoolYearPositionQuery(poolId, year, viewpoint(year, query)),
    );
    setEtag(response, revision);
    return position;
  }

  /**
   * A page of the pool-year's transactions the position counts from the viewpoint, in ledger order, each with its
   * evidence; `links` to the next and previous pages (null at either end). A page past the last is a 404.
   */
  @Get('pools/:poolId/years/:year/transactions')
  @AllowRoles(...READERS)
  async transactions(
    @Param() { poolId, year }: PoolYearParams,
    @Query() query: TransactionsQueryDto,
    @Res({ passthrough: true }) response: Response,
  ) {
    const asked = query.page ?? 1;
    const limit = query.limit ?? TRANSACTIONS_PAGE_SIZE;
    const { transactions: listed, revision } = await this.queries.execute(
      new PoolYearTransactionsPageQuery(poolId, year, viewpoint(year, query), asked, limit),
    );
    const { page, ...rest } = listed;
    if (asked > page.pages)
      throw new Problem(
        404,
        'not-found',
        'Not found',
        `page ${asked} of pool '${poolId}' year ${year}'s transactions: there are ${page.pages}`,
      );
    setEtag(response, revision);
    const link = (number: number) => transactionsPageLink(poolId, year, query, number, limit);
    return {
      ...rest,
      page: { number: page.number, pages: page.pages, limit, offset: page.offset },
      links: {
        next: page.number < page.pages ? link(page.number + 1) : null,
        previous: page.number > 1 ? link(page.number - 1) : null,
      },
    };
  }

  /** Every statement of the pool-year's figures seen from the viewpoint, each with its evidence. */
  @Get('pools/:poolId/years/:year/figures')
  @AllowRoles(...READERS)
  async figures(
    @Param() { poolId, year }: PoolYearParams,
    @Query() query: PositionQueryDto,
    @Res({ passthrough: true }) response: Response,
  ) {
    const facts = await this.queries.execute(new PoolYearFactsQuery(poolId, year, viewpoint(year, query)));
    setEtag(response, facts.revision);
    return facts.figures;
  }

  /** Stated totals against their parts, the pooled fund and the ledger: JSON, CSV or an XLSX workbook. */
  @Get('pools/:poolId/years/:year/reconciliation')
  @AllowRoles(...READERS)
  async reconciliation(
    @Param() { poolId, year }: PoolYearParams,
    @Query() query: ReconciliationQueryDto,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { reconciliation } = await this.queries.execute(
      new PoolYearReportsQuery(poolId, year, viewpoint(year, query)),
    );
    if (query.format === 'csv' || query.format === 'xlsx') {
      const download = await reconciliationDownload(reconciliation, query.format);
      response.setHeader('Content-Disposition', download.contentDisposition);
      return new StreamableFile(download.body, { type: download.contentType });
    }
    return reconciliation;
  }

  /** A partner's share of the pool's income and expenditure, for its own accounts. */
  @Get('pools/:poolId/years/:year/partners/:partnerId')
  @AllowRoles(...READERS)
  async partner(@Param() { poolId, year, partnerId }: PartnerParams, @Query() query: PositionQueryDto) {
    const { position } = await this.queries.execute(
      new PoolYearPositionQuery(poolId, year, viewpoint(year, query)),
    );
    return partnerView(position, partnerId);
  }

  /** What an auditor certifies: contributions, total spend, and the exceptions. */
  @Get('pools/:poolId/years/:year/certification')
  @AllowRoles(...READERS)
  async certification(@Param() { poolId, year }: PoolYearParams, @Query() query: PositionQueryDto) {
    return this.queries.execute(new PoolYearCertificationQuery(poolId, year, viewpoint(year, query)));
  }
}

/** The route of one page of a pool-year's transactions, from the same viewpoint and page size as asked. */
function transactionsPageLink(
  poolId: string,
  year: string,
  { asAt, axis, knownAt, limit }: TransactionsQueryDto,
  page: number,
  perPage: number,
): string {
  const params = new URLSearchParams();
  if (asAt !== undefined) params.set('asAt', asAt);
  if (axis !== undefined) params.set('axis', axis);
  if (knownAt !== undefined) params.set('knownAt', knownAt);
  if (limit !== undefined) params.set('limit', String(perPage));
  params.set('page', String(page));
  return `/api/fund/pools/${encodeURIComponent(poolId)}/years/${year}/transactions?${params}`;
}
