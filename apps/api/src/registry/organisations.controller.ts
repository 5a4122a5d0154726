import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { READERS } from '@bcl/identity';
import { AllowRoles } from '@bcl/application';
import { setEtag } from '../http/etag';
import { IdParam } from '../http/id-param';
import { ListOrganisationsQueryDto } from './dto/registry.dto';
import { AsAtQueryDto, KnownAtQueryDto } from '../http/common.dto';
import { GetOrganisationQuery } from '@bcl/application';
import { ListOrganisationsQuery } from '@bcl/application';
import { OrganisationHistoryQuery } from '@bcl/application';
import { normaliseKnownAt, viewpointOf } from '@bcl/application';
import { CommandQueryController } from '../http/write-route';

/** The organisations' read routes; each write is a use case under use-cases/. */
@ApiTags('organisations')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('organisations')
export class OrganisationsController extends CommandQueryController {
  @Get()
  @AllowRoles(...READERS)
  list(@Query() query: ListOrganisationsQueryDto) {
    return this.queries.execute(
      new ListOrganisationsQuery(query.limit ?? 50, query.after, query.kind, viewpointOf(query)),
    );
  }

  @Get(':id')
  @AllowRoles(...READERS)
  async get(
    @Param() { id }: IdParam,
    @Query() query: AsAtQueryDto,
    @Res({ passthrough: true }) response: Response,
  ) {
    const organisation = await this.queries.execute(new GetOrganisationQuery(id, viewpointOf(query)));
    setEtag(response, organisation.revision);
    return organisation;
  }

  @Get(':id/history')
  @AllowRoles(...READERS)
  history(@Param() { id }: IdParam, @Query() query: KnownAtQueryDto) {
    return this.queries.execute(new OrganisationHistoryQuery(id, normaliseKnownAt(query.knownAt)));
  }
}
