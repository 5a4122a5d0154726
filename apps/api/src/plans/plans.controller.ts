import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { READERS } from '@bcl/identity';
import { toPlanDocument, writePlanWorkbook } from '@bcl/plan-import';
import { AllowRoles } from '@bcl/application';
import { setEtag } from '../http/etag';
import { IdParam } from '../http/id-param';
import { normaliseKnownAt, viewpointOf } from '@bcl/application';
import {
  ListPlansQueryDto,
  PlanDiffQueryDto,
  PlanExportQueryDto,
  PlanQueryDto,
  PlanVersionsQueryDto,
  XLSX_MEDIA_TYPE,
} from './dto/plan.dto';
import { GetPlanQuery, ListPlansQuery, PlanDiffQuery, PlanVersionsQuery } from '@bcl/application';
import { CommandQueryController } from '../http/write-route';

/** The plans' read side: every GET route (each write route is a use case under use-cases/). */
@ApiTags('plans')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('plans')
export class PlansController extends CommandQueryController {
  @Get()
  @AllowRoles(...READERS)
  list(@Query() query: ListPlansQueryDto) {
    return this.queries.execute(
      new ListPlansQuery(
        { areaId: query.areaId, cycle: query.cycle, limit: query.limit ?? 50 },
        viewpointOf(query),
      ),
    );
  }

  @Get(':id')
  @AllowRoles(...READERS)
  async get(
    @Param() { id }: IdParam,
    @Query() query: PlanQueryDto,
    @Res({ passthrough: true }) response: Response,
  ) {
    const plan = await this.queries.execute(
      new GetPlanQuery(id, query.version, { knownAt: normaliseKnownAt(query.knownAt), asAt: query.asAt }),
    );
    setEtag(response, plan.revision);
    return plan;
  }

  @Get(':id/checks')
  @AllowRoles(...READERS)
  async checks(@Param() { id }: IdParam, @Query() query: PlanQueryDto) {
    const plan = await this.queries.execute(
      new GetPlanQuery(id, query.version, { knownAt: normaliseKnownAt(query.knownAt), asAt: query.asAt }),
    );
    return { planId: id, version: plan.version, asAt: plan.asAt, knownAt: plan.knownAt, checks: plan.checks };
  }

  /** The plan version as a document (JSON) or workbook (XLSX) that imports back to the same plan. */
  @Get(':id/export')
  @AllowRoles(...READERS)
  async export(
    @Param() { id }: IdParam,
    @Query() query: PlanExportQueryDto,
    @Res({ passthrough: true }) response: Response,
  ) {
    const plan = await this.queries.execute(new GetPlanQuery(id, query.version, viewpointOf(query)));
    const justification = `export of ${id} version ${plan.version}`;
    if (query.format !== 'xlsx') return toPlanDocument(plan, justification);
    response.setHeader('Content-Type', XLSX_MEDIA_TYPE);
    response.setHeader('Content-Disposition', `attachment; filename="${id}-v${plan.version}.xlsx"`);
    return new StreamableFile(await writePlanWorkbook(plan, justification));
  }

  @Get(':id/versions')
  @AllowRoles(...READERS)
  versions(@Param() { id }: IdParam, @Query() query: PlanVersionsQueryDto) {
    return this.queries.execute(new PlanVersionsQuery(id, viewpointOf(query)));
  }

  @Get(':id/diff')
  @AllowRoles(...READERS)
  diff(@Param() { id }: IdParam, @Query() query: PlanDiffQueryDto) {
    return this.queries.execute(new PlanDiffQuery(id, query.from, query.to, viewpointOf(query)));
  }
}
