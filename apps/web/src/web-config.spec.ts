import { webConfigFromEnv } from './web-config';

describe('the pages’ configuration (webConfigFromEnv)', () => {
  const production = {
    NODE_ENV: 'production',
    WEB_SESSION_SECRET: 'x'.repeat(32),
    AUTH_ISSUER: 'https://login.example/tenant/v2.0',
    OIDC_CLIENT_ID: 'pages',
    OIDC_REDIRECT_URL: 'https://ledger.example/sign-in/callback',
  };

  it('outside production: a random session secret per start and only the development sign-in', () => {
    const [first, second] = [webConfigFromEnv({}), webConfigFromEnv({})];
    expect(first.production).toBe(false);
    expect(first.oidc).toBeUndefined();
    expect(first.sessionSecret).not.toBe(second.sessionSecret);
    expect(first.sessionSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('in production: needs a session secret of 32 characters and an identity provider', () => {
    expect(() => webConfigFromEnv({ ...production, WEB_SESSION_SECRET: 'short' })).toThrow(
      /WEB_SESSION_SECRET/,
    );
    expect(() => webConfigFromEnv({ ...production, OIDC_CLIENT_ID: '' })).toThrow(/OIDC_CLIENT_ID/);
    expect(webConfigFromEnv(production)).toMatchObject({
      production: true,
      oidc: {
        issuer: production.AUTH_ISSUER,
        clientId: 'pages',
        scopes: 'openid profile',
        clientSecret: undefined,
      },
    });
  });

  it('refuses an OpenID Connect client without the issuer or the redirect URL', () => {
    expect(() => webConfigFromEnv({ OIDC_CLIENT_ID: 'pages' })).toThrow(/AUTH_ISSUER and OIDC_REDIRECT_URL/);
  });
});
