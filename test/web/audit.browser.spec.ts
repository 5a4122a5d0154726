import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { runCli } from '../support/child-process';
import {
  DemoServer,
  accessibilityViolations,
  describeInBrowser,
  launchChromium,
  signedIn,
  startDemoServer,
} from './support/browser';

/** The value beside a key in a GOV.UK summary list. */
async function summaryValue(page: Page, list: string, key: string): Promise<string> {
  const row = page.locator(`${list} .govuk-summary-list__row`).filter({
    has: page.locator('.govuk-summary-list__key', { hasText: new RegExp(`^\\s*${key}\\s*$`) }),
  });
  return (await row.locator('.govuk-summary-list__value').innerText()).trim();
}

/** The positions of the events a page of the events browser shows, from their card titles. */
async function positionsShown(page: Page): Promise<number[]> {
  const titles = await page.locator('.govuk-summary-card__title').allInnerTexts();
  return titles.map((title) => Number(/^Position (\d+):/.exec(title)?.[1]));
}

describeInBrowser('the auditor pages in Chromium: verify, the events browser and the access log', () => {
  let server: DemoServer;
  let browser: Browser;
  let auditor: BrowserContext;
  const bcl = (...args: string[]) => runCli(['--store', server.ledgerStore, ...args]);

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
    auditor = await signedIn(browser, server.url, 'auditor');
  }, 120_000);
  afterAll(async () => {
    await auditor?.close();
    await browser?.close();
    await server?.close();
  });

  it('verifies the log on demand, with the same count and head hash as bcl verify', async () => {
    const cli = await bcl('verify');
    expect(cli.code).toBe(0);
    const [, count, position, head] =
      /^OK: (\d+) events in the store verified, last position (\d+), head ([0-9a-f]{64})/m.exec(cli.stdout) ??
      [];
    expect(Number(count)).toBeGreaterThan(100);

    const page = await auditor.newPage();
    await page.goto('/verify');
    expect(await accessibilityViolations(page)).toEqual([]);
    await expect(page.locator('#offline-command').innerText()).resolves.toBe(
      'npx bcl verify --file <export.ndjson> --digest <digest.json>',
    );
    await page.getByRole('button', { name: 'Verify now' }).click();
    await page.getByRole('heading', { name: 'The log verifies' }).waitFor();
    await expect(summaryValue(page, '#verification', 'Events checked')).resolves.toBe(count);
    await expect(summaryValue(page, '#verification', 'Head position')).resolves.toBe(position);
    await expect(summaryValue(page, '#verification', 'Head hash')).resolves.toBe(head);
    await expect(summaryValue(page, '#verification', 'First break')).resolves.toBe('None');
    await expect(summaryValue(page, '#verification', 'Time taken')).resolves.toMatch(
      new RegExp(`^${count} events in \\d+ ms$`),
    );
    const checkedAt = await summaryValue(page, '#verification', 'Checked at');
    expect(new Date(checkedAt).toISOString()).toBe(checkedAt);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it('checks the log against an uploaded digest: one from bcl digest or from the page matches, an altered one shows the first difference', async () => {
    const good = join(server.directory, 'digest.json');
    expect((await bcl('digest', '--out', good)).code).toBe(0);
    const digest = JSON.parse(readFileSync(good, 'utf8')) as { hash: string; position: string };
    const altered = join(server.directory, 'altered-digest.json');
    const otherHash = digest.hash.replace(/^./, (digit) => (digit === '0' ? '1' : '0'));
    writeFileSync(altered, JSON.stringify({ ...digest, hash: otherHash }));

    const page = await auditor.newPage();
    await page.goto('/verify');
    await page.getByLabel('Digest file').setInputFiles(good);
    const checked = page.waitForResponse((response) => new URL(response.url()).pathname === '/verify/digest');
    await page.getByRole('button', { name: 'Check against the digest' }).click();
    expect((await checked).status()).toBe(200);
    await page.getByRole('heading', { name: 'The digest matches the log' }).waitFor();
    await expect(summaryValue(page, '#digest-check', 'Position the digest covers')).resolves.toBe(
      digest.position,
    );
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Digest file').setInputFiles(altered);
    await page.getByRole('button', { name: 'Check against the digest' }).click();
    await page.getByRole('heading', { name: 'The digest does not match the log' }).waitFor();
    await expect(summaryValue(page, '#digest-check', 'Hash in the digest')).resolves.toBe(otherHash);
    await expect(summaryValue(page, '#digest-check', 'Hash in the log at that position')).resolves.toBe(
      digest.hash,
    );
    await expect(summaryValue(page, '#digest-check', 'First difference')).resolves.toBe(
      `position ${digest.position}: this is not the event the digest covers: the log was rewritten`,
    );
    expect(await accessibilityViolations(page)).toEqual([]);

    // the run is kept: the home page shows this last check, against the altered digest
    await page.goto('/');
    await expect(page.locator('#last-verified').innerText()).resolves.toMatch(
      new RegExp(
        `by development:auditor \\(web\\): broken at ${digest.position}; against the digest at position ${digest.position}: not matched\\.$`,
      ),
    );
    await page.goto('/verify');

    const notADigest = join(server.directory, 'not-a-digest.json');
    writeFileSync(notADigest, '{"format":"something-else"}');
    await page.getByLabel('Digest file').setInputFiles(notADigest);
    await page.getByRole('button', { name: 'Check against the digest' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain(
      "the digest file's format is not bcl-digest/1",
    );
    await expect(page.title()).resolves.toMatch(/^Error: /);
    expect(await accessibilityViolations(page)).toEqual([]);

    const taken = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download a digest of the log now' }).click();
    const fromPage = (await (await taken).path())!;
    expect(JSON.parse(readFileSync(fromPage, 'utf8'))).toEqual({ ...digest, takenAt: expect.any(String) });
    await page.getByLabel('Digest file').setInputFiles(fromPage);
    await page.getByRole('button', { name: 'Check against the digest' }).click();
    await page.getByRole('heading', { name: 'The digest matches the log' }).waitFor();

    const tooLarge = join(server.directory, 'too-large.json');
    writeFileSync(tooLarge, ' '.repeat(17 * 1024));
    await page.getByLabel('Digest file').setInputFiles(tooLarge);
    const refused = page.waitForResponse((response) => new URL(response.url()).pathname === '/verify/digest');
    await page.getByRole('button', { name: 'Check against the digest' }).click();
    expect((await refused).status()).toBe(413);
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain(
      'The file is too large to be a digest',
    );
    await page.close();
  });

  it('refuses the events browser to a user without the role, with the reason, and logs the refused view', async () => {
    const finance = await signedIn(browser, server.url, 'finance-officer');
    const page = await finance.newPage();
    const response = await page.goto('/events');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(
      'You cannot see this page',
    );
    await expect(page.locator('main').innerText()).resolves.toContain(
      'this page needs one of the roles auditor, admin; you are signed in as finance-officer',
    );
    await expect(page.locator('.govuk-summary-card').count()).resolves.toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect((await page.goto('/audit/access-log'))?.status()).toBe(403);
    expect((await page.goto('/verify'))?.status()).toBe(200);
    await finance.close();

    const log = await auditor.newPage();
    await log.goto('/audit/access-log?subject=development%3Afinance-officer');
    const rows = await log.locator('#access-entries tbody tr').allInnerTexts();
    const cells = rows.map((row) => row.split('\t').map((cell) => cell.trim()));
    const entries = cells.map(([, subject, , method, resource, status]) => [
      subject,
      method,
      resource,
      status,
    ]);
    // In the order they happened, after the home page the sign-in lands on.
    expect(entries.filter(([, , resource]) => resource !== '/')).toEqual([
      ['development:finance-officer', 'GET', '/events', '403'],
      ['development:finance-officer', 'GET', '/audit/access-log', '403'],
      ['development:finance-officer', 'GET', '/verify', '200'],
    ]);
    await log.close();
  });

  it("logs every page's refusal and error once: a 403 on another page, a form refused its CSRF token, a 404", async () => {
    const page = await auditor.newPage();
    const refused = await page.goto('/plans/upload?from=audit-spec');
    expect(refused?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(
      'You cannot see this page',
    );
    expect((await page.goto('/events/streams/no-such-stream-from-audit-spec'))?.status()).toBe(404);
    await page.close();
    const forged = await auditor.request.post('/verify?from=audit-spec', { form: { _csrf: 'forged' } });
    expect(forged.status()).toBe(403);

    const csv = await (
      await auditor.request.get('/audit/access-log?subject=development%3Aauditor&format=csv')
    ).text();
    const entries = csv
      .split('\r\n')
      .map((line) => line.split(','))
      .filter(
        ([, , , , , resource]) =>
          resource?.includes('from-audit-spec') || resource?.includes('from=audit-spec'),
      )
      .map(([, , subject, roles, method, resource, status]) => [subject, roles, method, resource, status]);
    expect(entries).toEqual([
      ['development:auditor', 'auditor', 'GET', '/plans/upload?from=audit-spec', '403'],
      ['development:auditor', 'auditor', 'GET', '/events/streams/no-such-stream-from-audit-spec', '404'],
      ['development:auditor', 'auditor', 'POST', '/verify?from=audit-spec', '403'],
    ]);
  });

  it('lets an auditor page through the log and through a stream, each event with its data and hash', async () => {
    const page = await auditor.newPage();
    await page.goto('/events');
    expect(await positionsShown(page)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const first = page.locator('#event-1');
    await expect(first.locator('pre').first().innerText()).resolves.toContain('"organisationId"');
    await expect(first.getByText('0'.repeat(64)).count()).resolves.toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Next page' }).click();
    await page.waitForURL((url) => url.search === '?after=50');
    expect(await positionsShown(page)).toEqual(Array.from({ length: 50 }, (_, i) => i + 51));
    await page.getByRole('link', { name: 'Previous page' }).click();
    await page.waitForURL((url) => url.pathname === '/events' && url.search === '');

    await page.getByLabel('Go to a stream').fill('plan-kent-2017-19');
    await page.getByRole('button', { name: 'Show the stream' }).click();
    await page.waitForURL((url) => url.pathname === '/events/streams/plan-kent-2017-19');
    const revisions = async () =>
      (
        await page.locator('.govuk-summary-list__row', { hasText: 'Revision in its stream' }).allInnerTexts()
      ).map((text) => Number(/(\d+)\s*$/.exec(text)?.[1]));
    expect(await revisions()).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Next page' }).click();
    await page.waitForURL((url) => url.search === '?after=49');
    const rest = await revisions();
    expect(rest[0]).toBe(50);
    expect(rest).toEqual(Array.from({ length: rest.length }, (_, i) => i + 50));
    await expect(page.getByRole('link', { name: 'Next page' }).count()).resolves.toBe(0);

    await page.goto('/events/streams/no-such-stream');
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('No such stream');
    await page.close();
  });

  it("shows the auditor's own page views in the access log, filtered by subject, and as CSV", async () => {
    const page = await auditor.newPage();
    await page.goto('/audit/access-log');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Subject').fill('development:auditor');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL((url) => url.searchParams.get('subject') === 'development:auditor');
    const resources = await page.locator('#access-entries tbody tr td:nth-child(5)').allInnerTexts();
    expect(resources).toEqual(expect.arrayContaining(['/verify', '/events', '/events?after=50']));
    const subjects = new Set(await page.locator('#access-entries tbody tr td:nth-child(2)').allInnerTexts());
    expect([...subjects]).toEqual(['development:auditor']);
    expect(await accessibilityViolations(page)).toEqual([]);

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'CSV of every entry this filter finds' }).click();
    const csv = readFileSync((await (await download).path())!, 'utf8').split('\r\n');
    expect(csv[0]).toBe('id,at,subject,roles,method,resource,status,correlationId');
    expect(csv.filter((line) => line.includes(',development:auditor,auditor,GET,/verify,200,'))).not.toEqual(
      [],
    );

    await page.goto('/audit/access-log?from=2017-02-30');
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain(
      'From must be a real date',
    );
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it('reads every auditor page, and verifies, with JavaScript off', async () => {
    const reading = await signedIn(browser, server.url, 'auditor', { javaScriptEnabled: false });
    const page = await reading.newPage();
    await page.goto('/verify');
    await page.getByRole('button', { name: 'Verify now' }).click();
    await page.getByRole('heading', { name: 'The log verifies' }).waitFor();
    await page.goto('/events');
    await page.getByRole('link', { name: 'organisation-kent-county-council' }).first().click();
    await page.waitForURL((url) => url.pathname === '/events/streams/organisation-kent-county-council');
    await expect(page.locator('.govuk-summary-card').count()).resolves.toBeGreaterThan(0);
    await page.goto('/audit/access-log');
    await expect(page.getByRole('table').count()).resolves.toBe(1);
    await reading.close();
  });
});
