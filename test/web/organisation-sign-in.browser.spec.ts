import { createServer } from 'node:net';
import { AddressInfo } from 'node:net';
import { Browser } from 'playwright-core';
import { DemoServer, describeInBrowser, launchChromium, startDemoServer } from './support/browser';
import { FakeIdentityProvider } from './support/fake-identity-provider';

/** A port free on 127.0.0.1 now: the redirect URL the provider is told must name it before the server starts. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describeInBrowser('signing in to the pages in production: OpenID Connect with PKCE', () => {
  let provider: FakeIdentityProvider;
  let server: DemoServer;
  let browser: Browser;

  beforeAll(async () => {
    provider = await FakeIdentityProvider.start();
    const port = await freePort();
    [server, browser] = await Promise.all([
      startDemoServer({
        NODE_ENV: 'production',
        PORT: String(port),
        AUTH_ISSUER: provider.issuer,
        AUTH_JWKS_URL: provider.jwksUrl,
        OIDC_CLIENT_ID: 'better-care-ledger-pages',
        OIDC_REDIRECT_URL: `http://127.0.0.1:${port}/sign-in/callback`,
        WEB_SESSION_SECRET: 'a-test-session-secret-of-at-least-32-characters',
      }),
      launchChromium(),
    ]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await provider?.close();
  });

  it('signs in through the identity provider with the roles its access token carries, and back to the page', async () => {
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    await page.goto('/?asAt=2017-09-11');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await expect(page.getByRole('heading', { name: 'Development sign-in' }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Sign in with your organisation' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    expect(new URL(page.url()).search).toBe('?asAt=2017-09-11');
    await expect(page.getByText('Signed in as Pat Auditor (auditor)').count()).resolves.toBe(1);
    const [exchange] = provider.tokenRequests;
    expect(exchange).toMatchObject({
      grant_type: 'authorization_code',
      client_id: 'better-care-ledger-pages',
    });
    expect(exchange?.code_verifier).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
    const cookies = await context.cookies();
    expect(cookies.find(({ name }) => name === 'bcl_session')).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
    });
    await context.close();
  });

  it('refuses a callback that does not carry the state it was sent with, and signs no one in', async () => {
    const begun = await fetch(`${server.url}/sign-in/organisation?returnTo=/`, { redirect: 'manual' });
    expect(begun.status).toBe(303);
    const authorize = new URL(begun.headers.get('location') ?? '');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    const pending = (begun.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const forged = await fetch(`${server.url}/sign-in/callback?code=forged&state=not-the-state`, {
      headers: { cookie: pending },
      redirect: 'manual',
    });
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('the sign-in came back with a different state');
    expect(forged.headers.get('set-cookie') ?? '').not.toContain('bcl_session=ey');
    const expired = await fetch(`${server.url}/sign-in/callback?code=forged&state=not-the-state`, {
      redirect: 'manual',
    });
    expect(expired.status).toBe(400);
  });

  it('refuses a user whose access token holds none of the ledger’s roles', async () => {
    provider.user = { subject: 'entra-oid-2', name: 'No Role', roles: [] };
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Sign in with your organisation' }).click();
    await expect(page.getByText('holds none of the ledger’s roles').count()).resolves.toBe(1);
    expect((await context.cookies()).some(({ name }) => name === 'bcl_session')).toBe(false);
    await context.close();
  });

  it('refuses the development sign-in in production', async () => {
    const refused = await fetch(`${server.url}/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'role=admin',
      redirect: 'manual',
    });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('the development sign-in is refused in production');
  });
});
