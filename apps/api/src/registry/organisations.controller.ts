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
export class OrganisationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @AllowRoles('admin')
  async register(
    @Body() body: RegisterOrganisationDto,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { reason, ...input } = body;
    const result = await this.commands.execute<RegisterOrganisationCommand, WriteResult>(
      new RegisterOrganisationCommand(
        {
          ...input,
          codes: input.codes.map(({ scheme, value }) => ({ scheme, value })),
          parentOrganisationId: input.parentOrganisationId ?? null,
        },
        commandContext(request, actor, reason),
      ),
    );
    response.setHeader('Location', `/api/organisations/${input.organisationId}`);
    return this.respond(input.organisationId, result, response);
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
    @CurrentActor() actor: Actor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.commands.execute<RenameOrganisationCommand, WriteResult>(
      new RenameOrganisationCommand({ ...input, organisationId: id }, commandContext(request, actor, reason)),
    );
    return this.respond(id, result, response);
  }

  @Post(':id/succession')
  @HttpCode(200)
  @AllowRoles('admin')
  @ApiHeader({ name: 'If-Match', required: false })
  async recordSuccession(
    @Param() { id }: IdParam,
    @Body() { reason, ...input }: RecordSuccessionDto,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.commands.execute<RecordSuccessionCommand, WriteResult>(
      new RecordSuccessionCommand({ ...input, organisationId: id }, commandContext(request, actor, reason)),
    );
    return this.respond(id, result, response);
  }

  private async respond(id: string, result: WriteResult, response: Response) {
    setEtag(response, result.revision);
    return this.queries.execute(new GetOrganisationQuery(id));
  }
}
