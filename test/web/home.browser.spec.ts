import { Browser } from 'playwright-core';
import {
  DemoServer,
  accessibilityViolations,
  describeInBrowser,
  launchChromium,
  signedIn,
  startDemoServer,
} from './support/browser';

describeInBrowser('the web pages in Chromium: signing in and the home page', () => {
  let server: DemoServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sends a visitor who is not signed in to the sign-in page, and back to the page asked for', async () => {
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    await page.goto('/?asAt=2017-09-11');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('auditor', { exact: true }).check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    expect(new URL(page.url()).search).toBe('?asAt=2017-09-11');
    await context.close();
  });

  it('lists the areas on the home page with JavaScript off (axe itself needs scripts, so it runs with them on)', async () => {
    const reading = await signedIn(browser, server.url, 'auditor', { javaScriptEnabled: false });
    const page = await reading.newPage();
    await page.goto('/');
    await expect(page.getByRole('link', { name: 'Kent' }).count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: 'Medway' }).count()).resolves.toBe(1);
    await reading.close();
    const checking = await signedIn(browser, server.url, 'auditor');
    const checked = await checking.newPage();
    await checked.goto('/');
    expect(await accessibilityViolations(checked)).toEqual([]);
    await checking.close();
  });

  it('refuses the sign-in form without its CSRF token, and signs out', async () => {
    const refused = await fetch(`${server.url}/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'role=admin',
      redirect: 'manual',
    });
    expect(refused.status).toBe(403);
    const context = await signedIn(browser, server.url, 'finance-officer');
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await context.close();
  });
});
