import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Request, Response } from 'express';
import { Role } from '@bcl/identity';
import { ALLOWED_ROLES, Problem } from '@bcl/application';
import { PageSession, SessionCookies } from './session-cookie';

export const SESSION_COOKIES = Symbol('SESSION_COOKIES');

declare module 'express-serve-static-core' {
  interface Request {
    /** Set by the page guard on every page a signed-in browser asks for. */
    pageSession?: PageSession;
  }
}

/**
 * Every page: signed in by its session cookie (else 401, which the HTML filter turns into the sign-in page), one
 * of the roles the page's @AllowRoles names (else 403), and on every POST the session's CSRF token (the form's
 * `_csrf` field, or `?_csrf=` on a file upload's action). Sets `request.identity`, so the access log records the
 * page view as it records an API read.
 */
@Injectable()
export class PageGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(SESSION_COOKIES) private readonly cookies: SessionCookies,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    const session = await this.cookies.read(request);
    if (!session) throw new Problem(401, 'unauthenticated', 'Sign in', 'sign in to see this page');
    request.identity = session.identity;
    request.pageSession = session;
    response.locals.user = session.identity;
    response.locals.csrfToken = this.cookies.csrfToken(session);
    const allowed =
      this.reflector.getAllAndOverride<Role[]>(ALLOWED_ROLES, [context.getHandler(), context.getClass()]) ??
      [];
    if (!session.identity.roles.some((role) => allowed.includes(role)))
      throw new Problem(
        403,
        'forbidden',
        'You cannot see this page',
        allowed.length === 0
          ? 'no role may see this page'
          : `this page needs one of the roles ${allowed.join(', ')}; you are signed in as ${session.identity.roles.join(', ') || 'no role'}`,
      );
    if (request.method === 'POST') {
      const body = request.body as Record<string, unknown> | undefined;
      const token = body?._csrf ?? request.query._csrf;
      if (!this.cookies.csrfMatches(session, token))
        throw new Problem(
          403,
          'csrf',
          'The form has expired',
          'the form was not sent from this service, or your session changed: go back, reload the page and send it again',
        );
    }
    return true;
  }
}
