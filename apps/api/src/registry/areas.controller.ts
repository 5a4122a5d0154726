import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { READERS } from '@bcl/identity';
import { AllowRoles } from '../auth/access-policy';
import { WriteContext, WriteRequest } from '../http/write-context';
import { CommandQueryController } from '../http/command-query-controller';
import { setEtag } from '../http/etag';
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
export class AreasController extends CommandQueryController {
  @Post()
  @AllowRoles('admin')
  async define(@Body() { reason, ...input }: DefineHwbAreaDto, @WriteContext() request: WriteRequest) {
    return this.write(
      new DefineHwbAreaCommand(input, request.because(reason)),
      request,
      new GetAreaQuery(input.areaId),
      `/api/areas/${input.areaId}`,
    );
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
    @WriteContext() request: WriteRequest,
  ) {
    return this.write(
      new AddAreaMemberCommand({ ...input, areaId: id }, request.because(reason)),
      request,
      new GetAreaQuery(id),
    );
  }

  @Post(':id/members/:memberId/end')
  @HttpCode(200)
  @AllowRoles('admin')
  @ApiHeader({ name: 'If-Match', required: false })
  async endMembership(
    @Param() { id, memberId }: MemberParams,
    @Body() { reason, until }: EndDatedDto,
    @WriteContext() request: WriteRequest,
  ) {
    return this.write(
      new EndAreaMembershipCommand({ areaId: id, organisationId: memberId, until }, request.because(reason)),
      request,
      new GetAreaQuery(id),
    );
  }
}
