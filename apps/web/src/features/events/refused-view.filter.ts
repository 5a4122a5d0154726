import { ArgumentsHost, Catch, ExceptionFilter, Inject, Logger } from '@nestjs/common';
import { Request } from 'express';
import { ServiceStore } from '@bcl/service-store';
import { Problem, SERVICE_STORE } from '@bcl/application';
import { HtmlErrorFilter } from '../../errors/html-error.filter';

/**
 * The error page of a page only some roles may see, after writing a refused view to the access log. The page
 * guard refuses a signed-in user without the role before the access-log interceptor runs, so without this the
 * attempt would leave no trace; an auditor wants to see who tried to read the log. (The guard's refusal is the
 * only 403 these pages raise; everything the handler throws is logged by the interceptor as usual.)
 */
@Catch()
export class RefusedViewFilter implements ExceptionFilter {
  private readonly pages = new HtmlErrorFilter();
  private readonly logger = new Logger('pages');

  constructor(@Inject(SERVICE_STORE) private readonly service: ServiceStore) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const request = host.switchToHttp().getRequest<Request>();
    const refused =
      exception instanceof Problem && exception.getStatus() === 403 && exception.slug === 'forbidden';
    if (refused && request.method === 'GET' && request.identity) {
      await this.service
        .recordAccess({
          at: new Date().toISOString(),
          subject: request.identity.subject,
          roles: request.identity.roles,
          method: request.method,
          resource: request.originalUrl,
          status: 403,
          correlationId: request.correlationId,
        })
        .catch((error: Error) => this.logger.error(`cannot record a refused page view: ${error.message}`));
    }
    this.pages.catch(exception, host);
  }
}
