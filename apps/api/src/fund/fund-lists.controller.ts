import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { READERS } from '@bcl/identity';
import { AllowRoles, ListAgreementsQuery, ListPoolsQuery, viewpointOf } from '@bcl/application';
import { ViewpointPageQueryDto } from '../http/common.dto';
import { IsId } from '../http/validators';
import { CommandQueryController, OperationId } from '../http/write-route';

/** A page of the fund's agreements or pools from a viewpoint, optionally of one area. */
export class FundListQueryDto extends ViewpointPageQueryDto {
  @ApiPropertyOptional({ description: 'Only those of this HWB area' })
  @IsOptional()
  @IsId()
  areaId?: string;
}

/**
 * The fund's lists, so no id need be guessed: its section 75 agreements, and its pools with their years.
 * In the fund's read controller's operationIds (generated clients keep one controller per context).
 */
@ApiTags('fund')
@ApiBearerAuth()
@Controller('fund')
export class FundListsController extends CommandQueryController {
  /** Section 75 agreements in id order: each one's area, parties, pools and the version in effect. */
  @Get('agreements')
  @AllowRoles(...READERS)
  @OperationId('FundController', 'listAgreements')
  agreements(@Query() query: FundListQueryDto) {
    return this.queries.execute(
      new ListAgreementsQuery(query.limit ?? 50, query.after, query.areaId, viewpointOf(query)),
    );
  }

  /** Pooled funds in id order: each one's name, agreement, area, and its years with their status. */
  @Get('pools')
  @AllowRoles(...READERS)
  @OperationId('FundController', 'listPools')
  pools(@Query() query: FundListQueryDto) {
    return this.queries.execute(
      new ListPoolsQuery(query.limit ?? 50, query.after, query.areaId, viewpointOf(query)),
    );
  }
}
