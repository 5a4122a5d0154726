import { Controller, Get, Inject, NotFoundException, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { Problem, PublicRoute } from '@bcl/application';
import { HtmlErrorFilter } from '../../errors/html-error.filter';
import { SESSION_COOKIES } from '../../session/page-guard';
import { SessionCookies } from '../../session/session-cookie';
import { OidcClient, PendingSignIn, SignInFailed } from './oidc-client';
import { safeReturnTo } from './sign-in.controller';

export const OIDC_CLIENT = Symbol('OIDC_CLIENT');
const PENDING_COOKIE = 'bcl_sign_in_pending';
const PENDING_SECONDS_MAX = 10 * 60;

/**
 * Signing in through the organisation's identity provider (OpenID Connect, authorisation code flow with PKCE):
 * `/sign-in/organisation` sends the browser there; `/sign-in/callback` is where it comes back.
 */
@Controller('sign-in')
@ApiExcludeController()
@PublicRoute()
@UseFilters(HtmlErrorFilter)
export class OrganisationSignInController {
  constructor(
    @Inject(OIDC_CLIENT) private readonly client: OidcClient | null,
    @Inject(SESSION_COOKIES) private readonly cookies: SessionCookies,
  ) {}

  @Get('organisation')
  async begin(@Query('returnTo') returnTo: unknown, @Res() response: Response): Promise<void> {
    const { url, pending } = await this.required().begin(safeReturnTo(returnTo));
    await this.cookies.seal(response, PENDING_COOKIE, pending, PENDING_SECONDS_MAX);
    response.redirect(303, url);
  }

  @Get('callback')
  async complete(
    @Query() query: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const client = this.required();
    const pending = await this.cookies.unseal<PendingSignIn>(request, PENDING_COOKIE);
    if (!pending)
      throw new Problem(
        400,
        'sign-in-expired',
        'The sign-in has expired',
        'start again from the sign-in page',
      );
    this.cookies.clear(response, PENDING_COOKIE);
    const identity = await client.complete(query, pending).catch((error: unknown) => {
      if (error instanceof SignInFailed)
        throw new Problem(403, 'sign-in-failed', 'You could not be signed in', error.message);
      throw error;
    });
    await this.cookies.issue(response, identity, 'oidc');
    response.redirect(303, pending.returnTo);
  }

  private required(): OidcClient {
    if (!this.client) throw new NotFoundException('no identity provider is configured (OIDC_CLIENT_ID)');
    return this.client;
  }
}
