import { SignJWT } from 'jose';
import { DEFAULT_AUDIENCE, DEVELOPMENT_ISSUER, DEVELOPMENT_SECRET } from './token-verifier';
import { Role } from './roles';

export interface DevelopmentTokenRequest {
  roles: Role[];
  subject: string;
  displayName?: string;
  organisationId?: string;
  personId?: string;
  secret?: string;
  ttlSeconds?: number;
  /** Seconds since the epoch the token is issued at; defaults to now. Tests use it for expired tokens. */
  issuedAt?: number;
}

/** Signs an HS256 token the ledger accepts when it runs with the shared development secret. */
export function signDevelopmentToken(request: DevelopmentTokenRequest): Promise<string> {
  const issuedAt = request.issuedAt ?? Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = { roles: request.roles };
  if (request.displayName) claims.name = request.displayName;
  if (request.organisationId) claims.org = request.organisationId;
  if (request.personId) claims.person = request.personId;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.subject)
    .setIssuer(DEVELOPMENT_ISSUER)
    .setAudience(DEFAULT_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + (request.ttlSeconds ?? 8 * 3600))
    .sign(new TextEncoder().encode(request.secret ?? DEVELOPMENT_SECRET));
}
