import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { Request, Response } from 'express';
import { problemOf } from '@bcl/application';

/** Writes every error as application/problem+json (RFC 9457), naming each bad field and why. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = problemOf(exception, request.originalUrl ?? request.url, request.correlationId);
    if (problem.status >= 500)
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }
}
