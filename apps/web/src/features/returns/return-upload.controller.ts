import {
  Body,
  Get,
  Param,
  Post,
  Render,
  Req,
  Res,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { FileInterceptor, NoFilesInterceptor } from '@nestjs/platform-express';
import { Request, Response } from 'express';
import { ID_PATTERN } from '@bcl/kernel';
import {
  AllowRoles,
  FillReturnCommand,
  Problem,
  ReturnContext,
  ReturnState,
  ShowReturnQuery,
  WriteResult,
} from '@bcl/application';
import { readReturnWorkbook } from '@bcl/quarterly-returns';
import { PagesController } from '../../page-route';
import { formCommandContext, newFormKey } from '../../forms/page-form';
import {
  CellPlaces,
  RETURN_UPLOADERS,
  RETURN_WORKBOOK_BYTES_MAX,
  cellChanges,
  changedValues,
  confirmedValues,
  enteredByOf,
  uploadRefusal,
} from './return-upload';
import { WorkbookTooLargeFilter } from './workbook-too-large.filter';

const UPLOAD_VIEW = 'features/returns/upload.njk';
const PREVIEW_VIEW = 'features/returns/upload-preview.njk';
/** The preview's hidden fields carry every changed cell back: up to the API's cells at its longest text. */
const CONFIRM_FIELD_BYTES_MAX = 8 * 1024 * 1024;

/** What multer hands over of the uploaded file (the parts this page reads). */
interface UploadedWorkbook {
  buffer: Buffer;
  size: number;
  originalname: string;
}

interface UploadForm {
  reason?: string;
  values?: string;
  revision?: string;
  formKey?: string;
}

const reasonOf = (body: UploadForm) => (typeof body.reason === 'string' ? body.reason.trim() : '');

/**
 * Uploading a return workbook (`bcl return export`'s layout, or the template as a council filled it): the file is
 * read and checked, and a preview lists the cells it would change, or every refused cell with its reason, with
 * nothing recorded; confirming records the preview's values as one entry (a new version), refused as the API's
 * fill route refuses them, and only if the return has not changed since the preview.
 */
@PagesController('returns')
export class ReturnUploadController {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
    private readonly returns: ReturnContext,
  ) {}

  private async current(returnId: string): Promise<ReturnState> {
    if (!ID_PATTERN.test(returnId))
      throw new Problem(404, 'not-found', 'Not found', `'${returnId}' is not a return id`);
    return this.queries.execute<ShowReturnQuery, ReturnState>(
      new ShowReturnQuery(returnId, 'as-submitted', {}),
    );
  }

  @Get(':id/upload')
  @AllowRoles(...RETURN_UPLOADERS)
  @Render(UPLOAD_VIEW)
  async form(@Param('id') returnId: string) {
    return { section: 'returns', view: await this.current(returnId), values: {} };
  }

  @Post(':id/upload')
  @AllowRoles(...RETURN_UPLOADERS)
  @UseFilters(WorkbookTooLargeFilter)
  @UseInterceptors(
    FileInterceptor('workbook', { limits: { fileSize: RETURN_WORKBOOK_BYTES_MAX, files: 1, fields: 10 } }),
  )
  async preview(
    @Param('id') returnId: string,
    @UploadedFile() file: UploadedWorkbook | undefined,
    @Body() body: UploadForm,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const view = await this.current(returnId);
    const reason = reasonOf(body);
    const refuse = (status: number, errors: { text: string; href: string }[], extra: object = {}) =>
      response
        .status(status)
        .render(UPLOAD_VIEW, { section: 'returns', view, values: { reason }, errors, ...extra });
    const missing = [
      ...(file && file.size > 0
        ? []
        : [{ text: 'Choose the return workbook (.xlsx) to upload', href: '#workbook' }]),
      ...(reason ? [] : [{ text: 'Say why the return is filled from this workbook', href: '#reason' }]),
    ];
    if (missing.length > 0) return refuse(400, missing);
    const template = this.returns.template(view.templateVersion);
    let places: CellPlaces = {};
    try {
      const read = await readReturnWorkbook(template, view.quarter, file!.buffer);
      places = read.cells;
      const values = changedValues(view, read.values);
      const context = formCommandContext(request, RETURN_UPLOADERS, reason, undefined);
      if (Object.keys(values).length > 0)
        await this.commands.execute(
          new FillReturnCommand(returnId, { values, enteredBy: enteredByOf(context) }, context, null, true),
        );
      response.render(PREVIEW_VIEW, {
        section: 'returns',
        view,
        fileName: file!.originalname,
        reason,
        changes: cellChanges(template, view, values),
        valuesJson: JSON.stringify(values),
        formKey: newFormKey(),
      });
    } catch (error) {
      const refusal = uploadRefusal(error, request.originalUrl, places);
      if (refusal.status >= 500) throw error;
      refuse(refusal.status, refusal.errors, {
        refusedCells: refusal.refusedCells,
        fileName: file!.originalname,
      });
    }
  }

  @Post(':id/upload/confirm')
  @AllowRoles(...RETURN_UPLOADERS)
  @UseInterceptors(
    NoFilesInterceptor({ limits: { fieldSize: CONFIRM_FIELD_BYTES_MAX, fields: 10, files: 0 } }),
  )
  async confirm(
    @Param('id') returnId: string,
    @Body() body: UploadForm,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const view = await this.current(returnId);
    const reason = reasonOf(body);
    const values = confirmedValues(body.values);
    const revision = Number(body.revision);
    const refuse = (status: number, errors: { text: string; href: string }[], extra: object = {}) =>
      response
        .status(status)
        .render(UPLOAD_VIEW, { section: 'returns', view, values: { reason }, errors, ...extra });
    if (!values || !reason || !Number.isSafeInteger(revision))
      return refuse(400, [
        {
          text: 'The preview was incomplete: upload the workbook again to see what it would change',
          href: '#workbook',
        },
      ]);
    const context = {
      ...formCommandContext(request, RETURN_UPLOADERS, reason, body.formKey),
      ifMatch: revision,
    };
    try {
      await this.commands.execute<FillReturnCommand, WriteResult>(
        new FillReturnCommand(returnId, { values, enteredBy: enteredByOf(context) }, context, null),
      );
    } catch (error) {
      const refusal = uploadRefusal(error, request.originalUrl);
      if (refusal.status >= 500) throw error;
      return refuse(refusal.status, refusal.errors, { refusedCells: refusal.refusedCells });
    }
    response.redirect(303, `/returns/${returnId}?recorded=upload`);
  }
}
