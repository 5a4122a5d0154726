import { TEXT_LIMITS as L } from '@bcl/kernel';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { FUND_LIMITS as F, SOURCE_KINDS } from '@bcl/domain-fund';
import { TRANSACTIONS_PAGE_SIZE, TRANSACTIONS_PAGE_SIZE_MAX } from '@bcl/fund-reports';
import { IsCalendarDate, IsId, applyAll, IsFinancialYear, IsText } from '../../http/validators';
import { KnownAtQueryDto } from '../../http/common.dto';

/** Validation pieces the fund's request bodies share. */
export const IsYear = () => IsFinancialYear();
export const DATE = { example: '2016-06-30', description: 'YYYY-MM-DD' };
export const PENCE = { description: 'integer pence', minimum: 0, maximum: F.amountPenceMax };
export const Pence = (min = 0) => [IsInt(), Min(min), Max(F.amountPenceMax)];
export const Nested = (type: () => new () => object, each = false): PropertyDecorator =>
  applyAll(
    ...(each ? [IsArray(), ArrayMaxSize(F.schedulesMax)] : [IsObject()]),
    ValidateNested({ each }),
    Type(type),
  );

/** Who stated an amount or a decision: shared by the pool-year's entries and transactions. */
export class StatedByDto {
  @ApiProperty({ enum: SOURCE_KINDS }) @IsIn(SOURCE_KINDS) kind!: (typeof SOURCE_KINDS)[number];
  @ApiProperty({ example: 'Q1 2016/17 return' }) @IsText(L.reasonLengthMax) reference!: string;
}
export class PoolYearParams {
  @ApiProperty() @IsId() poolId!: string;
  @ApiProperty({ example: '2016-17' }) @IsYear() year!: string;
}

export class PartnerParams extends PoolYearParams {
  @ApiProperty() @IsId() partnerId!: string;
}

export class PositionQueryDto extends KnownAtQueryDto {
  @ApiPropertyOptional({ ...DATE, description: 'Defaults to the last day of the year' })
  @IsOptional()
  @IsCalendarDate()
  asAt?: string;
  @ApiPropertyOptional({ enum: ['effective', 'recorded'], default: 'effective' })
  @IsOptional()
  @IsIn(['effective', 'recorded'])
  axis?: 'effective' | 'recorded';
}

/** The most pages a pool-year's transactions may be asked for by number (ten million rows at one a page). */
export const TRANSACTIONS_PAGE_NUMBER_MAX = 10_000_000;

/** A page of a pool-year's transactions from a viewpoint: its number (from 1) and how many rows a page holds. */
export class TransactionsQueryDto extends PositionQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: TRANSACTIONS_PAGE_NUMBER_MAX, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(TRANSACTIONS_PAGE_NUMBER_MAX)
  page?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: TRANSACTIONS_PAGE_SIZE_MAX, default: TRANSACTIONS_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(TRANSACTIONS_PAGE_SIZE_MAX)
  limit?: number;
}

export class ReconciliationQueryDto extends PositionQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv', 'xlsx'])
  format?: 'json' | 'csv' | 'xlsx';
}

export class AgreementQueryDto extends KnownAtQueryDto {
  @ApiPropertyOptional({ ...DATE, description: 'Defaults to today' })
  @IsOptional()
  @IsCalendarDate()
  asAt?: string;
}
