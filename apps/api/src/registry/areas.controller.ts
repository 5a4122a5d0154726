import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { Actor } from '@bcl/event-store';
import { READERS } from '@bcl/identity';
import { AllowRoles } from '../auth/access-policy';
import { CurrentActor } from '../auth/actor';
import { setEtag } from '../http/etag';
import { WriteResult } from '../ledger/ledger-writer';
import { commandContext } from '../http/command-context';
import { IdParam, MemberParams } from '../http/id-param';
import { AddAreaMemberDto, DefineHwbAreaDto, EndDatedDto } from './dto/registry.dto';
import { AsAtQueryDto, PageQueryDto } from '../http/common.dto';
import { DefineHwbAreaCommand } from './commands/define-hwb-area';
import { AddAreaMemberCommand } from './commands/add-area-member';
import { EndAreaMembershipCommand } from './commands/end-area-membership';
import { GetAreaQuery } from './queries/get-area';
import { ListAreasQuery } from './queries/list-areas';
import { AreaOrganisationsQuery } from './queries/area-organisations';
import { normaliseKnownAt, todayInEngland } from '../http/business-dates';

@ApiTags('areas')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('areas')
export class AreasController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @AllowRoles('admin')
  async define(
    @Body() { reason, ...input }: DefineHwbAreaDto,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.commands.execute<DefineHwbAreaCommand, WriteResult>(
      new DefineHwbAreaCommand(input, commandContext(request, actor, reason)),
    );
    response.setHeader('Location', `/api/areas/${input.areaId}`);
    return this.respond(input.areaId, result, response);
  }

  @Get()
  @AllowRoles(...READERS)
  list(@Query() query: PageQueryDto) {
    return this.queries.execute(new ListAreasQuery(query.limit ?? 50, query.after));
  }

  @Get(':id')
  @AllowRoles(...READERS)
  async get(@Param() { id }: IdParam, @Res({ passthrough: true }) response: Response) {
    const area = await this.queries.execute(new GetAreaQuery(id));
    setEtag(response, area.revision);
    return area;
  }

  @Get(':id/organisations')
  @AllowRoles(...READERS)
  organisations(@Param() { id }: IdParam, @Query() query: AsAtQueryDto) {
    const viewpoint = { asAt: query.asAt ?? todayInEngland(), knownAt: normaliseKnownAt(query.knownAt) };
    return this.queries.execute(new AreaOrganisationsQuery(id, viewpoint));
  }

  @Post(':id/members')
  @HttpCode(200)
  @AllowRoles('admin')
  @ApiHeader({ name: 'If-Match', required: false })
  async addMember(
    @Param() { id }: IdParam,
    @Body() { reason, ...input }: AddAreaMemberDto,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.commands.execute<AddAreaMemberCommand, WriteResult>(
      new AddAreaMemberCommand({ ...input, areaId: id }, commandContext(request, actor, reason)),
    );
    return this.respond(id, result, response);
  }

  @Post(':id/members/:memberId/end')
  @HttpCode(200)
  @AllowRoles('admin')
  @ApiHeader({ name: 'If-Match', required: false })
  async endMembership(
    @Param() { id, memberId }: MemberParams,
    @Body() { reason, until }: EndDatedDto,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.commands.execute<EndAreaMembershipCommand, WriteResult>(
      new EndAreaMembershipCommand(
        { areaId: id, organisationId: memberId, until },
        commandContext(request, actor, reason),
      ),
    );
    return this.respond(id, result, response);
  }

  private async respond(id: string, result: WriteResult, response: Response) {
    setEtag(response, result.revision);
    return this.queries.execute(new GetAreaQuery(id));
  }
}
