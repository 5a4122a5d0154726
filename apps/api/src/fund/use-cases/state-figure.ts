import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString } from 'class-validator';
import { QUARTERS } from '@bcl/kernel';
import { FIGURE_BASES, FIGURE_LINES, FUND_LIMITS as F } from '@bcl/domain-fund';
import { AllowRoles } from '@bcl/application';
import { IsCalendarDate, IsId, applyAll } from '../../http/validators';
import { ReasonDto } from '../../http/common.dto';
import { DATE, Nested, PENCE, Pence, PoolYearParams, StatedByDto } from '../dto/fund.dto';
import { FundEntryRoute } from './record-fund-entry';
import { WriteContext, WriteRequest, OperationId, WriteRoutes } from '../../http/write-route';

export class StateFigureDto extends ReasonDto {
  @ApiProperty() @IsId() figureId!: string;
  @ApiProperty({ enum: FIGURE_BASES }) @IsIn(FIGURE_BASES) basis!: (typeof FIGURE_BASES)[number];
  @ApiProperty({ enum: FIGURE_LINES }) @IsIn(FIGURE_LINES) line!: (typeof FIGURE_LINES)[number];
  @ApiProperty({ description: "'pool', a scheme id, or a total's name" }) @IsId() subject!: string;
  @ApiPropertyOptional({ enum: QUARTERS }) @IsOptional() @IsIn(QUARTERS) quarter?: 1 | 2 | 3 | 4 | null;
  @ApiProperty(PENCE) @applyAll(...Pence()) amountPence!: number;
  @ApiProperty({ type: StatedByDto }) @Nested(() => StatedByDto) statedBy!: StatedByDto;
  @ApiProperty({ ...DATE, description: 'The date the figure was stated: its effective date' })
  @IsCalendarDate()
  statedOn!: string;
  @ApiPropertyOptional({ type: [String], description: "A total's accounts (names, or prefixes ending in /)" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(F.postingsPerTransactionMax)
  @IsString({ each: true })
  composedOf?: string[] | null;
}
@WriteRoutes('fund')
export class StateFigureRoute extends FundEntryRoute {
  /** A plan, forecast or actual figure as a return, plan or decision stated it. */
  @OperationId('FundController', 'figure')
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
}
