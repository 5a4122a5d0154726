import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { READERS } from '@bcl/identity';
import { AllowRoles } from '@bcl/application';
import { setEtag } from '../http/etag';
import { IdParam } from '../http/id-param';
import { AsAtQueryDto } from '../http/common.dto';
import { viewpointOf } from '@bcl/application';
import { GetPersonQuery } from '@bcl/application';
import { CommandQueryController } from '../http/write-route';

/** The people's read route; each write is a use case under use-cases/. */
@ApiTags('people')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('people')
export class PeopleController extends CommandQueryController {
  @Get(':id')
  @AllowRoles(...READERS)
  async get(
    @Param() { id }: IdParam,
    @Query() query: AsAtQueryDto,
    @Res({ passthrough: true }) response: Response,
  ) {
    const person = await this.queries.execute(new GetPersonQuery(id, viewpointOf(query)));
    setEtag(response, person.revision);
    return person;
  }
}
