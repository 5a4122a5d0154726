import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { Request, Response } from 'express';
import { Observable, catchError, from, mergeMap } from 'rxjs';
import { ServiceStore } from '@bcl/service-store';
import { SERVICE_STORE } from '@bcl/application';

/**
 * Records who read which resource and when, in the access log (kept apart from the event log). Runs after
 * authentication, so every entry has a verified subject; the entry is written before the response is sent.
 */
@Injectable()
export class AccessLogInterceptor implements NestInterceptor {
  constructor(@Inject(SERVICE_STORE) private readonly service: ServiceStore) {}

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
