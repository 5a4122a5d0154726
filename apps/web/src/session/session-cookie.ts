import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { Request, Response } from 'express';
import { Identity, ROLES, Role } from '@bcl/identity';

export const SESSION_COOKIE = 'bcl_session';
const AUDIENCE = 'better-care-ledger-pages';

/** A signed-in browser: who, with which roles, since when; `id` keys its CSRF token. */
export interface PageSession {
  id: string;
  identity: Identity;
  /** How the session was made: `development` (the development sign-in) or `oidc`. */
  via: 'development' | 'oidc';
}

/** The request's cookies by name (the Cookie header; no parser dependency). */
export function cookiesOf(request: Request): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) cookies.set(part.slice(0, at).trim(), decodeURIComponent(part.slice(at + 1).trim()));
  }
  return cookies;
}

/** Signs sessions into an HTTP-only, SameSite=Lax cookie (Secure in production) and reads them back. */
export class SessionCookies {
  private readonly key: Uint8Array;

  constructor(
    private readonly secret: string,
    private readonly secondsMax: number,
    private readonly secure: boolean,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(response: Response, identity: Identity, via: PageSession['via']): Promise<PageSession> {
    const session: PageSession = { id: randomUUID(), identity, via };
    const token = await new SignJWT({ identity, via })
      .setProtectedHeader({ alg: 'HS256' })
      .setJti(session.id)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.secondsMax}s`)
      .sign(this.key);
    this.set(response, SESSION_COOKIE, token, this.secondsMax);
    return session;
  }

  /** The request's session, or undefined when it has none, or one that is expired, altered or malformed. */
  async read(request: Request): Promise<PageSession | undefined> {
    const token = cookiesOf(request).get(SESSION_COOKIE);
    if (!token || token.length > 8192) return undefined;
    try {
      const { payload } = await jwtVerify(token, this.key, { audience: AUDIENCE, algorithms: ['HS256'] });
      const identity = payload.identity as Identity;
      const roles = (identity?.roles ?? []).filter((role): role is Role => ROLES.includes(role));
      if (typeof payload.jti !== 'string' || typeof identity?.subject !== 'string') return undefined;
      return { id: payload.jti, identity: { ...identity, roles }, via: payload.via as PageSession['via'] };
    } catch {
      return undefined;
    }
  }

  /** A value kept in a signed cookie for `secondsMax` (the sign-in's PKCE verifier, state and nonce). */
  async seal(response: Response, name: string, value: object, secondsMax: number): Promise<void> {
    const token = await new SignJWT({ value })
      .setProtectedHeader({ alg: 'HS256' })
      .setAudience(`${AUDIENCE}:${name}`)
      .setExpirationTime(`${secondsMax}s`)
      .sign(this.key);
    this.set(response, name, token, secondsMax);
  }

  /** What `seal` kept under `name`, or undefined when it is absent, expired or altered. */
  async unseal<T>(request: Request, name: string): Promise<T | undefined> {
    const token = cookiesOf(request).get(name);
    if (!token || token.length > 8192) return undefined;
    try {
      const { payload } = await jwtVerify(token, this.key, {
        audience: `${AUDIENCE}:${name}`,
        algorithms: ['HS256'],
      });
      return payload.value as T;
    } catch {
      return undefined;
    }
  }

  clear(response: Response, name = SESSION_COOKIE): void {
    this.set(response, name, '', 0);
  }

  /** A short-lived cookie (the sign-in's PKCE verifier and state). */
  set(response: Response, name: string, value: string, secondsMax: number): void {
    response.cookie(name, value, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.secure,
      path: '/',
      maxAge: secondsMax * 1000,
    });
  }

  /** The CSRF token of a session: an HMAC of its id, so it needs no server-side state. */
  csrfToken(session: PageSession): string {
    return createHmac('sha256', this.secret).update(`csrf:${session.id}`).digest('base64url');
  }

  csrfMatches(session: PageSession, token: unknown): boolean {
    if (typeof token !== 'string') return false;
    const expected = Buffer.from(this.csrfToken(session));
    const given = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
