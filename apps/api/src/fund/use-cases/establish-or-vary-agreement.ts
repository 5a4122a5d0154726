import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ApiHeader, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { TEXT_LIMITS as L } from '@bcl/kernel';
import {
  AgreementTerms,
  ELEMENTS,
  Element,
  FUND_LIMITS as F,
  UNDERSPEND_TREATMENTS,
  UnderspendTreatment,
  agreementStream,
  establishAgreement,
  evolveAgreement,
  varyAgreement,
} from '@bcl/domain-fund';
import { recordedIn } from '@bcl/domain-registry/facts';
import { CommandContext, EventLogWriter, WriteResult } from '@bcl/application';
import { StreamFacts } from '@bcl/application';
import { AllowRoles } from '@bcl/application';
import { IdParam } from '../../http/id-param';
import { IsCalendarDate, IsId, applyAll, IsText } from '../../http/validators';
import { ReasonDto } from '../../http/common.dto';
import { DATE, IsYear, Nested, PENCE, Pence } from '../dto/fund.dto';
import { GetAgreementQuery } from '@bcl/application';
import {
  WriteContext,
  WriteRequest,
  OperationId,
  CommandQueryController,
  WriteRoutes,
} from '../../http/write-route';

export class PoolDto {
  @ApiProperty({ example: 'southend-bcf' }) @IsId() poolId!: string;
  @ApiProperty() @IsText(L.nameLengthMax) name!: string;
}

export class ScheduleDto {
  @ApiProperty() @IsId() schemeId!: string;
  @ApiProperty() @IsId() poolId!: string;
  @ApiProperty() @IsText(L.nameLengthMax) name!: string;
  @ApiProperty({ enum: ELEMENTS }) @IsIn(ELEMENTS) element!: Element;
  @ApiProperty() @IsId() leadPartnerId!: string;
  @ApiPropertyOptional({
    ...PENCE,
    description: "the scheme's budget for a year: its overspend is measured against it",
  })
  @IsOptional()
  @applyAll(...Pence())
  budgetPence?: number | null;
  @ApiPropertyOptional(PENCE) @IsOptional() @applyAll(...Pence()) capPence?: number | null;
}

export class ContributionRuleDto {
  @ApiProperty() @IsId() partnerId!: string;
  @ApiProperty() @IsId() poolId!: string;
  @ApiProperty({ example: 'ccg-minimum' }) @IsId() source!: string;
  @ApiPropertyOptional({ example: '2017-18' }) @IsOptional() @IsYear() year?: string | null;
  @ApiProperty(PENCE) @applyAll(...Pence()) amountPence!: number;
}

export class ShareDto {
  @ApiProperty() @IsId() partnerId!: string;
  @ApiProperty({ minimum: 0, maximum: 10_000 }) @IsInt() @Min(0) @Max(10_000) basisPoints!: number;
}

export class RiskShareDto {
  @ApiProperty({ enum: ['incurring-partner', 'percentage-split', 'risk-share-fund'] })
  @IsIn(['incurring-partner', 'percentage-split', 'risk-share-fund'])
  kind!: 'incurring-partner' | 'percentage-split' | 'risk-share-fund';
  @ApiPropertyOptional({ type: [ShareDto] }) @IsOptional() @Nested(() => ShareDto, true) shares?: ShareDto[];
  @ApiPropertyOptional(PENCE) @IsOptional() @applyAll(...Pence()) fundPence?: number;
}

export class TermDto {
  @ApiProperty(DATE) @IsCalendarDate() from!: string;
  @ApiPropertyOptional(DATE) @IsOptional() @IsCalendarDate() until?: string | null;
}

export class AgreementTermsDto {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(F.partiesMax) @IsId(true) parties!: string[];
  @ApiProperty() @IsId() hostPartnerId!: string;
  @ApiPropertyOptional() @IsOptional() @IsId() pooledFundManagerPostId?: string | null;
  @ApiProperty({ type: [PoolDto] }) @Nested(() => PoolDto, true) pools!: PoolDto[];
  @ApiProperty({ type: [ScheduleDto] }) @Nested(() => ScheduleDto, true) schedules!: ScheduleDto[];
  @ApiProperty({ type: [ContributionRuleDto] })
  @Nested(() => ContributionRuleDto, true)
  contributionRules!: ContributionRuleDto[];
  @ApiProperty({ type: RiskShareDto }) @Nested(() => RiskShareDto) riskShare!: RiskShareDto;
  @ApiProperty({ enum: UNDERSPEND_TREATMENTS }) @IsIn(UNDERSPEND_TREATMENTS) underspend!: UnderspendTreatment;
  @ApiProperty({ type: TermDto }) @Nested(() => TermDto) term!: TermDto;
}
export class EstablishAgreementDto extends ReasonDto {
  @ApiProperty({ example: 'southend-bcf-s75' }) @IsId() agreementId!: string;
  @ApiProperty({ example: 'southend-on-sea' }) @IsId() areaId!: string;
  @ApiProperty({ description: 'The instrument id the parties sign (governance: s75-variation)' })
  @IsId()
  variationId!: string;
  @ApiProperty(DATE) @IsCalendarDate() effectiveOn!: string;
  @ApiProperty({ type: AgreementTermsDto }) @Nested(() => AgreementTermsDto) terms!: AgreementTermsDto;
}

export class VaryAgreementDto extends ReasonDto {
  @ApiProperty() @IsId() variationId!: string;
  @ApiProperty(DATE) @IsCalendarDate() effectiveOn!: string;
  @ApiProperty({ example: 'iBCF schedule added' }) @IsText(L.reasonLengthMax) summary!: string;
  @ApiProperty({ type: AgreementTermsDto }) @Nested(() => AgreementTermsDto) terms!: AgreementTermsDto;
}
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
      budgetPence: s.budgetPence ?? null,
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

/** Establishes an S75 agreement (no `summary`), or varies one from a date. */
export class RecordAgreementCommand {
  constructor(
    readonly input: {
      agreementId: string;
      areaId: string | null;
      variationId: string;
      effectiveOn: string;
      summary: string | null;
      terms: AgreementTerms;
    },
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RecordAgreementCommand)
export class RecordAgreementHandler implements ICommandHandler<RecordAgreementCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly facts: StreamFacts,
  ) {}

  execute({ input, context }: RecordAgreementCommand): Promise<WriteResult> {
    const postId = input.terms.pooledFundManagerPostId;
    return this.writer.execute({
      stream: agreementStream(input.agreementId),
      evolve: evolveAgreement,
      gather: async () => ({
        organisationExists: recordedIn(
          await this.facts.recorded(input.terms.parties, this.facts.organisation),
        ),
        postExists: recordedIn(await this.facts.recorded(postId === null ? [] : [postId], this.facts.post)),
        areaExists: input.areaId !== null && (await this.facts.area(input.areaId)) !== undefined,
      }),
      decide: (state, facts) =>
        input.summary === null
          ? establishAgreement(state, { ...input, areaId: input.areaId ?? '' }, facts)
          : varyAgreement(state, { ...input, summary: input.summary }, facts),
      effectiveOn: input.effectiveOn,
      context,
    });
  }
}

@WriteRoutes('fund')
export class EstablishOrVaryAgreementRoute extends CommandQueryController {
  @OperationId('FundController', 'establish')
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

  @OperationId('FundController', 'vary')
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
}
