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
} from './dto/fund.dto';
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

  /** The pool-year's transactions the position counts from the viewpoint, each with its evidence. */
  @Get('pools/:poolId/years/:year/transactions')
  @AllowRoles(...READERS)
  async transactions(
    @Param() { poolId, year }: PoolYearParams,
    @Query() query: PositionQueryDto,
    @Res({ passthrough: true }) response: Response,
  ) {
    const facts = await this.queries.execute(new PoolYearFactsQuery(poolId, year, viewpoint(year, query)));
    setEtag(response, facts.revision);
    return facts.transactions;
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
    return (await this.queries.execute(new PoolYearReportsQuery(poolId, year, viewpoint(year, query))))
      .certification;
  }
}
