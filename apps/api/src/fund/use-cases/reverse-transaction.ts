import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { AllowRoles } from '@bcl/application';
import { IsCalendarDate, IsId } from '../../http/validators';
import { ReasonDto } from '../../http/common.dto';
import { DATE, Nested, PoolYearParams, StatedByDto } from '../dto/fund.dto';
import { FundEntryRoute } from './record-fund-entry';
import { WriteContext, WriteRequest, OperationId, WriteRoutes } from '../../http/write-route';

export class ReverseTransactionDto extends ReasonDto {
  @ApiProperty() @IsId() transactionId!: string;
  @ApiProperty() @IsId() reverses!: string;
  @ApiProperty(DATE) @IsCalendarDate() effectiveOn!: string;
  @ApiProperty({ type: StatedByDto }) @Nested(() => StatedByDto) statedBy!: StatedByDto;
}
@WriteRoutes('fund')
export class ReverseTransactionRoute extends FundEntryRoute {
  @OperationId('FundController', 'reverse')
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
}
