import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { QueryBus } from '@nestjs/cqrs';
import { Response } from 'express';
import { READERS } from '@bcl/identity';
import { AllowRoles } from '@bcl/application';
import { setEtag } from '../http/etag';
import { invalidRequest } from '@bcl/application';
import { IdParam } from '../http/id-param';
import { todayInEngland, viewpointOf } from '@bcl/application';
import { AsAtQueryDto } from '../http/common.dto';
import { IsCalendarDate, IsId } from '../http/validators';
import { DATE, InstrumentParams } from './governance-routes';
import {
  ActionsQuery,
  DecisionsRegisterQuery,
  DelegationsOnQuery,
  GetBodyQuery,
  GetDelegationQuery,
  GetMeetingQuery,
  ProvenanceQuery,
} from '@bcl/application';

export class OnDateQueryDto extends AsAtQueryDto {
  @ApiPropertyOptional({ ...DATE, description: 'Defaults to asAt, else today' })
  @IsOptional()
  @IsCalendarDate()
  on?: string;
}

export class DateRangeQueryDto extends AsAtQueryDto {
  @ApiPropertyOptional(DATE) @IsOptional() @IsCalendarDate() from?: string;
  @ApiPropertyOptional(DATE) @IsOptional() @IsCalendarDate() to?: string;
}

export class ActionsQueryDto extends AsAtQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsId() personId?: string;
  @ApiPropertyOptional() @IsOptional() @IsId() postId?: string;
}

/** Governance's read routes. Each write route is a use case of its own, under `use-cases/`. */
@ApiTags('governance')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('governance')
export class GovernanceController {
  constructor(private readonly queries: QueryBus) {}

  @Get('bodies/:id')
  @AllowRoles(...READERS)
  async body(
    @Param() { id }: IdParam,
    @Query() query: AsAtQueryDto,
    @Res({ passthrough: true }) response: Response,
  ) {
    const body = await this.queries.execute(new GetBodyQuery(id, viewpointOf(query)));
    setEtag(response, body.revision);
    return body;
  }

  /** The body's decisions register: its resolutions in meeting order, between two dates if given. */
  @Get('bodies/:id/decisions')
  @AllowRoles(...READERS)
  decisions(@Param() { id }: IdParam, @Query() { asAt, knownAt, ...range }: DateRangeQueryDto) {
    if (range.from && range.to && range.from > range.to)
      throw invalidRequest([{ field: 'to', reason: `must not be before from (${range.from})` }]);
    return this.queries.execute(new DecisionsRegisterQuery(id, range, viewpointOf({ asAt, knownAt })));
  }

  @Get('meetings/:id')
  @AllowRoles(...READERS)
  async meeting(
    @Param() { id }: IdParam,
    @Query() query: AsAtQueryDto,
    @Res({ passthrough: true }) response: Response,
  ) {
    const meeting = await this.queries.execute(new GetMeetingQuery(id, viewpointOf(query)));
    setEtag(response, meeting.revision);
    return meeting;
  }

  /** Delegations in force on a date, and those whose report-back is overdue. */
  @Get('delegations')
  @AllowRoles(...READERS)
  delegations(@Query() { on, ...query }: OnDateQueryDto) {
    return this.queries.execute(
      new DelegationsOnQuery(on ?? query.asAt ?? todayInEngland(), viewpointOf(query)),
    );
  }

  @Get('delegations/:id')
  @AllowRoles(...READERS)
  async delegation(
    @Param() { id }: IdParam,
    @Query() query: AsAtQueryDto,
    @Res({ passthrough: true }) response: Response,
  ) {
    const delegation = await this.queries.execute(new GetDelegationQuery(id, viewpointOf(query)));
    setEtag(response, delegation.revision);
    return delegation;
  }

  /** approval → delegation → resolution → meeting → body, with the post holders at each step. */
  @Get('instruments/:kind/:id/provenance')
  @AllowRoles(...READERS)
  provenance(@Param() { kind, id }: InstrumentParams, @Query() query: AsAtQueryDto) {
    return this.queries.execute(new ProvenanceQuery(kind, id, viewpointOf(query)));
  }

  /** A person's or a post's governance actions over time, in effective-date order. */
  @Get('actions')
  @AllowRoles(...READERS)
  actions(@Query() query: ActionsQueryDto) {
    if ((query.personId === undefined) === (query.postId === undefined))
      throw invalidRequest([{ field: 'personId', reason: 'give exactly one of personId and postId' }]);
    return this.queries.execute(
      new ActionsQuery(
        query.personId !== undefined ? { personId: query.personId } : { postId: query.postId! },
        viewpointOf(query),
      ),
    );
  }
}
