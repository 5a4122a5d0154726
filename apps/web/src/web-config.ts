import { randomBytes } from 'node:crypto';
import { TokenVerifierConfig } from '@bcl/identity';

/** The OpenID Connect client the pages sign in with (authorisation code flow with PKCE). */
export interface OidcClientConfig {
  /** The issuer the API trusts (AUTH_ISSUER); its discovery document names the endpoints. */
  issuer: string;
  clientId: string;
  /** Absent for a public client (PKCE alone). */
  clientSecret: string | undefined;
  /** Where the provider sends the browser back: `<this service>/sign-in/callback`. */
  redirectUrl: string;
  /** OIDC_SCOPES: `openid profile` and the API's scope where the provider needs one to issue its access token. */
  scopes: string;
}

/** Everything the pages read from the environment (README "Configuration"). */
export interface WebConfig {
  /** NODE_ENV=production: the development sign-in is refused and cookies are Secure. */
  production: boolean;
  /** Signs the session cookie and derives the CSRF tokens (WEB_SESSION_SECRET; random per start when unset). */
  sessionSecret: string;
  /** How long a session lasts, in seconds. */
  sessionSecondsMax: number;
  /** Production sign-in; undefined: only the development sign-in (outside production). */
  oidc: OidcClientConfig | undefined;
  /** How the access token a sign-in returns is checked: the API's own settings (AUTH_*), so the same roles. */
  auth: TokenVerifierConfig;
  /** Debian's Chromium, for the auditor pack's PDF (CHROMIUM_PATH). */
  chromiumPath: string;
}

export const WEB_CONFIG = Symbol('WEB_CONFIG');
const SESSION_SECONDS_MAX = 8 * 60 * 60;

export function webConfigFromEnv(env: NodeJS.ProcessEnv = process.env): WebConfig {
  const production = env.NODE_ENV === 'production';
  const secret = env.WEB_SESSION_SECRET || undefined;
  if (production && (!secret || secret.length < 32))
    throw new Error('set WEB_SESSION_SECRET (32 characters or more): it signs the pages’ session cookies');
  const oidc = oidcConfig(env);
  if (production && !oidc)
    throw new Error(
      'set OIDC_CLIENT_ID and OIDC_REDIRECT_URL (with AUTH_ISSUER): the pages sign in through your identity provider in production',
    );
  return {
    production,
    sessionSecret: secret ?? randomBytes(32).toString('base64url'),
    sessionSecondsMax: SESSION_SECONDS_MAX,
    oidc,
    auth: {
      secret: env.AUTH_JWT_SECRET || undefined,
      issuer: env.AUTH_ISSUER || undefined,
      jwksUrl: env.AUTH_JWKS_URL || undefined,
      audience: env.AUTH_AUDIENCE || undefined,
    },
    chromiumPath: env.CHROMIUM_PATH || '/usr/bin/chromium',
  };
}

function oidcConfig(env: NodeJS.ProcessEnv): OidcClientConfig | undefined {
  const clientId = env.OIDC_CLIENT_ID || undefined;
  if (!clientId) return undefined;
  const issuer = env.AUTH_ISSUER || undefined;
  const redirectUrl = env.OIDC_REDIRECT_URL || undefined;
  if (!issuer || !redirectUrl)
    throw new Error('OIDC_CLIENT_ID needs AUTH_ISSUER and OIDC_REDIRECT_URL (…/sign-in/callback)');
  return {
    issuer,
    clientId,
    clientSecret: env.OIDC_CLIENT_SECRET || undefined,
    redirectUrl,
    scopes: env.OIDC_SCOPES || 'openid profile',
  };
}
