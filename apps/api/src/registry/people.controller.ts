import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { READERS } from '@bcl/identity';
import { AllowRoles } from '../auth/access-policy';
import { WriteContext, WriteRequest } from '../http/write-context';
import { CommandQueryController } from '../http/command-query-controller';
import { setEtag } from '../http/etag';
import { derivedEventId } from '../event-log/event-log-writer';
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
export class PeopleController extends CommandQueryController {
  /** The id is pseudonymous: given, or derived from the Idempotency-Key (so a retry names the same person). */
  @Post()
  @AllowRoles('admin', 'governance-officer')
  async register(
    @Body() { reason, displayName, personId }: RegisterPersonDto,
    @WriteContext() request: WriteRequest,
  ) {
    const context = request.because(reason);
    const id =
      personId ??
      `p-${context.idempotencyKey ? derivedEventId(`${request.actor.id}\n${context.idempotencyKey}\nperson`) : randomUUID()}`;
    return this.write(
      new RegisterPersonCommand({ personId: id, displayName }, context),
      request,
      new GetPersonQuery(id),
      `/api/people/${id}`,
    );
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
    @WriteContext() request: WriteRequest,
  ) {
    return this.write(
      new ErasePersonalDataCommand({ personId: id }, request.because(reason)),
      request,
      new GetPersonQuery(id),
    );
  }
}
