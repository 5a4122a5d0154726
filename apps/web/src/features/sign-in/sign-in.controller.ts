import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Body, Controller, Get, Inject, Post, Query, Render, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { ROLES, Role, isRole } from '@bcl/identity';
import { Problem, PublicRoute } from '@bcl/application';
import { HtmlErrorFilter } from '../../errors/html-error.filter';
import { SESSION_COOKIES } from '../../session/page-guard';
import { SessionCookies, cookiesOf } from '../../session/session-cookie';
import { WEB_CONFIG, WebConfig } from '../../web-config';

const SIGN_IN_CSRF = 'bcl_sign_in_csrf';
const PERSON_ID = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/** Only a path on this service (never `//host` or a URL): where to go after signing in. */
export function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && /^\/(?!\/)[^\s\\]*$/.test(value) && value.length <= 2000 ? value : '/';
}

/**
 * Signing in and out. The sign-in page offers the organisation's identity provider (OpenID Connect, where
 * configured: organisation-sign-in.controller.ts) and, outside production, a development sign-in that issues a
 * session for a chosen role and person; with NODE_ENV=production the development sign-in is refused.
 */
@Controller('sign-in')
@ApiExcludeController()
@PublicRoute()
@UseFilters(HtmlErrorFilter)
export class SignInController {
  constructor(
    @Inject(WEB_CONFIG) private readonly config: WebConfig,
    @Inject(SESSION_COOKIES) private readonly cookies: SessionCookies,
  ) {}

  @Get()
  @Render('features/sign-in/sign-in.njk')
  form(@Query('returnTo') returnTo: unknown, @Res({ passthrough: true }) response: Response) {
    const page = {
      pageTitle: 'Sign in',
      returnTo: safeReturnTo(returnTo),
      organisationSignIn: this.config.oidc !== undefined,
      developmentSignIn: !this.config.production,
      roles: ROLES,
    };
    if (this.config.production) return page;
    const csrfToken = randomBytes(24).toString('base64url');
    this.cookies.set(response, SIGN_IN_CSRF, csrfToken, 30 * 60);
    return { ...page, signInCsrf: csrfToken };
  }

  @Post()
  async signIn(
    @Body() body: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    this.refuseInProduction();
    const expected = Buffer.from(cookiesOf(request).get(SIGN_IN_CSRF) ?? '');
    const given = Buffer.from(typeof body._csrf === 'string' ? body._csrf : '');
    if (expected.length === 0 || given.length !== expected.length || !timingSafeEqual(given, expected))
      throw new Problem(
        403,
        'csrf',
        'The form has expired',
        'go back, reload the sign-in page and try again',
      );
    const errors: { href: string; text: string }[] = [];
    const role = body.role;
    const personId = typeof body.personId === 'string' ? body.personId.trim() : '';
    if (!isRole(role)) errors.push({ href: '#role', text: 'Choose the role to sign in as' });
    if (personId !== '' && !PERSON_ID.test(personId))
      errors.push({ href: '#personId', text: 'Enter a person id like p-0007, or leave it blank' });
    if (errors.length > 0) {
      response.status(400).render('features/sign-in/sign-in.njk', {
        pageTitle: 'Error: Sign in',
        organisationSignIn: this.config.oidc !== undefined,
        developmentSignIn: true,
        roles: ROLES,
        returnTo: safeReturnTo(body.returnTo),
        signInCsrf: cookiesOf(request).get(SIGN_IN_CSRF),
        errors,
        values: { role, personId },
      });
      return;
    }
    this.cookies.clear(response, SIGN_IN_CSRF);
    await this.cookies.issue(
      response,
      {
        subject: `development:${role as Role}${personId ? `:${personId}` : ''}`,
        displayName: personId ? `${personId} (development, ${role as Role})` : `Development ${role as Role}`,
        organisationId: null,
        personId: personId || null,
        roles: [role as Role],
      },
      'development',
    );
    response.redirect(303, safeReturnTo(body.returnTo));
  }

  private refuseInProduction(): void {
    if (this.config.production)
      throw new Problem(
        403,
        'forbidden',
        'Development sign-in is off',
        'the development sign-in is refused in production: sign in through your organisation',
      );
  }
}

/** Signing out: the session cookie is cleared (a POST, with the session's CSRF token). */
@Controller('sign-out')
@ApiExcludeController()
@PublicRoute()
@UseFilters(HtmlErrorFilter)
export class SignOutController {
  constructor(@Inject(SESSION_COOKIES) private readonly cookies: SessionCookies) {}

  @Post()
  async signOut(@Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response) {
    const session = await this.cookies.read(request);
    if (session && !this.cookies.csrfMatches(session, body._csrf))
      throw new Problem(403, 'csrf', 'The form has expired', 'go back, reload the page and sign out again');
    this.cookies.clear(response);
    response.redirect(303, '/sign-in');
  }
}
