import {
  ArgumentsHost,
  BadRequestException,
  Body,
  Catch,
  ExceptionFilter,
  Get,
  Inject,
  Post,
  PayloadTooLargeException,
  Render,
  Req,
  Res,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { FileInterceptor } from '@nestjs/platform-express';
import { Request, Response } from 'express';
import { Role } from '@bcl/identity';
import { RemovalNeedsConfirmation } from '@bcl/domain-plans';
import { ServiceStore } from '@bcl/service-store';
import {
  AllowRoles,
  ImportPlanCommand,
  ImportPlanResult,
  PLAN_IMPORT_BYTES_MAX,
  PlanImportPreview,
  Problem,
  SERVICE_STORE,
  invalidRequest,
  problemOf,
  readPlanImport,
  removalNeedsConfirmation,
} from '@bcl/application';
import { PagesController } from '../../page-route';
import { HtmlErrorFilter } from '../../errors/html-error.filter';
import { errorSummaryOf, formCommandContext, newFormKey } from '../../forms/page-form';
import { checkRows, displayValue, fieldLabel, sectionTitle } from './plan-view';
import { PendingUploads } from './pending-uploads';

/** The roles the API's `POST /api/plans/import` allows. */
const UPLOADERS: readonly Role[] = ['programme-lead', 'finance-officer'];
const REASON = 'plan document imported through the web pages';
/** Each refusal's field, linked to the form's input for it (the workbook input for anything in the file). */
const INPUT_IDS = { workbook: 'workbook', effectiveOn: 'effectiveOn' };
const UPLOAD_VIEW = 'features/plans/plan-upload.njk';
const PREVIEW_VIEW = 'features/plans/plan-upload-preview.njk';

/**
 * Uploads held between the preview and the confirmation, in this process: 15 minutes, 20 at once, 8 MiB in all.
 * A server restart (or a second instance) loses them: the user is then asked to upload the file again.
 */
const pendingUploads = new PendingUploads({
  secondsMax: 15 * 60,
  entriesMax: 20,
  bytesMax: 4 * PLAN_IMPORT_BYTES_MAX,
});

/** The file multer hands over (memory storage). */
interface UploadedPlanFile {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

const isDate = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));

/** A JSON plan document by its name or type; anything else is read as a planning-template workbook. */
const kindOf = (file: UploadedPlanFile): 'json' | 'xlsx' =>
  /\.json$/i.test(file.originalname) || file.mimetype === 'application/json' ? 'json' : 'xlsx';

/** The upload form again, with the GOV.UK error summary of a refusal (nothing was recorded). */
function renderRefusal(request: Request, response: Response, exception: unknown, values: object): void {
  const domain =
    exception instanceof RemovalNeedsConfirmation ? removalNeedsConfirmation(exception) : exception;
  const { problem, errorList, fieldErrors } = errorSummaryOf(domain, INPUT_IDS, request.originalUrl);
  response.status(problem.status).render(UPLOAD_VIEW, {
    section: 'plans',
    errorList,
    fieldErrors,
    values,
    bytesMax: PLAN_IMPORT_BYTES_MAX,
  });
}

/**
 * Multer's own refusals (a file over the limit, an unexpected field) shown on the form, not as an error page;
 * anything else (not signed in, the wrong role, a CSRF failure) as every page shows it.
 */
@Catch()
class UploadRefusalFilter implements ExceptionFilter {
  private readonly pages: HtmlErrorFilter;

  constructor(@Inject(SERVICE_STORE) service: ServiceStore) {
    this.pages = new HtmlErrorFilter(service); // its refusals are in the access log as every page's are
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const multers =
      exception instanceof PayloadTooLargeException ||
      (exception instanceof BadRequestException && !(exception instanceof Problem));
    if (!multers || response.headersSent) return this.pages.catch(exception, host);
    const tooLarge = exception.getStatus() === 413;
    const reason = tooLarge
      ? `must be at most ${PLAN_IMPORT_BYTES_MAX / 1024 / 1024} MB`
      : `could not be read (${exception.message})`;
    renderRefusal(
      request,
      response,
      new Problem(
        exception.getStatus(),
        tooLarge ? 'too-large' : 'invalid-request',
        'Upload refused',
        reason,
        [{ field: 'workbook', reason }],
      ),
      {},
    );
  }
}

/**
 * Upload a plan workbook in two steps: the upload is read and decided exactly as an import would be, and what it
 * would change (entry by entry, field by field) and the checks of the plan it would leave are shown, recording
 * nothing; confirming records it, unless the plan changed meanwhile (then the preview is refused as stale).
 */
@PagesController('plans/upload')
export class PlanUploadController {
  constructor(private readonly commands: CommandBus) {}

  @Get()
  @AllowRoles(...UPLOADERS)
  @Render(UPLOAD_VIEW)
  form() {
    return { section: 'plans', values: {}, bytesMax: PLAN_IMPORT_BYTES_MAX };
  }

  @Post()
  @AllowRoles(...UPLOADERS)
  @UseFilters(UploadRefusalFilter)
  @UseInterceptors(
    FileInterceptor('workbook', { limits: { fileSize: PLAN_IMPORT_BYTES_MAX, files: 1, fields: 10 } }),
  )
  async preview(
    @UploadedFile() file: UploadedPlanFile | undefined,
    @Body() body: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const values = { effectiveOn: typeof body?.effectiveOn === 'string' ? body.effectiveOn : '' };
    try {
      if (!file || file.size === 0)
        throw invalidRequest([
          { field: 'workbook', reason: 'choose a plan workbook (XLSX) or plan document (JSON)' },
        ]);
      if (values.effectiveOn !== '' && !isDate(values.effectiveOn))
        throw invalidRequest([{ field: 'effectiveOn', reason: 'must be a real date, such as 2017-09-11' }]);
      const document = await readPlanImport(file.buffer, kindOf(file));
      const effectiveOn = values.effectiveOn || null;
      const context = formCommandContext(
        request,
        UPLOADERS,
        `${REASON}: ${document.justification}`,
        undefined,
      );
      const result = await this.commands.execute<ImportPlanCommand, ImportPlanResult>(
        new ImportPlanCommand({ ...document, replace: true }, context, effectiveOn, true),
      );
      if (!('preview' in result)) throw new Error('a preview recorded: it must not');
      const held = pendingUploads.hold(
        {
          subject: request.identity!.subject,
          fileName: file.originalname,
          document,
          effectiveOn,
          revision: result.preview.revision,
        },
        file.buffer,
      );
      response.render(PREVIEW_VIEW, {
        section: 'plans',
        ...previewView(result.preview, held),
        formKey: newFormKey(),
      });
    } catch (error) {
      if (!isRefusal(error)) throw error;
      renderRefusal(request, response, error, values);
    }
  }

  @Post('confirm')
  @AllowRoles(...UPLOADERS)
  async confirm(
    @Body() body: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const held = pendingUploads.find(body.uploadId, request.identity!.subject);
    try {
      if (!held)
        throw invalidRequest([
          {
            field: 'workbook',
            reason:
              'the preview has expired or was already confirmed: upload the file again to see what it would change',
          },
        ]);
      const context = {
        ...formCommandContext(request, UPLOADERS, `${REASON}: ${held.document.justification}`, body.formKey),
        // decided against the plan as previewed: a change since then refuses this (412), recording nothing
        ifMatch: held.revision,
      };
      await this.commands.execute(
        new ImportPlanCommand({ ...held.document, replace: true }, context, held.effectiveOn),
      );
      pendingUploads.forget(held.uploadId);
      response.redirect(303, `/plans/${held.document.planId}`);
    } catch (error) {
      if (!isRefusal(error)) throw error;
      const refusal =
        error instanceof Problem && error.getStatus() === 412
          ? new Problem(
              412,
              'precondition-failed',
              'The plan changed',
              'the plan changed since the preview',
              [
                {
                  field: 'workbook',
                  reason:
                    'the plan changed since the preview: upload the file again to see what it would change now',
                },
              ],
            )
          : error;
      if (held) pendingUploads.forget(held.uploadId);
      renderRefusal(request, response, refusal, { effectiveOn: held?.effectiveOn ?? '' });
    }
  }
}

/** A refusal the form shows (a bad file, a domain refusal: 4xx); anything else is the error page's. */
const isRefusal = (error: unknown): boolean =>
  error instanceof RemovalNeedsConfirmation || problemOf(error, '').status < 500;

/** The preview page's context: the plan it would change, each change field by field, and the checks. */
function previewView(
  preview: PlanImportPreview,
  held: { uploadId: string; fileName: string; sha256: string; bytes: number; effectiveOn: string | null },
) {
  return {
    preview,
    upload: held,
    summary: {
      added: preview.changes.filter((c) => c.change === 'added').length,
      changed: preview.changes.filter((c) => c.change === 'changed').length,
      removed: preview.changes.filter((c) => c.change === 'removed').length,
    },
    changes: preview.changes.map((change) => ({
      change: change.change,
      section: sectionTitle(change.section),
      key: change.key,
      fields: change.fields.map((field) => ({
        field: fieldLabel(field.field),
        before: change.change === 'added' ? 'none' : displayValue(field.field, field.before),
        after: change.change === 'removed' ? 'none' : displayValue(field.field, field.after),
      })),
    })),
    checks: checkRows(preview.checks),
  };
}
