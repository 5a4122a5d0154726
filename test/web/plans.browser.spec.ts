import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import {
  DemoServer,
  accessibilityViolations,
  describeInBrowser,
  launchChromium,
  signedIn,
  startDemoServer,
} from './support/browser';
import { eventCount, exportedPlanWorkbook, kentPlanFile } from './support/plans';

/** The Kent DFG contribution the upload changes, and by how much (pence). */
const CHANGED_KEY = 'dfg/kent-county-council';
const REVISED_JUSTIFICATION = 'Kent BCF plan 2017-19 revised DFG allocation, letter of 15 January 2018';

const h1 = (page: Page) => page.locator('h1').innerText();

describeInBrowser('the plan pages and the plan upload form in Chromium', () => {
  let server: DemoServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('an auditor finds the Kent 2017-19 plan as at 11 September 2017: its version, sections, checks and sign-off, linked to the meeting and body', async () => {
    const context = await signedIn(browser, server.url, 'auditor');
    const page = await context.newPage();
    await page.goto('/plans?asAt=2017-09-11');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Kent 2017-19 plan' }).click();
    await page.waitForURL((url) => url.pathname === '/plans/kent-2017-19');
    expect(new URL(page.url()).searchParams.get('asAt')).toBe('2017-09-11');
    expect(await h1(page)).toBe('Kent plan 2017-19, version 1');
    await expect(page.locator('caption', { hasText: 'Contributions (11)' }).count()).resolves.toBe(1);
    await expect(page.locator('caption', { hasText: 'Schemes (14)' }).count()).resolves.toBe(1);
    const checks = page.locator('table', {
      has: page.locator('caption', { hasText: 'Checks of version 1' }),
    });
    await expect(
      checks
        .locator('tr', { hasText: 'F2:expenditure-equals-pooled:2017-18' })
        .locator('.govuk-tag')
        .first()
        .innerText(),
    ).resolves.toBe('warning');
    await expect(
      checks.getByText('docs/plan-format.md#the-checks F2', { exact: false }).count(),
    ).resolves.toBeGreaterThan(0);
    const signOff = page.locator('.govuk-summary-card', { hasText: 'kent-2017-19-v1-chairman' });
    await expect(signOff.getByText('Peter Oakford', { exact: false }).count()).resolves.toBeGreaterThan(0);
    await expect(
      signOff
        .getByRole('link', { name: 'Kent Health and Wellbeing Board meeting of 14 June 2017' })
        .getAttribute('href'),
    ).resolves.toBe('/decisions/meetings/kent-hwb-2017-06-14');
    await expect(
      signOff
        .getByRole('link', { name: 'Kent Health and Wellbeing Board', exact: true })
        .getAttribute('href'),
    ).resolves.toBe('/decisions/bodies/kent-hwb');
    await expect(
      signOff.getByRole('link', { name: /formal sign off of the Kent BCF Plan/ }).getAttribute('href'),
    ).resolves.toBe('/decisions/delegations/kent-hwb-2017-06-14-bcf-sign-off');
    await expect(
      page.getByRole('link', { name: 'as a planning workbook (XLSX)' }).getAttribute('href'),
    ).resolves.toBe('/api/plans/kent-2017-19/export?asAt=2017-09-11&version=1&format=xlsx');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'all versions and what changed' }).click();
    await page.waitForURL((url) => url.pathname === '/plans/kent-2017-19/versions');
    expect(await h1(page)).toBe('Versions of plan kent-2017-19');
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('reads the plan list, a plan and its versions with JavaScript off', async () => {
    const context = await signedIn(browser, server.url, 'auditor', { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/plans');
    await page.getByLabel('Area').selectOption('medway');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL((url) => url.searchParams.get('areaId') === 'medway');
    await expect(page.getByRole('link', { name: 'Medway 2017-19 plan' }).count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: 'Kent 2017-19 plan' }).count()).resolves.toBe(0);
    await page.goto('/plans/kent-2017-19');
    await page.getByLabel('As at (in effect on)').fill('2017-09-11');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL((url) => url.searchParams.get('asAt') === '2017-09-11');
    expect(await h1(page)).toBe('Kent plan 2017-19, version 1');
    await page.goto('/plans/kent-2017-19/versions');
    await expect(page.getByRole('heading', { name: 'Version 1' }).count()).resolves.toBe(1);
    await context.close();
  });

  it('previews an upload recording nothing, records it on confirming, and shows who changed what and why', async () => {
    const file = kentPlanFile(server.directory, 'kent-2017-19-revised.json', (document) => {
      const dfg = document.contributions.find((contribution) => contribution.key === CHANGED_KEY)!;
      dfg.amountsPence['2018-19']! += 1_000_000;
      document.justification = REVISED_JUSTIFICATION;
    });
    const context = await signedIn(browser, server.url, 'finance-officer');
    const page = await context.newPage();
    await page.goto('/plans/upload');
    expect(await accessibilityViolations(page)).toEqual([]);
    const before = await eventCount(server.ledgerStore);
    await page.getByLabel('Plan workbook or document').setInputFiles(file);
    await page.getByLabel('Takes effect on (optional)').fill('2018-01-15');
    await page.getByRole('button', { name: 'Preview the changes' }).click();
    await page.waitForURL((url) => url.pathname === '/plans/upload');
    expect(await h1(page)).toBe('Check the changes to plan kent-2017-19 before they are recorded');
    const changes = page.locator('table', {
      has: page.locator('caption', { hasText: 'What the upload would change' }),
    });
    const change = changes.locator('tbody tr', { hasText: CHANGED_KEY });
    await expect(change.count()).resolves.toBe(1);
    await expect(change.locator('td').nth(0).innerText()).resolves.toBe('changed');
    await expect(change.locator('td').nth(3).innerText()).resolves.toBe('Amounts');
    await expect(page.getByText('would start version 2', { exact: false }).count()).resolves.toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await eventCount(server.ledgerStore)).toBe(before);

    await page.getByRole('button', { name: 'Confirm and record these changes' }).click();
    await page.waitForURL((url) => url.pathname === '/plans/kent-2017-19');
    expect(await h1(page)).toBe('Kent plan 2017-19, version 2');
    expect(await eventCount(server.ledgerStore)).toBeGreaterThan(before);
    await page.goto('/plans/kent-2017-19?asAt=2017-09-11');
    expect(await h1(page)).toBe('Kent plan 2017-19, version 1');

    await page.goto('/plans/kent-2017-19/versions');
    await page.getByRole('link', { name: 'Field-level differences from version 1 to version 2' }).click();
    await page.waitForURL((url) => url.pathname === '/plans/kent-2017-19/diff');
    const diff = page.locator('tbody tr', { hasText: CHANGED_KEY });
    await expect(diff.count()).resolves.toBe(1);
    await expect(diff.locator('td').nth(2).innerText()).resolves.toBe('Amounts');
    await expect(diff.locator('td').nth(6).innerText()).resolves.toContain(REVISED_JUSTIFICATION);
    await expect(diff.locator('td').nth(5).innerText()).resolves.not.toBe('');
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('refuses a bad file and a domain refusal with the error summary, recording nothing', async () => {
    const placeholder = kentPlanFile(server.directory, 'kent-tbc.json', (document) => {
      document.contributions[0]!.amountsPence['2017-18']! += 500;
      document.justification = 'TBC';
    });
    const garbage = join(server.directory, 'not-a-workbook.xlsx');
    writeFileSync(garbage, 'this is not a workbook');
    const context = await signedIn(browser, server.url, 'programme-lead');
    const page = await context.newPage();
    const before = await eventCount(server.ledgerStore);
    for (const [file, reason] of [
      [placeholder, 'justification'],
      [garbage, 'workbook'],
    ] as const) {
      await page.goto('/plans/upload');
      await page.getByLabel('Plan workbook or document').setInputFiles(file);
      await page.getByRole('button', { name: 'Preview the changes' }).click();
      await page.waitForURL((url) => url.pathname === '/plans/upload');
      const summary = page.locator('.govuk-error-summary');
      await expect(summary.getByText('There is a problem').count()).resolves.toBe(1);
      await expect(summary.innerText()).resolves.toContain(reason);
      await expect(page.title()).resolves.toMatch(/^Error: /);
      expect(await accessibilityViolations(page)).toEqual([]);
    }
    await page.goto('/plans/upload');
    await page.getByRole('button', { name: 'Preview the changes' }).click();
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain(
      'choose a plan workbook',
    );
    expect(await eventCount(server.ledgerStore)).toBe(before);
    await context.close();
  });

  it('refuses to confirm a preview of a plan that changed since, recording nothing', async () => {
    const files = [1, 2].map((n) =>
      kentPlanFile(server.directory, `kent-change-${n}.json`, (document) => {
        document.contributions[1]!.amountsPence['2017-18']! += n * 100;
        document.justification = `Kent BCF plan 2017-19 correction ${n}, finance officer's note of 1 February 2018`;
      }),
    );
    const context = await signedIn(browser, server.url, 'finance-officer');
    const [first, second] = await Promise.all([context.newPage(), context.newPage()]);
    for (const [page, file] of [
      [first, files[0]!],
      [second, files[1]!],
    ] as const) {
      await page.goto('/plans/upload');
      await page.getByLabel('Plan workbook or document').setInputFiles(file);
      await page.getByRole('button', { name: 'Preview the changes' }).click();
      await page.waitForURL((url) => url.pathname === '/plans/upload');
      expect(await h1(page)).toBe('Check the changes to plan kent-2017-19 before they are recorded');
    }
    await first.getByRole('button', { name: 'Confirm and record these changes' }).click();
    await first.waitForURL((url) => url.pathname === '/plans/kent-2017-19');
    const before = await eventCount(server.ledgerStore);
    await second.getByRole('button', { name: 'Confirm and record these changes' }).click();
    await second.waitForURL((url) => url.pathname === '/plans/upload/confirm');
    await expect(second.locator('.govuk-error-summary').innerText()).resolves.toContain(
      'the plan changed since the preview',
    );
    expect(await eventCount(server.ledgerStore)).toBe(before);
    await context.close();
  });

  it('reads a planning workbook (XLSX): the Medway plan as exported would change nothing, and nothing is recorded', async () => {
    const workbook = await exportedPlanWorkbook(
      server.ledgerStore,
      'medway-2017-19',
      join(server.directory, 'medway-2017-19.xlsx'),
    );
    const context = await signedIn(browser, server.url, 'programme-lead');
    const page = await context.newPage();
    const before = await eventCount(server.ledgerStore);
    await page.goto('/plans/upload');
    await page.getByLabel('Plan workbook or document').setInputFiles(workbook);
    await page.getByRole('button', { name: 'Preview the changes' }).click();
    await page.waitForURL((url) => url.pathname === '/plans/upload');
    expect(await h1(page)).toBe('Check the changes to plan medway-2017-19 before they are recorded');
    await expect(page.getByText('0 added, 0 changed, 0 removed').count()).resolves.toBe(1);
    await expect(
      page.locator('caption', { hasText: 'Checks of the plan as the upload would leave it' }).count(),
    ).resolves.toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await eventCount(server.ledgerStore)).toBe(before);
    await context.close();
  });

  it('refuses the upload form to a role the import route does not allow', async () => {
    const context = await signedIn(browser, server.url, 'auditor');
    const page = await context.newPage();
    const response = await page.goto('/plans/upload');
    expect(response?.status()).toBe(403);
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
