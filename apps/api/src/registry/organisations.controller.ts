import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { READERS } from '@bcl/identity';
import { AllowRoles } from '../auth/access-policy';
import { WriteContext, WriteRequest } from '../http/write-context';
import { CommandQueryController } from '../http/command-query-controller';
import { setEtag } from '../http/etag';
import { IdParam } from '../http/id-param';
import {
  ListOrganisationsQueryDto,
  RecordSuccessionDto,
  RegisterOrganisationDto,
  RenameOrganisationDto,
} from './dto/registry.dto';
import { KnownAtQueryDto } from '../http/common.dto';
import { RegisterOrganisationCommand } from './commands/register-organisation';
import { RenameOrganisationCommand } from './commands/rename-organisation';
import { RecordSuccessionCommand } from './commands/record-succession';
import { GetOrganisationQuery } from './queries/get-organisation';
import { ListOrganisationsQuery } from './queries/list-organisations';
import { OrganisationHistoryQuery } from './queries/organisation-history';
import { normaliseKnownAt } from '../http/business-dates';

@ApiTags('organisations')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('organisations')
export class OrganisationsController extends CommandQueryController {
  @Post()
  @AllowRoles('admin')
  async register(@Body() body: RegisterOrganisationDto, @WriteContext() request: WriteRequest) {
    const { reason, ...input } = body;
    return this.write(
      new RegisterOrganisationCommand(
        {
          ...input,
          codes: input.codes.map(({ scheme, value }) => ({ scheme, value })),
          parentOrganisationId: input.parentOrganisationId ?? null,
        },
        request.because(reason),
      ),
      request,
      new GetOrganisationQuery(input.organisationId),
      `/api/organisations/${input.organisationId}`,
    );
  }

  @Get()
  @AllowRoles(...READERS)
  list(@Query() query: ListOrganisationsQueryDto) {
    return this.queries.execute(new ListOrganisationsQuery(query.limit ?? 50, query.after, query.kind));
  }

  @Get(':id')
  @AllowRoles(...READERS)
  async get(@Param() { id }: IdParam, @Res({ passthrough: true }) response: Response) {
    const organisation = await this.queries.execute(new GetOrganisationQuery(id));
    setEtag(response, organisation.revision);
    return organisation;
  }

  @Get(':id/history')
  @AllowRoles(...READERS)
  history(@Param() { id }: IdParam, @Query() query: KnownAtQueryDto) {
    return this.queries.execute(new OrganisationHistoryQuery(id, normaliseKnownAt(query.knownAt)));
  }

  @Post(':id/renames')
  @HttpCode(200)
  @AllowRoles('admin')
  @ApiHeader({ name: 'If-Match', required: false })
  async rename(
    @Param() { id }: IdParam,
    @Body() { reason, ...input }: RenameOrganisationDto,
    @WriteContext() request: WriteRequest,
  ) {
    return this.write(
      new RenameOrganisationCommand({ ...input, organisationId: id }, request.because(reason)),
      request,
      new GetOrganisationQuery(id),
    );
  }

  @Post(':id/succession')
  @HttpCode(200)
  @AllowRoles('admin')
  @ApiHeader({ name: 'If-Match', required: false })
  async recordSuccession(
    @Param() { id }: IdParam,
    @Body() { reason, ...input }: RecordSuccessionDto,
    @WriteContext() request: WriteRequest,
  ) {
    return this.write(
      new RecordSuccessionCommand({ ...input, organisationId: id }, request.because(reason)),
      request,
      new GetOrganisationQuery(id),
    );
  }
}
