import {
  JSONWebKeySet,
  JWTPayload,
  JWTVerifyGetKey,
  JWTVerifyOptions,
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  jwtVerify,
} from 'jose';
import { Identity } from './identity';
import { isRole } from './roles';

export const DEVELOPMENT_ISSUER = 'bcl-development';
export const DEFAULT_AUDIENCE = 'better-care-ledger';
/** Used only when no AUTH_JWT_SECRET or AUTH_JWKS_URL is configured; refused when NODE_ENV=production. */
export const DEVELOPMENT_SECRET = 'bcl-development-secret-do-not-use-in-production';

export interface TokenVerifierConfig {
  /** HS256 shared secret (development, tests). */
  secret?: string;
  /** Issuer and JWKS for a real identity provider (Entra ID and other OIDC): RS256/ES256 keys. */
  issuer?: string;
  jwksUrl?: string;
  /** An inline JWKS (tests, air-gapped deployments) instead of a URL. */
  jwks?: JSONWebKeySet;
  audience?: string;
}

export class TokenRejected extends Error {}

const SUBJECT_LENGTH_MAX = 200;
const NAME_LENGTH_MAX = 200;

/** Verifies bearer tokens: signature, expiry (required), issuer and audience; then reads the identity. */
export class TokenVerifier {
  private constructor(
    private readonly key: Uint8Array | JWTVerifyGetKey,
    private readonly issuer: string | undefined,
    private readonly audience: string,
    readonly mode: 'shared-secret' | 'jwks',
  ) {}

  static create(config: TokenVerifierConfig): TokenVerifier {
    const audience = config.audience ?? DEFAULT_AUDIENCE;
    if (config.jwksUrl || config.jwks) {
      if (!config.issuer) throw new Error('AUTH_ISSUER is required with AUTH_JWKS_URL');
      const keys = config.jwks
        ? createLocalJWKSet(config.jwks)
        : createRemoteJWKSet(new URL(config.jwksUrl!));
      return new TokenVerifier(keys, config.issuer, audience, 'jwks');
    }
    const secret = config.secret ?? DEVELOPMENT_SECRET;
    return new TokenVerifier(
      new TextEncoder().encode(secret),
      config.issuer ?? DEVELOPMENT_ISSUER,
      audience,
      'shared-secret',
    );
  }

  async verify(token: string): Promise<Identity> {
    let payload: JWTPayload;
    try {
      const options: JWTVerifyOptions = {
        issuer: this.issuer,
        audience: this.audience,
        requiredClaims: ['exp', 'sub'],
        algorithms: this.mode === 'shared-secret' ? ['HS256'] : ['RS256', 'ES256', 'PS256'],
      };
      ({ payload } =
        this.key instanceof Uint8Array
          ? await jwtVerify(token, this.key, options)
          : await jwtVerify(token, this.key, options));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new TokenRejected('the token has expired');
      if (error instanceof errors.JOSEError) throw new TokenRejected(`the token is not valid: ${error.code}`);
      throw error;
    }
    const subject = payload.sub!;
    if (!/\S/.test(subject)) throw new TokenRejected('the token subject is blank'); // who acted must be known
    if (subject.length > SUBJECT_LENGTH_MAX) throw new TokenRejected('the token subject is too long');
    const claimed = Array.isArray(payload.roles)
      ? payload.roles
      : typeof payload.role === 'string'
        ? [payload.role]
        : [];
    const name = typeof payload.name === 'string' ? payload.name.slice(0, NAME_LENGTH_MAX) : null;
    return {
      subject,
      displayName: name,
      organisationId: typeof payload.org === 'string' ? payload.org : null,
      personId: typeof payload.person === 'string' ? payload.person : null,
      roles: [...new Set(claimed.filter(isRole))],
    };
  }
}
