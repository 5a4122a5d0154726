import { FINANCIAL_YEAR_PATTERN, QUARTERS, TEXT_LIMITS as L } from '@bcl/kernel';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  ELEMENTS,
  Element,
  FIGURE_BASES,
  FIGURE_LINES,
  FUND_LIMITS as F,
  SOURCE_KINDS,
  TRANSACTION_KINDS,
  UNDERSPEND_TREATMENTS,
  UnderspendTreatment,
} from '@bcl/domain-fund';
import { IsCalendarDate, IsId, applyAll } from '../../http/validators';
import { ReasonDto } from '../../http/common.dto';

const IsYear = () => Matches(FINANCIAL_YEAR_PATTERN, { message: 'must be a financial year such as 2016-17' });
const DATE = { example: '2016-06-30', description: 'YYYY-MM-DD' };
const PENCE = { description: 'integer pence', minimum: 0, maximum: F.amountPenceMax };
const Pence = (min = 0) => [IsInt(), Min(min), Max(F.amountPenceMax)];
const Nested = (type: () => new () => object, each = false): PropertyDecorator =>
  applyAll(
    ...(each ? [IsArray(), ArrayMaxSize(F.schedulesMax)] : [IsObject()]),
    ValidateNested({ each }),
    Type(type),
  );

export class PoolDto {
  @ApiProperty({ example: 'southend-bcf' }) @IsId() poolId!: string;
  @ApiProperty() @IsString() @Length(1, L.nameLengthMax) name!: string;
}

export class ScheduleDto {
  @ApiProperty() @IsId() schemeId!: string;
  @ApiProperty() @IsId() poolId!: string;
  @ApiProperty() @IsString() @Length(1, L.nameLengthMax) name!: string;
  @ApiProperty({ enum: ELEMENTS }) @IsIn(ELEMENTS) element!: Element;
  @ApiProperty() @IsId() leadPartnerId!: string;
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
  @ApiProperty({ example: 'iBCF schedule added' }) @IsString() @Length(1, L.reasonLengthMax) summary!: string;
  @ApiProperty({ type: AgreementTermsDto }) @Nested(() => AgreementTermsDto) terms!: AgreementTermsDto;
}

export class OpenPoolYearDto extends ReasonDto {
  @ApiProperty({ example: '2016-17' }) @IsYear() year!: string;
  @ApiProperty() @IsId() agreementId!: string;
}

export class StatedByDto {
  @ApiProperty({ enum: SOURCE_KINDS }) @IsIn(SOURCE_KINDS) kind!: (typeof SOURCE_KINDS)[number];
  @ApiProperty({ example: 'Q1 2016/17 return' }) @IsString() @Length(1, L.reasonLengthMax) reference!: string;
}

export class PartDto {
  @ApiProperty() @IsId() purpose!: string;
  @ApiProperty(PENCE) @applyAll(...Pence(1)) amountPence!: number;
}

export class PostingDto {
  @ApiProperty({ example: 'expenditure/carers' }) @IsString() @Length(1, 200) account!: string;
  @ApiProperty({ description: 'integer pence: debit positive, credit negative' })
  @IsInt()
  @Min(-F.amountPenceMax)
  @Max(F.amountPenceMax)
  amountPence!: number;
}

/** A money movement: `kind` says which fields it needs (docs/api.md). */
export class PostTransactionDto extends ReasonDto {
  @ApiProperty() @IsId() transactionId!: string;
  @ApiProperty({ enum: TRANSACTION_KINDS.filter((k) => k !== 'reversal') })
  @IsIn(TRANSACTION_KINDS.filter((k) => k !== 'reversal'))
  kind!: Exclude<(typeof TRANSACTION_KINDS)[number], 'reversal'>;
  @ApiProperty(DATE) @IsCalendarDate() effectiveOn!: string;
  @ApiProperty({ type: StatedByDto }) @Nested(() => StatedByDto) statedBy!: StatedByDto;
  @ApiPropertyOptional({ description: 'The reversed transaction this one replaces' })
  @IsOptional()
  @IsId()
  correctionOf?: string | null;
  @ApiPropertyOptional({ ...PENCE, minimum: 1 }) @IsOptional() @applyAll(...Pence(1)) amountPence?: number;
  @ApiPropertyOptional() @IsOptional() @IsId() partnerId?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsId() source?: string;
  @ApiPropertyOptional() @IsOptional() @IsId() schemeId?: string;
  @ApiPropertyOptional() @IsOptional() @IsId() districtId?: string;
  @ApiPropertyOptional() @IsOptional() @IsId() reserve?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, L.reasonLengthMax) trigger?: string;
  @ApiPropertyOptional() @IsOptional() @IsYear() fromYear?: string;
  @ApiPropertyOptional() @IsOptional() @IsYear() toYear?: string;
  @ApiPropertyOptional({ type: [PartDto] }) @IsOptional() @Nested(() => PartDto, true) parts?: PartDto[];
  @ApiPropertyOptional({ type: [PostingDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(F.postingsPerTransactionMax)
  @ValidateNested({ each: true })
  @Type(() => PostingDto)
  postings?: PostingDto[];
}

export class ReverseTransactionDto extends ReasonDto {
  @ApiProperty() @IsId() transactionId!: string;
  @ApiProperty() @IsId() reverses!: string;
  @ApiProperty(DATE) @IsCalendarDate() effectiveOn!: string;
  @ApiProperty({ type: StatedByDto }) @Nested(() => StatedByDto) statedBy!: StatedByDto;
}

export class StateFigureDto extends ReasonDto {
  @ApiProperty() @IsId() figureId!: string;
  @ApiProperty({ enum: FIGURE_BASES }) @IsIn(FIGURE_BASES) basis!: (typeof FIGURE_BASES)[number];
  @ApiProperty({ enum: FIGURE_LINES }) @IsIn(FIGURE_LINES) line!: (typeof FIGURE_LINES)[number];
  @ApiProperty({ description: "'pool', a scheme id, or a total's name" }) @IsId() subject!: string;
  @ApiPropertyOptional({ enum: QUARTERS }) @IsOptional() @IsIn(QUARTERS) quarter?: 1 | 2 | 3 | 4 | null;
  @ApiProperty(PENCE) @applyAll(...Pence()) amountPence!: number;
  @ApiProperty({ type: StatedByDto }) @Nested(() => StatedByDto) statedBy!: StatedByDto;
  @ApiPropertyOptional({ type: [String], description: "A total's accounts (names, or prefixes ending in /)" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(F.postingsPerTransactionMax)
  @IsString({ each: true })
  composedOf?: string[] | null;
}

export class YearDecisionDto extends ReasonDto {
  @ApiProperty(DATE) @IsCalendarDate() on!: string;
  @ApiProperty({ type: StatedByDto }) @Nested(() => StatedByDto) decision!: StatedByDto;
}

export class PoolYearParams {
  @ApiProperty() @IsId() poolId!: string;
  @ApiProperty({ example: '2016-17' }) @IsYear() year!: string;
}

export class PartnerParams extends PoolYearParams {
  @ApiProperty() @IsId() partnerId!: string;
}

export class PositionQueryDto {
  @ApiPropertyOptional({ ...DATE, description: 'Defaults to the last day of the year' })
  @IsOptional()
  @IsCalendarDate()
  asAt?: string;
  @ApiPropertyOptional({ enum: ['effective', 'recorded'], default: 'effective' })
  @IsOptional()
  @IsIn(['effective', 'recorded'])
  axis?: 'effective' | 'recorded';
}

export class ReconciliationQueryDto extends PositionQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv', 'xlsx'])
  format?: 'json' | 'csv' | 'xlsx';
}

export class AgreementQueryDto {
  @ApiPropertyOptional({ ...DATE, description: 'Defaults to today' })
  @IsOptional()
  @IsCalendarDate()
  asAt?: string;
}
