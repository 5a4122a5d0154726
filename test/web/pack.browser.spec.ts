import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser } from 'playwright-core';
import { adminToken, call } from '../faults/api-process';
import { runCli } from '../support/child-process';
import { unpack } from '../cli/pack-contents';
import {
  DemoServer,
  accessibilityViolations,
  describeInBrowser,
  launchChromium,
  signedIn,
  startDemoServer,
} from './support/browser';

describeInBrowser('the auditor pack page in Chromium', () => {
  let server: DemoServer;
  let browser: Browser;
  let scratch: string;

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'bcl-pack-web-'));
    [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('lets an auditor download the pack; its export verifies offline with bcl, and the download is in the access log', async () => {
    const context = await signedIn(browser, server.url, 'auditor');
    const page = await context.newPage();
    await page.goto('/pack');
    expect(await page.locator('h1').textContent()).toBe('Auditor pack');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Area').selectOption({ label: 'Kent' });
    await page.getByLabel('First day of the period').fill('2017-04-01');
    await page.getByLabel('Last day of the period').fill('2018-03-31');
    await page.getByRole('button', { name: 'Prepare the pack' }).click();
    await page.waitForURL((url) => url.searchParams.get('area') === 'kent');
    expect(await accessibilityViolations(page)).toEqual([]);
    const link = page.getByRole('link', {
      name: /^Download the auditor pack for Kent, 1 April 2017 to 31 March 2018/,
    });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), link.click()]);
    expect(download.suggestedFilename()).toBe('bcl-pack-kent-2017-04-01-to-2018-03-31.zip');
    const zipPath = join(scratch, 'pack.zip');
    await download.saveAs(zipPath);
    await context.close();

    const out = join(scratch, 'unpacked');
    const { names, manifest, sha256 } = await unpack(readFileSync(zipPath), out);
    expect(names).toEqual(expect.arrayContaining(['pack.pdf', 'events.ndjson', 'digest.json', 'README.txt']));
    for (const file of manifest.files) expect(sha256[file.name]).toBe(file.sha256);
    const verified = await runCli(['verify', '--file', 'events.ndjson', '--digest', 'digest.json'], {
      cwd: out,
    });
    expect(verified).toMatchObject({ code: 0, stderr: '' });
    expect(verified.stdout).toContain(`digest at position ${manifest.head.position} matched`);

    // the download is a GET page view: the access log holds it, under the subject the pack names
    const log = await call(`${server.url}/api/access-log?resource=/pack/download`, {
      token: await adminToken('pack-spec-admin'),
    });
    expect(log.status).toBe(200);
    const entries = (log.body as { items: { subject: string; resource: string; status: number }[] }).items;
    expect(entries).toEqual([
      expect.objectContaining({
        subject: manifest.generatedBy,
        resource: '/pack/download?area=kent&from=2017-04-01&to=2018-03-31',
        status: 200,
      }),
    ]);
  }, 180_000);

  it('refuses a second pack for the same person while the first is being made (429), and makes the first', async () => {
    const context = await signedIn(browser, server.url, 'auditor');
    const url = '/pack/download?area=rutland&from=2016-04-01&to=2017-03-31';
    const answers = await Promise.all([context.request.get(url), context.request.get(url)]);
    expect(answers.map((answer) => answer.status()).sort()).toEqual([200, 429]);
    const refused = answers.find((answer) => answer.status() === 429)!;
    expect(await refused.text()).toContain('your previous pack is still being made');
    await context.close();
  }, 180_000);

  it('shows what to fix in an error summary, with JavaScript off, and makes no pack', async () => {
    const context = await signedIn(browser, server.url, 'admin', { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/pack?area=kent&from=2018-04-01&to=2018-03-31');
    expect(await page.title()).toMatch(/^Error: Auditor pack/);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('must not be after to');
    expect(await page.getByRole('link', { name: /^Download the auditor pack/ }).count()).toBe(0);
    await context.close();
    const checking = await signedIn(browser, server.url, 'admin');
    const checked = await checking.newPage();
    await checked.goto('/pack?area=kent&from=2018-04-01&to=2018-03-31');
    expect(await accessibilityViolations(checked)).toEqual([]);
    await checking.close();
  }, 60_000);

  it('refuses the page and the download to a role that may not see the whole log', async () => {
    const context = await signedIn(browser, server.url, 'finance-officer');
    const page = await context.newPage();
    expect((await page.goto('/pack'))!.status()).toBe(403);
    const download = await context.request.get('/pack/download?area=kent&from=2017-04-01&to=2018-03-31');
    expect(download.status()).toBe(403);
    await context.close();
  }, 60_000);
});
