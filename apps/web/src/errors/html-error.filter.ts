import { ArgumentsHost, Catch, ExceptionFilter, Inject, Logger, Optional } from '@nestjs/common';
import { Request, Response } from 'express';
import { ServiceStore } from '@bcl/service-store';
import { Problem, SERVICE_STORE, problemOf } from '@bcl/application';

/**
 * Every error a page meets, as a page: not signed in goes to the sign-in page (coming back afterwards), anything
 * else is shown with its status, title and what to do. A form's own refusals are shown on the form instead
 * (see forms/), with the GOV.UK error summary.
 *
 * The error of a signed-in user is written to the access log first, so an auditor sees who was refused what.
 * The access-log interceptor already records a GET whose handler fails; it never sees a request the page guard
 * refused (guards run before interceptors) nor a POST, so those are recorded here, each once.
 */
@Catch()
export class HtmlErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('pages');

  /** Without a service store (a filter made with `new`), errors are shown but not written to the access log. */
  constructor(@Optional() @Inject(SERVICE_STORE) private readonly service?: ServiceStore) {}

  /** Synchronous to its callers (other filters hand on to it); the page is sent once its access-log entry is queued (committed within ACCESS_LOG_FLUSH_DELAY_MS). */
  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const problem = problemOf(exception, request.originalUrl, request.correlationId);
    if (problem.status === 401)
      return response.redirect(303, `/sign-in?returnTo=${encodeURIComponent(request.originalUrl)}`);
    if (problem.status >= 500)
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    const render = () => response.status(problem.status).render('views/error.njk', { problem });
    if (!this.notYetInAccessLog(exception, request)) return render();
    // recordAccess never rejects (a failed write is logged); the catch keeps a rendering fault from going unhandled
    void this.recordAccess(request, problem.status)
      .then(render)
      .catch((error: Error) => this.logger.error(`cannot render an error page: ${error.message}`));
  }

  /** A signed-in user's error the access-log interceptor did not record: a POST, or the page guard's refusal. */
  private notYetInAccessLog(exception: unknown, request: Request): boolean {
    if (!this.service || !request.identity) return false;
    return request.method !== 'GET' || refusedByPageGuard(exception);
  }

  private async recordAccess(request: Request, status: number): Promise<void> {
    await this.service!.recordAccess({
      at: new Date().toISOString(),
      subject: request.identity!.subject,
      roles: request.identity!.roles,
      method: request.method,
      resource: request.originalUrl,
      status,
      correlationId: request.correlationId,
    }).catch((error: Error) =>
      this.logger.error(`cannot record a page error in the access log: ${error.message}`),
    );
  }
}

/**
 * The page guard's refusals of a signed-in user (session/page-guard.ts): the role (`forbidden`) and, on a POST,
 * the form's CSRF token (`csrf`). No page handler raises either.
 */
function refusedByPageGuard(exception: unknown): boolean {
  return (
    exception instanceof Problem &&
    exception.getStatus() === 403 &&
    (exception.slug === 'forbidden' || exception.slug === 'csrf')
  );
}
