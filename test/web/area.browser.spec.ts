import { Browser, BrowserContext, Page } from 'playwright-core';
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

describeInBrowser('the area page in Chromium: members over time, the Board, its posts and holders', () => {
  let server: DemoServer;
  let browser: Browser;
  let reading: BrowserContext;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
    reading = await signedIn(browser, server.url, 'auditor', { javaScriptEnabled: false });
  }, 120_000);
  afterAll(async () => {
    await reading?.close();
    await browser?.close();
    await server?.close();
  });

  it("shows Kent's members today, with its CCGs as their ICB, and how they changed (JavaScript off)", async () => {
    const page = await reading.newPage();
    await page.goto('/');
    await page.getByRole('link', { name: 'Kent', exact: true }).click();
    expect(new URL(page.url()).pathname).toBe('/areas/kent');
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Kent');
    const today = await rowsOf(page, 'Organisations of Kent on');
    expect(today[0]).toBe('Kent County Council | county-council | lead-council');
    expect(today).toContainEqual(
      expect.stringMatching(
        /^NHS Kent and Medway Integrated Care Board \(for NHS Ashford CCG, .*NHS West Kent CCG\)\s*; on 30 June 2022: NHS Kent and Medway CCG \| icb/,
      ),
    );
    expect(today.join('\n')).not.toMatch(/\| ccg \|/);
    const overTime = await rowsOf(page, 'Kent: its organisations from each change');
    expect(overTime.map((row) => row.split(' | ').slice(0, 2).join(' to '))).toEqual([
      '1 April 2013 to 31 March 2020',
      '1 April 2020 to 30 June 2022',
      '1 July 2022 to continuing',
    ]);
    expect(overTime[0]).toContain('NHS West Kent CCG');
    expect(overTime[1]).toContain('NHS Kent and Medway CCG (for NHS Ashford CCG');
    expect(overTime[2]).toContain(
      'NHS Kent and Medway Integrated Care Board (for NHS Ashford CCG, NHS Canterbury and Coastal CCG',
    );
    expect(overTime[2]).toContain('on 30 June 2022: NHS Kent and Medway CCG');
    await page.close();
  });

  it('shows the Board, its posts and who held them, as at a date chosen in the viewpoint form', async () => {
    const page = await reading.newPage();
    await page.goto('/areas/kent');
    await page.getByLabel('As at (in effect on)').fill('2017-09-10');
    await page.getByRole('button', { name: 'Show' }).click();
    expect(new URL(page.url()).searchParams.get('asAt')).toBe('2017-09-10');
    const members = await rowsOf(page, 'Organisations of Kent on 10 September 2017');
    expect(members).toContain('NHS Ashford CCG | ccg | nhs-commissioner');
    expect(members.join('\n')).not.toContain('Integrated Care Board');
    await expect(
      page.getByRole('heading', { name: 'Kent Health and Wellbeing Board' }).count(),
    ).resolves.toBe(1);
    const posts = await rowsOf(
      page,
      'Kent Health and Wellbeing Board: posts and holders on 10 September 2017',
    );
    expect(posts).toEqual([
      'chair | Chair, Kent HWB | Mr R W Gough, since 27 January 2016',
      'vice-chair | Vice-Chair, Kent HWB | Dr B Bowes, since 27 January 2016',
    ]);
    await page.goto('/areas/kent?asAt=2017-09-11');
    const nextDay = await rowsOf(page, 'posts and holders on 11 September 2017');
    expect(nextDay[0]).toBe('chair | Chair, Kent HWB | Peter Oakford, since 11 September 2017');
    const holders = await rowsOf(page, "each post's holders over time");
    expect(holders).toContain('Chair, Kent HWB | Mr R W Gough | 27 January 2016 | 11 September 2017');
    await page.close();
  });

  it('links to the same data as JSON, and answers an unknown area with a not-found page', async () => {
    const page = await reading.newPage();
    await page.goto('/areas/medway?asAt=2017-09-11');
    const json = await page
      .getByRole('link', { name: 'its organisations on the date (JSON)' })
      .getAttribute('href');
    expect(json).toBe('/api/areas/medway/organisations?asAt=2017-09-11');
    const response = await page.goto('/areas/atlantis');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 }).count()).resolves.toBe(1);
    await page.close();
  });

  it('has no accessibility violations (axe, WCAG 2.2 AA), today and as at a date', async () => {
    const checking = await signedIn(browser, server.url, 'governance-officer');
    const page = await checking.newPage();
    for (const path of ['/areas/kent', '/areas/kent?asAt=2017-09-11', '/areas/southend-on-sea']) {
      await page.goto(path);
      expect({ path, violations: await accessibilityViolations(page) }).toEqual({ path, violations: [] });
    }
    await checking.close();
  });
});
