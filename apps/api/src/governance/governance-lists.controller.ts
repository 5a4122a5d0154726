import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { QueryBus } from '@nestjs/cqrs';
import { READERS } from '@bcl/identity';
import { AllowRoles, ListBodiesQuery, ListMeetingsQuery, viewpointOf } from '@bcl/application';
import { ViewpointPageQueryDto } from '../http/common.dto';
import { IsId } from '../http/validators';
import { OperationId } from '../http/write-route';

export class ListBodiesQueryDto extends ViewpointPageQueryDto {
  @ApiPropertyOptional({ example: 'kent', description: 'Only the bodies of this area' })
  @IsOptional()
  @IsId()
  areaId?: string;
}

export class ListMeetingsQueryDto extends ListBodiesQueryDto {
  @ApiPropertyOptional({ example: 'kent-hwb', description: 'Only the meetings of this body' })
  @IsOptional()
  @IsId()
  bodyId?: string;
}

/**
 * Governance's list routes: bodies and meetings a page at a time, so their ids need not be guessed. Their
 * operationIds are the context's (`GovernanceController_…`), as every governance route's.
 */
@ApiTags('governance')
@ApiBearerAuth()
@Controller('governance')
export class GovernanceListsController {
  constructor(private readonly queries: QueryBus) {}

  /** Decision-making bodies in id order (`next`: the `after` of the next page), optionally of one area. */
  @Get('bodies')
  @AllowRoles(...READERS)
  @OperationId('GovernanceController', 'bodies')
  bodies(@Query() { limit, after, areaId, ...query }: ListBodiesQueryDto) {
    return this.queries.execute(new ListBodiesQuery(limit ?? 50, after, areaId, viewpointOf(query)));
  }

  /** Meetings in id order (`next`: the `after` of the next page), optionally of one body or one area's bodies. */
  @Get('meetings')
  @AllowRoles(...READERS)
  @OperationId('GovernanceController', 'meetings')
  meetings(@Query() { limit, after, areaId, bodyId, ...query }: ListMeetingsQueryDto) {
    return this.queries.execute(
      new ListMeetingsQuery(limit ?? 50, after, { areaId, bodyId }, viewpointOf(query)),
    );
  }
}
