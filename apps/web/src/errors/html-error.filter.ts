import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { Request, Response } from 'express';
import { problemOf } from '@bcl/application';

/**
 * Every error a page meets, as a page: not signed in goes to the sign-in page (coming back afterwards), anything
 * else is shown with its status, title and what to do. A form's own refusals are shown on the form instead
 * (see forms/), with the GOV.UK error summary.
 */
@Catch()
export class HtmlErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('pages');

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const problem = problemOf(exception, request.originalUrl, request.correlationId);
    if (problem.status === 401)
      return response.redirect(303, `/sign-in?returnTo=${encodeURIComponent(request.originalUrl)}`);
    if (problem.status >= 500)
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    response.status(problem.status).render('views/error.njk', { problem });
  }
}
