import { Browser } from 'playwright-core';
import {
  DemoServer,
  accessibilityViolations,
  describeInBrowser,
  launchChromium,
  signedIn,
  startDemoServer,
} from './support/browser';

/**
 * The journeys end to end, by following links as a user does (each page's own content is tested in its
 * feature's spec): an auditor finds the Kent 2017-19 plan as it stood on 11 September 2017 from the home page and
 * follows its sign-off to the meeting that delegated it and the body that met. (The pack's download and offline
 * verification: pack.browser.spec.ts; Medway's gap and workbook: fund.browser.spec.ts; the approval refused after
 * its delegation expired: decisions.browser.spec.ts; the events browser refused: audit.browser.spec.ts.)
 */
describeInBrowser('journeys through the pages in Chromium', () => {
  let server: DemoServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('an auditor finds the Kent 2017-19 plan as at 11 September 2017 and follows its sign-off to the meeting and the body', async () => {
    const context = await signedIn(browser, server.url, 'auditor', { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByLabel('As at (in effect on)').fill('2017-09-11');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByRole('link', { name: 'Kent plan 2017-19' }).click();
    expect(new URL(page.url()).pathname).toBe('/plans/kent-2017-19');
    expect(new URL(page.url()).searchParams.get('asAt')).toBe('2017-09-11');
    await expect(page.locator('h1').textContent()).resolves.toContain('version 1');

    await page
      .getByRole('link', { name: /meeting of 14 June 2017/ })
      .first()
      .click();
    expect(new URL(page.url()).pathname).toBe('/decisions/meetings/kent-hwb-2017-06-14');
    await expect(page.locator('h1').textContent()).resolves.toBe('Meeting of 14 June 2017');

    await page.getByRole('link', { name: 'Kent Health and Wellbeing Board' }).first().click();
    expect(new URL(page.url()).pathname).toBe('/decisions/bodies/kent-hwb');
    await expect(page.locator('h1').textContent()).resolves.toBe('Kent Health and Wellbeing Board');
    await context.close();

    const checking = await signedIn(browser, server.url, 'auditor');
    const checked = await checking.newPage();
    for (const path of [
      '/?asAt=2017-09-11',
      '/plans/kent-2017-19?asAt=2017-09-11',
      '/decisions/meetings/kent-hwb-2017-06-14',
      '/decisions/bodies/kent-hwb',
    ]) {
      await checked.goto(path);
      expect({ path, violations: await accessibilityViolations(checked) }).toEqual({ path, violations: [] });
    }
    await checking.close();
  }, 120_000);
});
