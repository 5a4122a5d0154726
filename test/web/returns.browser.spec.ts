import ExcelJS from 'exceljs';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { signDevelopmentToken } from '@bcl/identity';
import { cellLocations, readReturnTemplate, returnLayout } from '@bcl/quarterly-returns';
import { readWholeLog } from '../support/read-log';
import { withEventStore } from '../support/durable-stores';
import {
  DemoServer,
  accessibilityViolations,
  describeInBrowser,
  launchChromium,
  signedIn,
  startDemoServer,
} from './support/browser';

const Q1 = 'southend-on-sea-2016-17-q1';
const Q4 = 'southend-on-sea-2016-17-q4';
/** A draft the spec issues through the API (Southend's four returns are all submitted, so locked). */
const DRAFT = 'medway-2016-17-q1';
const TEMPLATE = readReturnTemplate('bcf-quarterly-2016-17');

describeInBrowser('the quarterly returns pages in Chromium', () => {
  let server: DemoServer;
  let browser: Browser;
  let financeToken: string;

  const eventCount = () =>
    withEventStore(server.ledgerStore, async (store) => (await readWholeLog(store)).length);

  /** The return's workbook as the API exports it, with `changes` (field id → value) written in its cells. */
  async function editedWorkbook(returnId: string, quarter: 1 | 4, changes: Record<string, string | number>) {
    const answer = await fetch(`${server.url}/api/returns/${returnId}/export?format=xlsx`, {
      headers: { authorization: `Bearer ${financeToken}` },
    });
    expect(answer.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await answer.arrayBuffer());
    const where = cellLocations(returnLayout(TEMPLATE, quarter));
    for (const [field, value] of Object.entries(changes)) {
      const cell = where.get(field)!;
      workbook.getWorksheet(cell.sheet)!.getCell(cell.row, cell.column).value = value;
    }
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  async function uploadPreview(page: Page, returnId: string, workbook: Buffer) {
    await page.goto(`/returns/${returnId}/upload`);
    await page.getByLabel('Return workbook (.xlsx, at most 5 MB)').setInputFiles({
      name: `${returnId}.xlsx`,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: workbook,
    });
    await page.getByLabel('Why are you filling the return from this workbook?').fill('the completed return');
    await page.getByRole('button', { name: 'Preview the changes' }).click();
    await page.waitForLoadState();
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
    financeToken = await signDevelopmentToken({
      roles: ['finance-officer'],
      subject: 'returns-spec',
      personId: 'p-returns-spec',
    });
    const issued = await fetch(`${server.url}/api/returns`, {
      method: 'POST',
      headers: { authorization: `Bearer ${financeToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        areaId: 'medway',
        financialYear: '2016-17',
        quarter: 1,
        reason: 'a draft to upload to',
        effectiveOn: '2016-07-01',
      }),
    });
    expect(issued.status).toBe(201);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('reads Southend Q1 2016-17 as submitted and as restated, with its checks, sign-off and history, JavaScript off', async () => {
    const reading: BrowserContext = await signedIn(browser, server.url, 'auditor', {
      javaScriptEnabled: false,
    });
    const page = await reading.newPage();
    await page.goto('/returns');
    await page.getByRole('link', { name: 'Southend-on-Sea Q1 2016-17' }).click();
    expect(new URL(page.url()).pathname).toBe(`/returns/${Q1}`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Q1 2016-17 return: as submitted and as restated',
    );
    const cover = page.getByRole('table', { name: '1. Cover' });
    await expect(cover.getByRole('columnheader').allTextContents()).resolves.toEqual([
      'Cell',
      'As submitted',
      'As restated',
      'Source',
    ]);
    const hwb = cover.getByRole('row').filter({ hasText: 'cover.hwb' });
    await expect(hwb.getByRole('cell').allTextContents()).resolves.toEqual([
      'Southend-on-Sea',
      'Southend-on-Sea',
      expect.stringContaining(
        'Filled from the ledger: name of HWB area southend-on-sea (stream hwb-area-southend-on-sea',
      ),
    ]);
    for (const caption of ['3. National Conditions', '4. I&E', '7. Narrative'])
      await expect(page.getByRole('table', { name: caption }).count()).resolves.toBe(1);
    // No later quarter amended Q1 in the demo data: each cell is the same on both sides.
    await expect(page.getByText("No later return has amended this return's figures").count()).resolves.toBe(
      1,
    );
    await expect(page.getByText('Restated', { exact: true }).count()).resolves.toBe(0);
    const late = page
      .getByRole('table', { name: /rules and the reviewer's checks/ })
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: 'Q2', exact: true }) });
    await expect(late.textContent()).resolves.toMatch(/warning\s+fail[\s\S]*late[\s\S]*004:1181/);
    const signOff = page.getByRole('table', { name: /Approvals of this return/ });
    await expect(signOff.textContent()).resolves.toContain('Cllr Lesley Salter');
    await expect(
      signOff.getByRole('link', { name: 'Body: Southend Health & Wellbeing Board' }).getAttribute('href'),
    ).resolves.toBe('/decisions/bodies/southend-hwb');
    await expect(
      page
        .getByRole('table', { name: /Every event of the return/ })
        .getByRole('row')
        .count(),
    ).resolves.toBe(6);
    await expect(page.getByRole('link', { name: 'workbook (XLSX)' }).getAttribute('href')).resolves.toBe(
      `/api/returns/${Q1}/export?format=xlsx`,
    );
    // Q2 carries Q1's figures: its source names the return they were returned in.
    await page.goto('/returns/southend-on-sea-2016-17-q2');
    await expect(page.getByRole('link', { name: Q1 }).count()).resolves.toBeGreaterThan(0);
    await reading.close();
  });

  it('shows a return from a viewpoint before it was submitted, and its JSON as restated', async () => {
    const context = await signedIn(browser, server.url, 'auditor');
    const page = await context.newPage();
    await page.goto(`/returns/${Q1}?asAt=2016-08-01`);
    await expect(page.getByText('issued, version 1', { exact: true }).count()).resolves.toBe(1);
    const restated = await page.request.get(`/api/returns/${Q1}?basis=as-restated`, {
      headers: { authorization: `Bearer ${financeToken}` },
    });
    expect(((await restated.json()) as { basis: string }).basis).toBe('as-restated');
    await context.close();
  });

  it('has no axe violations on the returns list and the return page', async () => {
    const context = await signedIn(browser, server.url, 'auditor');
    const page = await context.newPage();
    for (const path of ['/returns', `/returns/${Q1}`]) {
      await page.goto(path);
      expect(await accessibilityViolations(page)).toEqual([]);
    }
    await context.close();
  });

  it('previews an upload without recording anything, then records it on confirmation', async () => {
    const context = await signedIn(browser, server.url, 'finance-officer', { personId: 'p-0001' });
    const page = await context.newPage();
    await page.goto(`/returns/${DRAFT}/upload`);
    expect(await accessibilityViolations(page)).toEqual([]);
    const workbook = await editedWorkbook(DRAFT, 1, { 'cover.completedBy': 'Jane Smith' });
    const before = await eventCount();
    await uploadPreview(page, DRAFT, workbook);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Check the changes before they are recorded',
    );
    const changes = page.getByRole('table', { name: 'Cells the workbook would change' }).getByRole('row');
    await expect(changes.count()).resolves.toBe(2);
    await expect(changes.nth(1).getByRole('cell').allTextContents()).resolves.toEqual([
      '1. Cover',
      expect.stringContaining('cover.completedBy'),
      'Not given',
      'Jane Smith',
    ]);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await eventCount()).toBe(before);
    await page.getByRole('button', { name: 'Record these changes' }).click();
    await page.waitForURL((url) => url.pathname === `/returns/${DRAFT}`);
    expect(await eventCount()).toBe(before + 1);
    await expect(page.getByText('recorded as version 2').count()).resolves.toBe(1);
    const completedBy = page.getByRole('table', { name: '1. Cover' }).getByRole('row').filter({
      hasText: 'cover.completedBy',
    });
    await expect(completedBy.getByRole('cell').first().textContent()).resolves.toBe('Jane Smith');
    await context.close();
  });

  it('offers the upload only to the roles that may fill a return', async () => {
    const context = await signedIn(browser, server.url, 'auditor');
    const page = await context.newPage();
    const answer = await page.goto(`/returns/${DRAFT}/upload`);
    expect(answer?.status()).toBe(403);
    await page.goto(`/returns/${DRAFT}`);
    await expect(page.getByRole('link', { name: 'Upload a workbook for this return' }).count()).resolves.toBe(
      0,
    );
    await context.close();
  });

  it('refuses an upload with bad or locked cells with the error summary, recording nothing', async () => {
    const context = await signedIn(browser, server.url, 'finance-officer');
    const page = await context.newPage();
    const before = await eventCount();
    // A cell the ledger pre-filled is never retyped, and a count must be a whole number.
    const retyped = await editedWorkbook(DRAFT, 1, { 'cover.hwb': 'Somewhere else' });
    await uploadPreview(page, DRAFT, retyped);
    const summary = page.getByRole('alert');
    await expect(summary.textContent()).resolves.toMatch(
      /There is a problem: nothing was recorded[\s\S]*1\. Cover, row \d+, cover\.hwb: /,
    );
    await expect(page.getByRole('table', { name: /Cells refused/ }).count()).resolves.toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    const badCount = await editedWorkbook(DRAFT, 1, { 'additional.phb.new': 'lots' });
    await uploadPreview(page, DRAFT, badCount);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('additional.phb.new');
    await uploadPreview(page, DRAFT, Buffer.alloc(5 * 1024 * 1024 + 1, 1));
    await expect(page.getByRole('alert').textContent()).resolves.toContain('larger than 5 MB');
    expect(await accessibilityViolations(page)).toEqual([]);
    // Southend's Q4 return was submitted: it is locked.
    const locked = await editedWorkbook(Q4, 4, { 'cover.completedBy': 'Someone Else' });
    await uploadPreview(page, Q4, locked);
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/submitted/);
    expect(await eventCount()).toBe(before);
    await context.close();
  });
});
