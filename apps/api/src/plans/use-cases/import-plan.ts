import { Body, HttpCode, Post, Query } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ApiBody, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { approvedVersions } from '@bcl/domain-governance/facts';
import {
  RecordPlanDocument,
  RemovalNeedsConfirmation,
  evolvePlan,
  planStream,
  recordPlanDocument,
} from '@bcl/domain-plans';
import { PlanDocumentInvalid, TableCellInvalid, WorkbookRefused, readPlanInput } from '@bcl/plan-import';
import { CommandContext, EventLogWriter, WriteResult } from '@bcl/application';
import { StreamFacts } from '@bcl/application';
import { AllowRoles } from '@bcl/application';
import { Problem, invalidRequest } from '@bcl/application';
import { XLSX_MEDIA_TYPE } from '../dto/plan.dto';
import { PlanContext } from '@bcl/application';
import { PLAN_INSTRUMENT_KINDS } from '@bcl/application';
import { IsCalendarDate } from '../../http/validators';
import { GetPlanQuery } from '@bcl/application';
import {
  WriteContext,
  WriteRequest,
  OperationId,
  CommandQueryController,
  WriteRoutes,
} from '../../http/write-route';

export { XLSX_MEDIA_TYPE };

/** Bodies of `POST /plans/import` may be this large (other routes: 64 KiB). */
export const PLAN_IMPORT_BYTES_MAX = 2 * 1024 * 1024;
const IMPORT_REASON = 'plan document imported through the API';

export class ImportPlanCommand {
  constructor(
    readonly document: RecordPlanDocument,
    readonly context: CommandContext,
    /** The date the document (the version it begins or changes) takes effect, e.g. the date it bears. */
    readonly effectiveOn: string | null = null,
  ) {}
}

/** Records a plan document (whole, or some sections) as the entry-level changes it makes. */
@CommandHandler(ImportPlanCommand)
export class ImportPlanHandler implements ICommandHandler<ImportPlanCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly plans: PlanContext,
    private readonly facts: StreamFacts,
  ) {}

  /** `created`: the import began the plan or a new version of it (the HTTP answer is then 201). */
  async execute({ document, context, effectiveOn }: ImportPlanCommand): Promise<WriteResult> {
    let created = false;
    const result = await this.writer.execute({
      stream: planStream(document.planId),
      evolve: evolvePlan,
      gather: async () => ({
        reference: this.plans.reference(document.cycle),
        area: await this.plans.area(document.areaId),
        approved: (
          await Promise.all(
            PLAN_INSTRUMENT_KINDS.map(async (kind) =>
              approvedVersions(await this.facts.approvals({ kind, id: document.planId })),
            ),
          )
        ).flat(),
      }),
      decide: (state, { reference, area, approved }) => {
        const events = recordPlanDocument(state, document, reference, area, approved);
        created = events.some((e) => e.type === 'PlanInitiated' || e.type === 'PlanVersionStarted');
        return events;
      },
      ...(effectiveOn ? { effectiveOn } : {}),
      context,
    });
    return { ...result, created };
  }
}

/** A workbook refused before reading: 413 when it would unpack past the limits, 400 when it is not a sound ZIP. */
const workbookRefused = ({ tooLarge, message }: WorkbookRefused): Problem =>
  tooLarge
    ? new Problem(413, 'workbook-too-large', 'The workbook unpacks too large', message, [
        { field: 'body', reason: message },
      ])
    : invalidRequest([{ field: 'body', reason: message }]);

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

/** The 409 for an import that would remove entries: nothing recorded, and what it would change, by section. */
export function removalNeedsConfirmation(refusal: RemovalNeedsConfirmation): Problem {
  return new Problem(
    409,
    'removal-needs-confirmation',
    'The import would remove entries',
    refusal.message,
    [{ field: 'replace', reason: 'must be true to remove entries: nothing was recorded' }],
    { planId: refusal.planId, changes: refusal.changes },
  );
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
    let document;
    try {
      document = Buffer.isBuffer(body)
        ? (await readPlanInput(body, 'xlsx')).command
        : (await readPlanInput(Buffer.from(JSON.stringify(withoutEvidence(body))), 'json')).command;
    } catch (error) {
      if (error instanceof PlanDocumentInvalid) throw invalidRequest(error.problems);
      if (error instanceof WorkbookRefused) throw workbookRefused(error);
      if (error instanceof TableCellInvalid)
        throw invalidRequest([
          { field: `${error.table} line ${error.line}, column '${error.column}'`, reason: error.reason },
        ]);
      throw error;
    }
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
