import { Browser, Page } from 'playwright-core';
import {
  DemoServer,
  accessibilityViolations,
  describeInBrowser,
  launchChromium,
  signedIn,
  startDemoServer,
} from './support/browser';

/** The text of each row of the table with this caption, cells joined by " | ". */
async function rowsOf(page: Page, caption: string): Promise<string[]> {
  const table = page.locator('table', { has: page.locator('caption', { hasText: caption }) });
  const rows = await table.locator('tbody tr').all();
  return Promise.all(
    rows.map(async (row) =>
      (await row.locator('td').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim()).join(' | '),
    ),
  );
}

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
    await expect(page.getByRole('link', { name: 'Kent', exact: true }).count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: 'Medway', exact: true }).count()).resolves.toBe(1);
    await reading.close();
    const checking = await signedIn(browser, server.url, 'auditor');
    const checked = await checking.newPage();
    await checked.goto('/');
    expect(await accessibilityViolations(checked)).toEqual([]);
    await checking.close();
  });

  it("shows each area's plans, pool-years and returns with their status, its report-backs, and links to them", async () => {
    const reading = await signedIn(browser, server.url, 'finance-officer', { javaScriptEnabled: false });
    const page = await reading.newPage();
    await page.goto('/');
    const href = (name: string) => page.getByRole('link', { name, exact: true }).getAttribute('href');
    await expect(href('Kent plan 2017-19')).resolves.toBe('/plans/kent-2017-19');
    const kentPlans = await rowsOf(page, 'Kent: Better Care Fund plans');
    expect(kentPlans).toEqual([expect.stringMatching(/^Kent plan 2017-19 \| 1 \| \S+/)]);
    const medwayFund = await rowsOf(page, 'Medway: pooled fund years');
    expect(medwayFund).toEqual([
      expect.stringMatching(/^Medway BCF pooled budget .*2017-18 \| open$/),
      expect.stringMatching(/^Medway BCF pooled budget .*2018-19 \| open$/),
    ]);
    const medwayLinks = page.locator('table', {
      has: page.locator('caption', { hasText: 'Medway: pooled fund years' }),
    });
    await expect(
      medwayLinks.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
    ).resolves.toEqual(['/fund/medway-bcf/2017-18', '/fund/medway-bcf/2018-19']);
    const southendReturns = await rowsOf(page, 'Southend-on-Sea: quarterly returns');
    expect(southendReturns).toHaveLength(4);
    expect(southendReturns[0]).toMatch(/^Southend-on-Sea 2016-17 quarter 1 \| submitted \| /);
    await expect(href('Southend-on-Sea 2016-17 quarter 1')).resolves.toBe(
      '/returns/southend-on-sea-2016-17-q1',
    );
    const reportBacks = await rowsOf(page, 'Southend-on-Sea: report-backs overdue');
    expect(reportBacks).toEqual([
      expect.stringContaining('(southend-hwb-2017-03-22-bcf) | Southend Health & Wellbeing Board'),
    ]);
    await expect(page.getByText('Kent: no report-back overdue (report-backs due).').count()).resolves.toBe(1);
    await expect(page.locator('#last-verified').innerText()).resolves.toMatch(
      /^Last verified: never verified\./,
    );
    await expect(href('Verify the record now')).resolves.toBe('/verify');
    await reading.close();
  });

  it('shows when the record was last verified, by whom and from where, after "Verify now" on the Verify page', async () => {
    const context = await signedIn(browser, server.url, 'auditor');
    const page = await context.newPage();
    await page.goto('/verify');
    await page.getByRole('button', { name: 'Verify now' }).click();
    await page.getByRole('heading', { name: 'The log verifies' }).waitFor();
    const value = async (key: string) =>
      (
        await page
          .locator('#verification .govuk-summary-list__row')
          .filter({
            has: page.locator('.govuk-summary-list__key', { hasText: new RegExp(`^\\s*${key}\\s*$`) }),
          })
          .locator('.govuk-summary-list__value')
          .innerText()
      ).trim();
    const [events, head, checkedAt] = [
      await value('Events checked'),
      await value('Head position'),
      await value('Checked at'),
    ];

    await page.goto('/');
    const line = (await page.locator('#last-verified').innerText()).replace(/\s+/g, ' ').trim();
    expect(line).toBe(
      `Last verified: ${await page.locator('#last-verified time').innerText()}, ${events} events, head ${head}, by development:auditor (web): intact.`,
    );
    await expect(page.locator('#last-verified time').getAttribute('datetime')).resolves.toBe(checkedAt);
    await expect(page.locator('#last-verified time').innerText()).resolves.toMatch(
      /^\d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2}:\d{2} UTC$/,
    );
    await expect(
      page.getByRole('link', { name: 'Verify the record again' }).getAttribute('href'),
    ).resolves.toBe('/verify');
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('shows the areas as at a date: only the pool-years opened by then, and links that keep the date', async () => {
    const reading = await signedIn(browser, server.url, 'auditor', { javaScriptEnabled: false });
    const page = await reading.newPage();
    await page.goto('/');
    await page.getByLabel('As at (in effect on)').fill('2017-09-11');
    await page.getByRole('button', { name: 'Show' }).click();
    const medwayFund = await rowsOf(page, 'Medway: pooled fund years');
    expect(medwayFund).toEqual([expect.stringMatching(/2017-18 \| open$/)]);
    await expect(page.getByRole('link', { name: 'Kent plan 2017-19' }).getAttribute('href')).resolves.toBe(
      '/plans/kent-2017-19?asAt=2017-09-11',
    );
    await expect(page.getByRole('link', { name: 'Kent', exact: true }).getAttribute('href')).resolves.toBe(
      '/areas/kent?asAt=2017-09-11',
    );
    await reading.close();
    const checking = await signedIn(browser, server.url, 'auditor');
    const checked = await checking.newPage();
    await checked.goto('/?asAt=2017-09-11');
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
