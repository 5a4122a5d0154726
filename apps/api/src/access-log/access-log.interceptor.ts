import { CallHandler, ExecutionContext, Inject, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { Request, Response } from 'express';
import { Observable, catchError, from, mergeMap } from 'rxjs';
import { ServiceStore } from '@bcl/service-store';
import { SERVICE_STORE } from '@bcl/application';

/**
 * Records who read which resource and when, in the access log (kept apart from the event log). Runs after
 * authentication, so every entry has a verified subject; the entry is queued, in order, before the response is
 * sent, and committed (with its hash-chain link) within ACCESS_LOG_FLUSH_DELAY_MS, or with the next commit of
 * the service store, whichever is first; a clean shutdown commits every queued entry (`ServiceStore.close`).
 * Entries that cannot be committed are kept, retried and logged here, and readiness reports them.
 */
@Injectable()
export class AccessLogInterceptor implements NestInterceptor {
  private readonly logger = new Logger('access-log');

  constructor(@Inject(SERVICE_STORE) private readonly service: ServiceStore) {
    service.onAccessLogFailure((message) => this.logger.error(message));
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    if (request.method !== 'GET' || !request.identity) return next.handle();
    const record = (status: number) =>
      this.service.recordAccess({
        at: new Date().toISOString(),
        subject: request.identity!.subject,
        roles: request.identity!.roles,
        method: request.method,
        resource: request.originalUrl,
        status,
        correlationId: request.correlationId,
      });
    return next.handle().pipe(
      mergeMap(async (body) => {
        await record(context.switchToHttp().getResponse<Response>().statusCode);
        return body;
      }),
      catchError((error: { getStatus?: () => number; status?: number }) =>
        from(record(error.getStatus?.() ?? 500)).pipe(
          mergeMap(() => {
            throw error;
          }),
        ),
      ),
    );
  }
}
