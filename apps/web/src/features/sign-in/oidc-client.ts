import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { Identity, TokenVerifier } from '@bcl/identity';
import { OidcClientConfig } from '../../web-config';

/** The endpoints the issuer's discovery document names (OpenID Connect Discovery 1.0). */
interface ProviderEndpoints {
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  end_session_endpoint?: string;
}

/** What the browser carries (in a signed, short-lived cookie) from the redirect to the callback. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

export class SignInFailed extends Error {}

const DISCOVERY_TIMEOUT_MS = 10_000;
const random = (bytes: number) => randomBytes(bytes).toString('base64url');

/**
 * The pages' OpenID Connect client: authorisation code flow with PKCE (S256), state and nonce. The identity is
 * read from the access token by the same verifier (issuer, audience, roles) the API trusts; the ID token is
 * checked for the nonce, so a code cannot be replayed into another browser's sign-in.
 */
export class OidcClient {
  private endpoints: Promise<ProviderEndpoints> | undefined;

  constructor(
    private readonly config: OidcClientConfig,
    private readonly tokens: TokenVerifier,
  ) {}

  /** Where to send the browser, and what to keep until it comes back. */
  async begin(returnTo: string): Promise<{ url: string; pending: PendingSignIn }> {
    const pending = { state: random(24), nonce: random(24), codeVerifier: random(48), returnTo };
    const challenge = createHash('sha256').update(pending.codeVerifier).digest('base64url');
    const url = new URL((await this.discover()).authorization_endpoint);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: this.config.clientId,
      redirect_uri: this.config.redirectUrl,
      scope: this.config.scopes,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    }).toString();
    return { url: url.toString(), pending };
  }

  /** The callback: the code exchanged (with the PKCE verifier) for tokens, checked, and read as an identity. */
  async complete(query: Record<string, unknown>, pending: PendingSignIn): Promise<Identity> {
    if (typeof query.error === 'string')
      throw new SignInFailed(`the identity provider refused the sign-in: ${query.error}`);
    if (query.state !== pending.state) throw new SignInFailed('the sign-in came back with a different state');
    if (typeof query.code !== 'string' || query.code.length > 4096)
      throw new SignInFailed('the sign-in came back without a code');
    const endpoints = await this.discover();
    const form = new URLSearchParams({
      grant_type: 'authorization_code',
      code: query.code,
      redirect_uri: this.config.redirectUrl,
      client_id: this.config.clientId,
      code_verifier: pending.codeVerifier,
      ...(this.config.clientSecret ? { client_secret: this.config.clientSecret } : {}),
    });
    const response = await fetch(endpoints.token_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
      signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS),
    });
    if (!response.ok) throw new SignInFailed(`the identity provider refused the code (${response.status})`);
    const tokens = (await response.json()) as { access_token?: unknown; id_token?: unknown };
    if (typeof tokens.id_token !== 'string' || typeof tokens.access_token !== 'string')
      throw new SignInFailed('the identity provider answered without an ID token and an access token');
    const { payload } = await jwtVerify(tokens.id_token, createRemoteJWKSet(new URL(endpoints.jwks_uri)), {
      issuer: this.config.issuer,
      audience: this.config.clientId,
    }).catch((error: Error) => {
      throw new SignInFailed(`the ID token is not valid: ${error.message}`);
    });
    if (payload.nonce !== pending.nonce) throw new SignInFailed('the ID token is for another sign-in');
    const identity = await this.tokens.verify(tokens.access_token).catch((error: Error) => {
      throw new SignInFailed(`the access token is not one the ledger accepts: ${error.message}`);
    });
    if (identity.roles.length === 0)
      throw new SignInFailed('your account holds none of the ledger’s roles: ask your administrator');
    return identity;
  }

  private discover(): Promise<ProviderEndpoints> {
    this.endpoints ??= (async () => {
      const url = `${this.config.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
      const response = await fetch(url, { signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS) });
      if (!response.ok)
        throw new SignInFailed(`cannot read the identity provider's ${url} (${response.status})`);
      return (await response.json()) as ProviderEndpoints;
    })().catch((error: unknown) => {
      this.endpoints = undefined; // try again on the next sign-in
      throw error instanceof SignInFailed ? error : new SignInFailed(`cannot reach the identity provider`);
    });
    return this.endpoints;
  }
}
