import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { READERS } from '@bcl/identity';
import {
  PlanDocumentInvalid,
  TableCellInvalid,
  readPlanInput,
  toPlanDocument,
  writePlanWorkbook,
} from '@bcl/plan-import';
import { AllowRoles } from '../auth/access-policy';
import { WriteContext, WriteRequest } from '../http/write-context';
import { CommandQueryController } from '../http/command-query-controller';
import { setEtag } from '../http/etag';
import { invalidRequest } from '../http/problem';
import { IdParam } from '../http/id-param';
import { normaliseKnownAt } from '../http/business-dates';
import {
  AcceptPlanWarningDto,
  ListPlansQueryDto,
  PlanDiffQueryDto,
  PlanExportQueryDto,
  PlanQueryDto,
  RecordPlanStepDto,
} from './dto/plan.dto';
import { ImportPlanCommand } from './commands/import-plan';
import { RecordPlanStepCommand } from './commands/record-plan-step';
import { AcceptPlanWarningCommand } from './commands/accept-plan-warning';
import { GetPlanQuery, ListPlansQuery, PlanDiffQuery, PlanVersionsQuery } from './queries/plan-queries';

/** Bodies of `POST /plans/import` may be this large (other routes: 64 KiB). */
export const PLAN_IMPORT_BYTES_MAX = 2 * 1024 * 1024;
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const IMPORT_REASON = 'plan document imported through the API';

@ApiTags('plans')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('plans')
export class PlansController extends CommandQueryController {
  /** Records a plan document (docs/plan-format.md); answers the plan as now recorded, with its checks. */
  @Post('import')
  @HttpCode(200)
  @AllowRoles('programme-lead', 'finance-officer')
  @ApiBody({
    description: `A plan document (application/json: docs/plan-format.schema.json) or a planning-template workbook (${XLSX_MEDIA_TYPE})`,
    schema: { type: 'object' },
  })
  async import(@Body() body: object, @WriteContext() request: WriteRequest) {
    let document;
    try {
      document = Buffer.isBuffer(body)
        ? (await readPlanInput(body, 'xlsx')).command
        : (await readPlanInput(Buffer.from(JSON.stringify(body)), 'json')).command;
    } catch (error) {
      if (error instanceof PlanDocumentInvalid) throw invalidRequest(error.problems);
      if (error instanceof TableCellInvalid)
        throw invalidRequest([
          { field: `${error.table} line ${error.line}, column '${error.column}'`, reason: error.reason },
        ]);
      throw error;
    }
    const context = request.because(`${IMPORT_REASON}: ${document.justification}`);
    return this.write(
      new ImportPlanCommand(document, context),
      request,
      new GetPlanQuery(document.planId),
      `/api/plans/${document.planId}`,
    );
  }

  @Get()
  @AllowRoles(...READERS)
  list(@Query() query: ListPlansQueryDto) {
    return this.queries.execute(
      new ListPlansQuery({ areaId: query.areaId, cycle: query.cycle, limit: query.limit ?? 50 }),
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
      new GetPlanQuery(id, query.version, normaliseKnownAt(query.knownAt)),
    );
    setEtag(response, plan.revision);
    return plan;
  }

  @Get(':id/checks')
  @AllowRoles(...READERS)
  async checks(@Param() { id }: IdParam, @Query() query: PlanQueryDto) {
    const plan = await this.queries.execute(
      new GetPlanQuery(id, query.version, normaliseKnownAt(query.knownAt)),
    );
    return { planId: id, version: plan.version, checks: plan.checks };
  }

  /** The plan version as a document (JSON) or workbook (XLSX) that imports back to the same plan. */
  @Get(':id/export')
  @AllowRoles(...READERS)
  async export(
    @Param() { id }: IdParam,
    @Query() query: PlanExportQueryDto,
    @Res({ passthrough: true }) response: Response,
  ) {
    const plan = await this.queries.execute(new GetPlanQuery(id, query.version));
    const justification = `export of ${id} version ${plan.version}`;
    if (query.format !== 'xlsx') return toPlanDocument(plan, justification);
    response.setHeader('Content-Type', XLSX_MEDIA_TYPE);
    response.setHeader('Content-Disposition', `attachment; filename="${id}-v${plan.version}.xlsx"`);
    return new StreamableFile(await writePlanWorkbook(plan, justification));
  }

  @Get(':id/versions')
  @AllowRoles(...READERS)
  versions(@Param() { id }: IdParam) {
    return this.queries.execute(new PlanVersionsQuery(id));
  }

  @Get(':id/diff')
  @AllowRoles(...READERS)
  diff(@Param() { id }: IdParam, @Query() query: PlanDiffQueryDto) {
    return this.queries.execute(new PlanDiffQuery(id, query.from, query.to));
  }

  @Post(':id/steps')
  @HttpCode(200)
  @AllowRoles('governance-officer')
  @ApiHeader({ name: 'If-Match', required: false })
  async recordStep(
    @Param() { id }: IdParam,
    @Body() { reason, ...input }: RecordPlanStepDto,
    @WriteContext() request: WriteRequest,
  ) {
    return this.write(
      new RecordPlanStepCommand(
        { ...input, parties: [...input.parties], planId: id },
        request.because(reason),
      ),
      request,
      new GetPlanQuery(id),
    );
  }

  @Post(':id/warning-acceptances')
  @HttpCode(200)
  @AllowRoles('finance-officer')
  @ApiHeader({ name: 'If-Match', required: false })
  async acceptWarning(
    @Param() { id }: IdParam,
    @Body() { reason, checkId }: AcceptPlanWarningDto,
    @WriteContext() request: WriteRequest,
  ) {
    return this.write(
      new AcceptPlanWarningCommand({ planId: id, checkId }, request.because(reason)),
      request,
      new GetPlanQuery(id),
    );
  }
}
