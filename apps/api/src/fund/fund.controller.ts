import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { READERS } from '@bcl/identity';
import { AgreementTerms, Viewpoint, findingsCsv, partnerView } from '@bcl/domain-fund';
import { reconciliationWorkbook, yearEnd } from '@bcl/fund-reports';
import { AllowRoles } from '../auth/access-policy';
import { WriteContext, WriteRequest } from '../http/write-context';
import { setEtag } from '../http/etag';
import { CommandQueryController, plain } from '../http/command-query-controller';
import { IdParam } from '../http/id-param';
import { todayInEngland } from '../http/business-dates';
import {
  AgreementQueryDto,
  AgreementTermsDto,
  EstablishAgreementDto,
  OpenPoolYearDto,
  PartnerParams,
  PoolYearParams,
  PositionQueryDto,
  PostTransactionDto,
  ReconciliationQueryDto,
  ReverseTransactionDto,
  StateFigureDto,
  VaryAgreementDto,
  YearDecisionDto,
} from './dto/fund.dto';
import { RecordAgreementCommand } from './commands/record-agreement';
import { OpenPoolYearCommand } from './commands/open-pool-year';
import { PostFundTransactionCommand } from './commands/post-fund-transaction';
import { FundEntry, RecordFundEntryCommand } from './commands/record-fund-entry';
import { GetAgreementQuery, PoolYearPositionQuery, PoolYearReportsQuery } from './queries/fund-queries';
import { toMovement } from './to-movement';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Terms as plain JSON with every optional written out, as the domain and the event store take them. */
function toTerms(dto: AgreementTermsDto): AgreementTerms {
  const risk = dto.riskShare;
  return {
    parties: dto.parties,
    hostPartnerId: dto.hostPartnerId,
    pooledFundManagerPostId: dto.pooledFundManagerPostId ?? null,
    pools: dto.pools.map(({ poolId, name }) => ({ poolId, name })),
    schedules: dto.schedules.map((s) => ({
      schemeId: s.schemeId,
      poolId: s.poolId,
      name: s.name,
      element: s.element,
      leadPartnerId: s.leadPartnerId,
      capPence: s.capPence ?? null,
    })),
    contributionRules: dto.contributionRules.map((r) => ({
      partnerId: r.partnerId,
      poolId: r.poolId,
      source: r.source,
      year: r.year ?? null,
      amountPence: r.amountPence,
    })),
    riskShare:
      risk.kind === 'percentage-split'
        ? {
            kind: risk.kind,
            shares: (risk.shares ?? []).map(({ partnerId, basisPoints }) => ({ partnerId, basisPoints })),
          }
        : risk.kind === 'risk-share-fund'
          ? { kind: risk.kind, fundPence: risk.fundPence ?? 0 }
          : { kind: risk.kind },
    underspend: dto.underspend,
    term: { from: dto.term.from, until: dto.term.until ?? null },
  };
}

const viewpoint = (year: string, query: PositionQueryDto): Viewpoint => ({
  asAt: query.asAt ?? yearEnd(year),
  axis: query.axis ?? 'effective',
});

@ApiTags('fund')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('fund')
export class FundController extends CommandQueryController {
  /** Pool-year writes answer the position at the year end. */
  private async writePoolYear(
    { poolId, year }: PoolYearParams,
    command: object,
    request: WriteRequest,
    location?: string,
  ) {
    const viewAtYearEnd = new PoolYearPositionQuery(poolId, year, { asAt: yearEnd(year), axis: 'effective' });
    return (await this.write<{ position: object }>(command, request, viewAtYearEnd, location)).position;
  }

  @Post('agreements')
  @AllowRoles('governance-officer')
  establish(
    @Body() { reason, terms, ...input }: EstablishAgreementDto,
    @WriteContext() request: WriteRequest,
  ) {
    return this.write(
      new RecordAgreementCommand({ ...input, summary: null, terms: toTerms(terms) }, request.because(reason)),
      request,
      new GetAgreementQuery(input.agreementId, input.effectiveOn),
      `/api/fund/agreements/${input.agreementId}`,
    );
  }

  @Get('agreements/:id')
  @AllowRoles(...READERS)
  async agreement(
    @Param() { id }: IdParam,
    @Query() { asAt }: AgreementQueryDto,
    @Res({ passthrough: true }) response: Response,
  ) {
    const agreement = await this.queries.execute(new GetAgreementQuery(id, asAt ?? todayInEngland()));
    setEtag(response, agreement.revision);
    return agreement;
  }

  @Post('agreements/:id/variations')
  @HttpCode(200)
  @AllowRoles('governance-officer')
  @ApiHeader({ name: 'If-Match', required: false })
  vary(
    @Param() { id }: IdParam,
    @Body() { reason, terms, ...input }: VaryAgreementDto,
    @WriteContext() request: WriteRequest,
  ) {
    return this.write(
      new RecordAgreementCommand(
        { ...input, agreementId: id, areaId: null, terms: toTerms(terms) },
        request.because(reason),
      ),
      request,
      new GetAgreementQuery(id, input.effectiveOn),
    );
  }

  @Post('pools/:id/years')
  @AllowRoles('finance-officer')
  async open(
    @Param() { id }: IdParam,
    @Body() { reason, ...input }: OpenPoolYearDto,
    @WriteContext() request: WriteRequest,
  ) {
    return this.writePoolYear(
      { poolId: id, year: input.year },
      new OpenPoolYearCommand({ ...input, poolId: id }, request.because(reason)),
      request,
      `/api/fund/pools/${id}/years/${input.year}/position`,
    );
  }

  /** A money movement: one balanced transaction (docs/api.md lists each kind's fields). */
  @Post('pools/:poolId/years/:year/transactions')
  @HttpCode(200)
  @AllowRoles('finance-officer')
  @ApiHeader({ name: 'If-Match', required: false })
  post(
    @Param() params: PoolYearParams,
    @Body() dto: PostTransactionDto,
    @WriteContext() request: WriteRequest,
  ) {
    const input = {
      transactionId: dto.transactionId,
      effectiveOn: dto.effectiveOn,
      statedBy: plain(dto.statedBy),
      correctionOf: dto.correctionOf ?? null,
      movement: toMovement(dto),
    };
    return this.writePoolYear(
      params,
      new PostFundTransactionCommand(params.poolId, params.year, input, request.because(dto.reason)),
      request,
    );
  }

  private entry(params: PoolYearParams, entry: FundEntry, request: WriteRequest, reason: string) {
    return this.writePoolYear(
      params,
      new RecordFundEntryCommand(params.poolId, params.year, plain(entry), request.because(reason)),
      request,
    );
  }

  @Post('pools/:poolId/years/:year/reversals')
  @HttpCode(200)
  @AllowRoles('finance-officer')
  reverse(
    @Param() params: PoolYearParams,
    @Body() { reason, ...input }: ReverseTransactionDto,
    @WriteContext() request: WriteRequest,
  ) {
    return this.entry(params, { kind: 'reversal', ...input }, request, reason);
  }

  /** A plan, forecast or actual figure as a return, plan or decision stated it. */
  @Post('pools/:poolId/years/:year/figures')
  @HttpCode(200)
  @AllowRoles('finance-officer')
  figure(
    @Param() params: PoolYearParams,
    @Body() { reason, ...input }: StateFigureDto,
    @WriteContext() request: WriteRequest,
  ) {
    const figure = { ...input, quarter: input.quarter ?? null, composedOf: input.composedOf ?? null };
    return this.entry(params, { kind: 'figure', figure }, request, reason);
  }

  @Post('pools/:poolId/years/:year/closure')
  @HttpCode(200)
  @AllowRoles('finance-officer')
  close(
    @Param() params: PoolYearParams,
    @Body() { reason, on, decision }: YearDecisionDto,
    @WriteContext() request: WriteRequest,
  ) {
    return this.entry(params, { kind: 'close', on, decision }, request, reason);
  }

  @Post('pools/:poolId/years/:year/reopening')
  @HttpCode(200)
  @AllowRoles('finance-officer')
  reopen(
    @Param() params: PoolYearParams,
    @Body() { reason, on, decision }: YearDecisionDto,
    @WriteContext() request: WriteRequest,
  ) {
    return this.entry(params, { kind: 'reopen', on, decision }, request, reason);
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
    const name = `reconciliation-${poolId}-${year}`;
    if (query.format === 'csv') {
      response.setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
      return new StreamableFile(Buffer.from(findingsCsv(reconciliation.findings)), {
        type: 'text/csv; charset=utf-8',
      });
    }
    if (query.format === 'xlsx') {
      response.setHeader('Content-Disposition', `attachment; filename="${name}.xlsx"`);
      return new StreamableFile(await reconciliationWorkbook(reconciliation), { type: XLSX });
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
