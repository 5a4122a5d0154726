import { Body, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBody, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { RemovalNeedsConfirmation } from '@bcl/domain-plans';
import {
  AllowRoles,
  GetPlanQuery,
  ImportPlanCommand,
  ImportPlanHandler,
  PLAN_IMPORT_BYTES_MAX,
  readPlanImport,
  removalNeedsConfirmation,
} from '@bcl/application';
import { XLSX_MEDIA_TYPE } from '../dto/plan.dto';
import { IsCalendarDate } from '../../http/validators';
import {
  WriteContext,
  WriteRequest,
  OperationId,
  CommandQueryController,
  WriteRoutes,
} from '../../http/write-route';

// The command and its handler live in the application layer (the web pages' upload form sends it too).
export { ImportPlanCommand, ImportPlanHandler, PLAN_IMPORT_BYTES_MAX, XLSX_MEDIA_TYPE };

const IMPORT_REASON = 'plan document imported through the API';

/** `?replace=true` confirms an import that removes entries (without it such an import is refused with a preview). */
export class ImportPlanQueryDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description:
      'true: remove the entries a given section leaves out (without it, 409 removal-needs-confirmation)',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  replace?: 'true' | 'false';

  @ApiPropertyOptional({
    example: '2017-09-11',
    description:
      'YYYY-MM-DD: the date the document takes effect (the date it bears); what the plan shows `asAt` a date. Without it, the import is seen from any date',
  })
  @IsOptional()
  @IsCalendarDate()
  effectiveOn?: string;
}

/** The plan document without the request's `evidence` (every write's, read by the write context). */
const withoutEvidence = (body: object): object => {
  const { evidence: _evidence, ...document } = body as { evidence?: unknown };
  return document;
};

@WriteRoutes('plans')
export class ImportPlanRoute extends CommandQueryController {
  /**
   * Records a plan document (docs/plan-format.md); answers the plan as now recorded, with its checks: 201 with
   * `Location` when it began the plan or a new version, else 200 (changes to the current version, or nothing new).
   */
  @OperationId('PlansController', 'import')
  @Post('import')
  @HttpCode(200)
  @AllowRoles('programme-lead', 'finance-officer')
  @ApiBody({
    description: `A plan document (application/json: libs/plan-import/src/plan-format.schema.json, described in docs/plan-format.md) or a planning-template workbook (${XLSX_MEDIA_TYPE})`,
    schema: { type: 'object' },
  })
  async import(
    @Body() body: object,
    @WriteContext() request: WriteRequest,
    @Query() query: ImportPlanQueryDto,
  ) {
    const document = Buffer.isBuffer(body)
      ? await readPlanImport(body, 'xlsx')
      : await readPlanImport(Buffer.from(JSON.stringify(withoutEvidence(body))), 'json');
    const context = request.because(`${IMPORT_REASON}: ${document.justification}`);
    try {
      return await this.write(
        new ImportPlanCommand(
          { ...document, replace: query.replace === 'true' },
          context,
          query.effectiveOn ?? null,
        ),
        request,
        new GetPlanQuery(document.planId),
        `/api/plans/${document.planId}`,
      );
    } catch (error) {
      if (error instanceof RemovalNeedsConfirmation) throw removalNeedsConfirmation(error);
      throw error;
    }
  }
}
