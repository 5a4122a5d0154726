import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiProperty, ApiTags } from '@nestjs/swagger';
import { AllowRoles } from '../../auth/access-policy';
import { IsCalendarDate, IsId } from '../../http/validators';
import { ReasonDto } from '../../http/common.dto';
import { DATE, Nested, PoolYearParams, StatedByDto } from '../dto/fund.dto';
import { FundEntryRoute } from './record-fund-entry';
import { WriteContext, WriteRequest, OperationId } from '../../http/write-route';

export class ReverseTransactionDto extends ReasonDto {
  @ApiProperty() @IsId() transactionId!: string;
  @ApiProperty() @IsId() reverses!: string;
  @ApiProperty(DATE) @IsCalendarDate() effectiveOn!: string;
  @ApiProperty({ type: StatedByDto }) @Nested(() => StatedByDto) statedBy!: StatedByDto;
}
@ApiTags('fund')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('fund')
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
