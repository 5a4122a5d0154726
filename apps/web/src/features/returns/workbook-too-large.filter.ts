import { ArgumentsHost, Catch, ExceptionFilter, PayloadTooLargeException } from '@nestjs/common';
import { Request, Response } from 'express';
import { RETURN_WORKBOOK_BYTES_MAX } from './return-upload';

/**
 * A workbook over the size limit, refused by the upload's multipart reader before the page runs: shown on the
 * upload form with the error summary (413), like any other refusal of the upload, and nothing is recorded.
 */
@Catch(PayloadTooLargeException)
export class WorkbookTooLargeFilter implements ExceptionFilter {
  catch(_exception: PayloadTooLargeException, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const returnId = String(request.params.id ?? '');
    response.status(413).render('features/returns/upload.njk', {
      section: 'returns',
      view: { returnId },
      values: {},
      errors: [
        {
          text: `The workbook is larger than ${RETURN_WORKBOOK_BYTES_MAX / (1024 * 1024)} MB: upload a return workbook of at most that size`,
          href: '#workbook',
        },
      ],
    });
  }
}
