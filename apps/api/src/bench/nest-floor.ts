import 'reflect-metadata';
import '../http/request-context';
import {
  Body,
  Controller,
  Get,
  INestApplication,
  Inject,
  Module,
  Param,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE, NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Response } from 'express';
import { join } from 'node:path';
import { READERS, TokenVerifier } from '@bcl/identity';
import { AllowRoles, Problem } from '@bcl/application';
import { ApiConfig } from '../config/api-config';
import { AccessLogInterceptor } from '../access-log/access-log.interceptor';
import { AuthenticationGuard, TOKEN_VERIFIER } from '../auth/authentication.guard';
import { ApiInterceptors } from '../http/api-interceptors';
import { AsAtQueryDto } from '../http/common.dto';
import { correlationId } from '../http/correlation-id.middleware';
import { setEtag } from '../http/etag';
import { IdParam } from '../http/id-param';
import { IdempotencyInterceptor } from '../http/idempotency.interceptor';
import { jsonBody } from '../http/json-body';
import { noConditionalGet } from '../http/no-conditional-get.middleware';
import { ProblemDetailsFilter } from '../http/problem-details.filter';
import { StrictValidationPipe } from '../http/strict-validation.pipe';
import { RegisterPersonDto } from '../registry/use-cases/register-person';
import { GroupSyncedLog } from './bare-http';

/**
 * The API bench's second floor: the API's own HTTP pipeline in NestJS on Express (the same middleware, the
 * authentication guard verifying the bearer token, the validation pipe with the same DTOs, the interceptor chain
 * with its two steps passing through, the problem+json filter), with the store's work replaced by the bare
 * server's: a POST appends its body to a GroupSyncedLog and answers once it is on the disk; a GET answers the
 * JSON it is given with an ETag. Its rate over the bare server's is what the framework and the pipeline allow;
 * the API's rate over its rate is what the ledger's store, read model and buses keep of it.
 */
const FLOOR_LOG = Symbol('FLOOR_LOG');
const FLOOR_PERSON = Symbol('FLOOR_PERSON');

/** An interceptor step that passes the request on, in place of the access log and idempotency. */
const passThrough = { intercept: (_context: unknown, next: { handle: () => unknown }) => next.handle() };

@Controller('api/people')
class FloorPeopleController {
  constructor(
    @Inject(FLOOR_LOG) private readonly log: GroupSyncedLog,
    @Inject(FLOOR_PERSON) private readonly person: unknown,
  ) {}

  @Post()
  @AllowRoles('admin', 'governance-officer')
  async register(@Body() body: RegisterPersonDto): Promise<{ ok: true }> {
    if (!(await this.log.append(`${JSON.stringify(body)}\n`)))
      throw new Problem(500, 'internal', 'Not recorded', 'the bench floor could not write its log');
    return { ok: true };
  }

  @Get(':id')
  @AllowRoles(...READERS)
  get(@Param() _id: IdParam, @Query() _query: AsAtQueryDto, @Res({ passthrough: true }) response: Response) {
    setEtag(response, 0);
    return this.person;
  }
}

/** Starts the floor on a free port of 127.0.0.1; its log is `nest-floor.log` in `dir`. */
export async function startNestFloor(
  dir: string,
  config: ApiConfig,
  person: unknown,
): Promise<{ base: string; close: () => Promise<void> }> {
  const log = await GroupSyncedLog.open(join(dir, 'nest-floor.log'));
  @Module({
    controllers: [FloorPeopleController],
    providers: [
      { provide: FLOOR_LOG, useValue: log },
      { provide: FLOOR_PERSON, useValue: person },
      { provide: TOKEN_VERIFIER, useValue: TokenVerifier.create(config.auth) },
      { provide: APP_GUARD, useClass: AuthenticationGuard },
      { provide: APP_PIPE, useClass: StrictValidationPipe },
      { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      { provide: AccessLogInterceptor, useValue: passThrough },
      { provide: IdempotencyInterceptor, useValue: passThrough },
      { provide: APP_INTERCEPTOR, useClass: ApiInterceptors },
    ],
  })
  class NestFloorModule {}
  let app: INestApplication | undefined;
  const close = async () => {
    try {
      await app?.close();
    } finally {
      await log.close();
    }
  };
  try {
    app = await NestFactory.create<NestExpressApplication>(NestFloorModule, {
      bodyParser: false,
      logger: false,
    });
    const express = app as NestExpressApplication;
    express.disable('x-powered-by');
    express.set('etag', false);
    app.use('/api', noConditionalGet);
    app.use(correlationId);
    app.use(jsonBody(config.bodyBytesMax));
    await app.listen(0, '127.0.0.1');
    return { base: (await app.getUrl()).replace('[::1]', '127.0.0.1'), close };
  } catch (error) {
    await close();
    throw error;
  }
}
