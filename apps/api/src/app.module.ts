import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE, RouterModule } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TokenVerifier } from '@bcl/identity';
import { API_CONFIG, ApiConfig } from './config/api-config';
import { EventLogModule, LEDGER_SETTINGS, LedgerQueriesModule } from '@bcl/application';
import { RegistryModule } from './registry/registry.module';
import { PlansModule } from './plans/plans.module';
import { GovernanceModule } from './governance/governance.module';
import { FundModule } from './fund/fund.module';
import { ReturnsModule } from './returns/returns.module';
import { HealthController } from './health/health.controller';
import { AccessLogModule } from './access-log/access-log.module';
import { AdminModule } from './admin/admin.module';
import { LogProofsModule } from './log-proofs/log-proofs.module';
import { CheckpointService } from './checkpoints/checkpoint.service';
import { AccessLogInterceptor } from './access-log/access-log.interceptor';
import { AuthenticationGuard, TOKEN_VERIFIER } from './auth/authentication.guard';
import { IdempotencyInterceptor } from './http/idempotency.interceptor';
import { ApiInterceptors } from './http/api-interceptors';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { StrictValidationPipe } from './http/strict-validation.pipe';

/** The API's resources, each module's routes under `/api`. */
const API_MODULES = [
  RegistryModule,
  PlansModule,
  GovernanceModule,
  FundModule,
  ReturnsModule,
  AccessLogModule,
  AdminModule,
  LogProofsModule,
];

/** The API: global authentication, validation, problem+json errors, idempotency and access logging. */
@Module({})
export class AppModule {
  /** `hosted`: modules served beside the API in the same process (the web pages), sharing its buses and stores. */
  static with(config: ApiConfig, hosted: DynamicModule[] = []): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        CqrsModule.forRoot(),
        EventLogModule,
        LedgerQueriesModule,
        ...API_MODULES,
        // every API resource lives under /api (beside its documentation); liveness and readiness stay at /health
        RouterModule.register([{ path: 'api', children: API_MODULES }]),
        ...hosted,
      ],
      controllers: [HealthController],
      providers: [
        { provide: API_CONFIG, useValue: config },
        CheckpointService,
        { provide: LEDGER_SETTINGS, useValue: config },
        { provide: TOKEN_VERIFIER, useValue: TokenVerifier.create(config.auth) },
        { provide: APP_GUARD, useClass: AuthenticationGuard },
        { provide: APP_PIPE, useClass: StrictValidationPipe },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        // the access log around idempotency, as one interceptor (http/api-interceptors.ts says why)
        AccessLogInterceptor,
        IdempotencyInterceptor,
        { provide: APP_INTERCEPTOR, useClass: ApiInterceptors },
      ],
      exports: [API_CONFIG, LEDGER_SETTINGS],
    };
  }
}
