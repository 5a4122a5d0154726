import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { Actor } from '@bcl/event-store';
import { READERS } from '@bcl/identity';
import { AllowRoles } from '../auth/access-policy';
import { CurrentActor } from '../auth/actor';
import { setEtag } from '../http/etag';
import { WriteResult, derivedEventId } from '../ledger/ledger-writer';
import { commandContext } from '../http/command-context';
import { IdParam } from '../http/id-param';
import { RegisterPersonDto } from './dto/registry.dto';
import { ReasonDto } from '../http/common.dto';
import { RegisterPersonCommand } from './commands/register-person';
import { ErasePersonalDataCommand } from './commands/erase-personal-data';
import { GetPersonQuery } from './queries/get-person';

@ApiTags('people')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('people')
export class PeopleController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** The id is pseudonymous: given, or derived from the Idempotency-Key (so a retry names the same person). */
  @Post()
  @AllowRoles('admin', 'governance-officer')
  async register(
    @Body() { reason, displayName, personId }: RegisterPersonDto,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const context = commandContext(request, actor, reason);
    const id =
      personId ??
      `p-${context.idempotencyKey ? derivedEventId(`${actor.id}\n${context.idempotencyKey}\nperson`) : randomUUID()}`;
    const result = await this.commands.execute<RegisterPersonCommand, WriteResult>(
      new RegisterPersonCommand({ personId: id, displayName }, context),
    );
    response.setHeader('Location', `/api/people/${id}`);
    return this.respond(id, result, response);
  }

  @Get(':id')
  @AllowRoles(...READERS)
  async get(@Param() { id }: IdParam, @Res({ passthrough: true }) response: Response) {
    const person = await this.queries.execute(new GetPersonQuery(id));
    setEtag(response, person.revision);
    return person;
  }

  @Post(':id/erasure')
  @HttpCode(200)
  @AllowRoles('admin')
  async erase(
    @Param() { id }: IdParam,
    @Body() { reason }: ReasonDto,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.commands.execute<ErasePersonalDataCommand, WriteResult>(
      new ErasePersonalDataCommand({ personId: id }, commandContext(request, actor, reason)),
    );
    return this.respond(id, result, response);
  }

  private async respond(id: string, result: WriteResult, response: Response) {
    setEtag(response, result.revision);
    return this.queries.execute(new GetPersonQuery(id));
  }
}
