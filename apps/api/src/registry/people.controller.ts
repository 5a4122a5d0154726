import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { READERS } from '@bcl/identity';
import { AllowRoles } from '@bcl/application';
import { setEtag } from '../http/etag';
import { IdParam } from '../http/id-param';
import { AsAtQueryDto, ViewpointPageQueryDto } from '../http/common.dto';
import { viewpointOf } from '@bcl/application';
import { GetPersonQuery, ListPeopleQuery, PERSON_NAME_READERS, mayReadPersonNames } from '@bcl/application';
import { CommandQueryController } from '../http/write-route';

/** The people's read routes; each write is a use case under use-cases/. */
@ApiTags('people')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('people')
export class PeopleController extends CommandQueryController {
  /** Names only for the roles that may read a list of them (PERSON_NAME_READERS); ids for the others. */
  @Get()
  @AllowRoles(...READERS)
  @ApiOperation({
    description: `\`names\` is \`shown\` (each item's \`displayName\`, null once erased) for ${PERSON_NAME_READERS.join(', ')}; \`withheld\` (ids only) for the other roles.`,
  })
  list(@Query() { limit, after, ...viewpoint }: ViewpointPageQueryDto, @Req() request: Request) {
    const withNames = mayReadPersonNames(request.identity!.roles);
    return this.queries.execute(new ListPeopleQuery(limit ?? 50, after, withNames, viewpointOf(viewpoint)));
  }

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
