import { DynamicModule, Module, Type } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { NestExpressApplication } from '@nestjs/platform-express';
import { NextFunction, Request, Response, urlencoded } from 'express';
import { AssetsController } from './assets/assets.controller';
import { NotFoundController } from './errors/not-found.controller';
import { HomeController } from './features/home/home.controller';
import { AREA_PAGES } from './features/area';
import { PLANS_PAGES } from './features/plans';
import { DECISIONS_PAGES } from './features/decisions';
import { FUND_PAGES } from './features/fund';
import { RETURNS_PAGES } from './features/returns';
import { VERIFY_PAGES } from './features/verify';
import { EVENTS_PAGES } from './features/events';
import { ACCESS_LOG_PAGES } from './features/access-log';
import { PACK_PAGES } from './features/pack';

import { SignInController, SignOutController } from './features/sign-in/sign-in.controller';
import {
  OIDC_CLIENT,
  OrganisationSignInController,
} from './features/sign-in/organisation-sign-in.controller';
import { OidcClient } from './features/sign-in/oidc-client';
import { TokenVerifier } from '@bcl/identity';
import { PageGuard, SESSION_COOKIES } from './session/page-guard';
import { SessionCookies } from './session/session-cookie';
import { configureNunjucks } from './views/nunjucks-environment';
import { WEB_CONFIG, WebConfig } from './web-config';

/** Every controller of pages. */
export const WEB_CONTROLLERS: Type[] = [
  AssetsController,
  SignInController,
  OrganisationSignInController,
  SignOutController,
  HomeController,
  ...AREA_PAGES,
  ...PLANS_PAGES,
  ...DECISIONS_PAGES,
  ...FUND_PAGES,
  ...RETURNS_PAGES,
  ...VERIFY_PAGES,
  ...EVENTS_PAGES,
  ...ACCESS_LOG_PAGES,
  ...PACK_PAGES,
  NotFoundController, // last: whatever no other route serves
];

/** Largest form body accepted, in bytes (file uploads have their own limits). */
const FORM_BYTES_MAX = 64 * 1024;

/**
 * The web pages: they read through the application layer's query bus (`@bcl/application`, the same handlers as
 * the API) and write through its command bus, in the process that serves the API. The host provides the event
 * log, the query layer and LEDGER_SETTINGS.
 */
@Module({})
export class WebModule {
  static with(config: WebConfig, cookies = sessionCookiesOf(config)): DynamicModule {
    return {
      module: WebModule,
      imports: [CqrsModule],
      controllers: WEB_CONTROLLERS,
      providers: [
        { provide: WEB_CONFIG, useValue: config },
        { provide: SESSION_COOKIES, useValue: cookies },
        {
          provide: OIDC_CLIENT,
          useValue: config.oidc ? new OidcClient(config.oidc, TokenVerifier.create(config.auth)) : null,
        },
        PageGuard,
      ],
    };
  }
}

const sessionCookiesOf = (config: WebConfig) =>
  new SessionCookies(config.sessionSecret, config.sessionSecondsMax, config.production);

/** Headers on every page: never framed by another site, never cached (a page shows what its viewer may see). */
const PAGE_HEADERS = {
  'Content-Security-Policy': "frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
};

/**
 * The pages as the host serves them: the module, and what they need of the Express app before routes are
 * registered: Nunjucks; form bodies and the pages' headers off `/api`; and on `/api`, a signed-in browser's
 * session for READS only (GET and HEAD without a bearer token), so a page's "download this data as JSON" link
 * works; the API's guard still checks the route's roles, and a write always needs a bearer token.
 */
export function webHost(config: WebConfig) {
  const cookies = sessionCookiesOf(config);
  const prepare = (app: NestExpressApplication): void => {
    configureNunjucks(app.getHttpAdapter().getInstance());
    const forms = urlencoded({ extended: false, limit: FORM_BYTES_MAX, parameterLimit: 200 });
    app.use((request: Request, response: Response, next: NextFunction) => {
      if (!request.path.startsWith('/api/')) {
        response.set(PAGE_HEADERS);
        return forms(request, response, next);
      }
      if ((request.method !== 'GET' && request.method !== 'HEAD') || request.headers.authorization)
        return next();
      cookies.read(request).then((session) => {
        if (session) request.identity = session.identity;
        next();
      }, next);
    });
  };
  return { modules: [WebModule.with(config, cookies)], prepare };
}
