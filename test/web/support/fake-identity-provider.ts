import { createHash, randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { JWK, KeyLike, SignJWT, exportJWK, generateKeyPair } from 'jose';

/** A user the fake provider signs in (it asks nothing: the authorize endpoint approves at once). */
export interface FakeUser {
  subject: string;
  name: string;
  roles: string[];
}

interface IssuedCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  nonce: string;
}

/**
 * An OpenID Connect provider for tests, on 127.0.0.1: discovery, JWKS, an authorize endpoint that approves the
 * current user at once, and a token endpoint that checks the PKCE verifier (S256) against the challenge, the
 * client and the redirect URI before it issues an ID token (for the client) and an access token (for the API).
 */
export class FakeIdentityProvider {
  user: FakeUser = { subject: 'entra-oid-1', name: 'Pat Auditor', roles: ['auditor'] };
  readonly tokenRequests: Record<string, string>[] = [];
  private readonly codes = new Map<string, IssuedCode>();

  private constructor(
    private readonly server: Server,
    private readonly privateKey: KeyLike,
    private readonly publicJwk: JWK,
    readonly issuer: string,
    readonly apiAudience: string,
  ) {}

  static async start(apiAudience = 'better-care-ledger'): Promise<FakeIdentityProvider> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const provider = new FakeIdentityProvider(server, privateKey, jwk, issuer, apiAudience);
    server.on('request', (request, response) => void provider.handle(request, response));
    return provider;
  }

  get jwksUrl(): string {
    return `${this.issuer}/jwks`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.issuer);
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/openid-configuration')
      return json(200, {
        issuer: this.issuer,
        authorization_endpoint: `${this.issuer}/authorize`,
        token_endpoint: `${this.issuer}/token`,
        jwks_uri: this.jwksUrl,
      });
    if (url.pathname === '/jwks') return json(200, { keys: [this.publicJwk] });
    if (url.pathname === '/authorize') {
      const query = Object.fromEntries(url.searchParams);
      if (query.response_type !== 'code' || query.code_challenge_method !== 'S256' || !query.code_challenge)
        return json(400, { error: 'invalid_request' });
      const code = randomUUID();
      this.codes.set(code, {
        clientId: query.client_id ?? '',
        redirectUri: query.redirect_uri ?? '',
        challenge: query.code_challenge,
        nonce: query.nonce ?? '',
      });
      const back = new URL(query.redirect_uri ?? '');
      back.searchParams.set('code', code);
      back.searchParams.set('state', query.state ?? '');
      response.writeHead(302, { location: back.toString() }).end();
      return;
    }
    if (url.pathname === '/token' && request.method === 'POST') {
      let body = '';
      for await (const chunk of request) body += String(chunk);
      const form = Object.fromEntries(new URLSearchParams(body));
      this.tokenRequests.push(form);
      const issued = this.codes.get(form.code ?? '');
      this.codes.delete(form.code ?? '');
      const verifierMatches =
        issued !== undefined &&
        createHash('sha256')
          .update(form.code_verifier ?? '')
          .digest('base64url') === issued.challenge;
      if (
        !issued ||
        !verifierMatches ||
        form.client_id !== issued.clientId ||
        form.redirect_uri !== issued.redirectUri
      )
        return json(400, { error: 'invalid_grant' });
      const sign = (claims: Record<string, unknown>, audience: string) =>
        new SignJWT(claims)
          .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
          .setIssuer(this.issuer)
          .setSubject(this.user.subject)
          .setAudience(audience)
          .setIssuedAt()
          .setExpirationTime('10m')
          .sign(this.privateKey);
      return json(200, {
        token_type: 'Bearer',
        id_token: await sign({ nonce: issued.nonce, name: this.user.name }, issued.clientId),
        access_token: await sign({ name: this.user.name, roles: this.user.roles }, this.apiAudience),
      });
    }
    json(404, { error: 'not_found' });
  }
}
