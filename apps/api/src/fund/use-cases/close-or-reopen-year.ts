import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { AllowRoles } from '@bcl/application';
import { IsCalendarDate } from '../../http/validators';
import { ReasonDto } from '../../http/common.dto';
import { DATE, Nested, PoolYearParams, StatedByDto } from '../dto/fund.dto';
import { FundEntryRoute } from './record-fund-entry';
import { WriteContext, WriteRequest, OperationId, WriteRoutes } from '../../http/write-route';

export class YearDecisionDto extends ReasonDto {
  @ApiProperty(DATE) @IsCalendarDate() on!: string;
  @ApiProperty({ type: StatedByDto }) @Nested(() => StatedByDto) decision!: StatedByDto;
}
@WriteRoutes('fund')
export class CloseOrReopenYearRoute extends FundEntryRoute {
  @OperationId('FundController', 'close')
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

  @OperationId('FundController', 'reopen')
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
}
