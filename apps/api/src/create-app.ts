import 'reflect-metadata';
import './http/request-context';
import { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import pino from 'pino';
import { ApiConfig } from './config/api-config';
import { AppModule } from './app.module';
import { correlationId } from './http/correlation-id.middleware';
import { noConditionalGet } from './http/no-conditional-get.middleware';
import { jsonBody } from './http/json-body';
import { PLAN_IMPORT_BYTES_MAX, XLSX_MEDIA_TYPE } from './plans/use-cases/import-plan';
import { raw } from 'express';
import { PinoNestLogger } from './http/pino-nest-logger';
import { requestLog } from './http/request-log';
import { describeOperations, routeAccessByOperationId } from './http/openapi-operations';

/** Keys and array items a JSON plan document may hold in all (other bodies: JSON_ENTRIES_MAX). */
const PLAN_IMPORT_JSON_ENTRIES_MAX = 100_000;

/**
 * Modules served beside the API in one process (the web pages): their routes are their own (the API's are under
 * `/api`), kept out of the OpenAPI document by the modules themselves, and `prepare` runs on the Express app
 * before any route is registered.
 */
export interface HostedModules {
  modules: DynamicModule[];
  prepare(app: NestExpressApplication): void;
}

/**
 * Builds and initialises the API (not yet listening), with any hosted modules, so tests can drive it with
 * supertest exactly as `npm start` runs it.
 */
export async function createApp(config: ApiConfig, hosted?: HostedModules): Promise<INestApplication> {
  const logger = pino({ level: config.logLevel, base: { service: 'better-care-ledger' } });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.with(config, hosted?.modules), {
    bodyParser: false,
    abortOnError: false, // a failed start is thrown to the caller (one line from main, a failed test), not process.exit
    logger: new PinoNestLogger(logger),
  });
  app.disable('x-powered-by');
  app.set('etag', false); // resources carry their stream revision as ETag; no hash-of-body ETags
  app.use('/api', noConditionalGet); // static files keep theirs
  app.use(correlationId);
  const log = requestLog(logger);
  if (log) app.use(log);
  // parsed here, so the general limit below skips it; a plan document may hold more keys than other bodies
  app.use('/api/plans/import', jsonBody(PLAN_IMPORT_BYTES_MAX, PLAN_IMPORT_JSON_ENTRIES_MAX));
  app.use('/api/plans/import', raw({ type: XLSX_MEDIA_TYPE, limit: PLAN_IMPORT_BYTES_MAX }));
  app.use(jsonBody(config.bodyBytesMax));
  hosted?.prepare(app);
  app.enableShutdownHooks();

  // summaries, roles, security, error responses and how to get a token: openapi-operations.ts
  const document = describeOperations(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Better Care Ledger API')
        .setDescription(
          'Event-sourced ledger for the Better Care Fund. Errors are application/problem+json (RFC 9457). See docs/api.md.',
        )
        .setVersion('0.2.0')
        .addBearerAuth()
        .build(),
    ),
    routeAccessByOperationId(app),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/openapi.json' });
  return app.init();
}
