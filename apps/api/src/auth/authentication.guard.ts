import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Request } from 'express';
import { Role, TokenRejected, TokenVerifier } from '@bcl/identity';
import { Problem } from '@bcl/application';
import { ALLOWED_ROLES, PAGE_ROUTE, PUBLIC_ROUTE } from '@bcl/application';

export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');
const BEARER = /^Bearer ([A-Za-z0-9_.~+/=-]{1,8192})$/;

/** Authenticates the bearer token, then authorises by role. Deny by default. */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    // a web page is signed in by its session cookie and checked by the pages' own guard, never by a bearer token
    if (this.reflector.getAllAndOverride<boolean>(PAGE_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<Request>();
    // A read by a browser signed in to the pages: its host established the identity (never for a write, and
    // never when a bearer token is sent); the roles below are checked as for a token.
    const hostSignedIn =
      request.identity !== undefined &&
      !request.headers.authorization &&
      (request.method === 'GET' || request.method === 'HEAD');
    if (!hostSignedIn) {
      const match = BEARER.exec(request.headers.authorization ?? '');
      if (!match) throw unauthenticated('send an Authorization: Bearer <token> header');
      try {
        request.identity = await this.verifier.verify(match[1]!);
      } catch (error) {
        if (error instanceof TokenRejected) throw unauthenticated(error.message);
        throw error;
      }
    }
    const identity = request.identity!;
    const allowed = this.reflector.getAllAndOverride<Role[]>(ALLOWED_ROLES, targets) ?? [];
    if (!identity.roles.some((role) => allowed.includes(role)))
      throw new Problem(
        403,
        'forbidden',
        'Not allowed',
        allowed.length === 0
          ? 'no role may call this route'
          : `this needs one of the roles ${allowed.join(', ')}; the token has ${identity.roles.join(', ') || 'none'}`,
      );
    return true;
  }
}

const unauthenticated = (detail: string) =>
  new Problem(401, 'unauthenticated', 'Authentication required', detail, [], {});
