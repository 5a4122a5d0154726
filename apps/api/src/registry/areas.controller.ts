import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { READERS } from '@bcl/identity';
import { AllowRoles } from '@bcl/application';
import { setEtag } from '../http/etag';
import { IdParam } from '../http/id-param';
import { AsAtQueryDto, KnownAtQueryDto, ViewpointPageQueryDto } from '../http/common.dto';
import { GetAreaQuery } from '@bcl/application';
import { ListAreasQuery } from '@bcl/application';
import { AreaOrganisationsQuery } from '@bcl/application';
import { AssumedFactsQuery } from '@bcl/application';
import { normaliseKnownAt, todayInEngland, viewpointOf } from '@bcl/application';
import { CommandQueryController } from '../http/write-route';

/** The HWB areas' read routes; each write is a use case under use-cases/. */
@ApiTags('areas')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('areas')
export class AreasController extends CommandQueryController {
  @Get()
  @AllowRoles(...READERS)
  list(@Query() query: ViewpointPageQueryDto) {
    return this.queries.execute(new ListAreasQuery(query.limit ?? 50, query.after, viewpointOf(query)));
  }

  @Get(':id')
  @AllowRoles(...READERS)
  async get(
    @Param() { id }: IdParam,
    @Query() query: AsAtQueryDto,
    @Res({ passthrough: true }) response: Response,
  ) {
    const area = await this.queries.execute(new GetAreaQuery(id, viewpointOf(query)));
    setEtag(response, area.revision);
    return area;
  }

  @Get(':id/organisations')
  @AllowRoles(...READERS)
  organisations(@Param() { id }: IdParam, @Query() query: AsAtQueryDto) {
    const viewpoint = { asAt: query.asAt ?? todayInEngland(), knownAt: normaliseKnownAt(query.knownAt) };
    return this.queries.execute(new AreaOrganisationsQuery(id, viewpoint));
  }

  /** Every fact of the area the ledger records as assumed (its evidence says why), never shown as documented. */
  @Get(':id/assumed-facts')
  @AllowRoles(...READERS)
  assumedFacts(@Param() { id }: IdParam, @Query() query: KnownAtQueryDto) {
    return this.queries.execute(new AssumedFactsQuery(id, normaliseKnownAt(query.knownAt)));
  }
}
