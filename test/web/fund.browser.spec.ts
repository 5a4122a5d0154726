import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { Browser, BrowserContext, Page } from 'playwright-core';
import {
  DemoServer,
  accessibilityViolations,
  describeInBrowser,
  launchChromium,
  signedIn,
  startDemoServer,
} from './support/browser';

const MEDWAY = '/fund/medway-bcf/2017-18';
const SOUTHEND = '/fund/southend-bcf/2016-17';

/** RFC 4180 rows: quoted fields may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && c === '"') quoted = false;
    else if (quoted) field += c;
    else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

/** The rows of the table whose caption starts with `caption`, as the cells' text (header row first). */
async function tableRows(page: Page, caption: string): Promise<string[][]> {
  const table = page.locator('table', { has: page.locator('caption', { hasText: caption }) });
  return table
    .locator('tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())),
    );
}

describeInBrowser(
  'the pooled fund pages in Chromium: positions, charts, reconciliation and downloads',
  () => {
    let server: DemoServer;
    let browser: Browser;
    let finance: BrowserContext;

    beforeAll(async () => {
      [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
      finance = await signedIn(browser, server.url, 'finance-officer');
    }, 120_000);
    afterAll(async () => {
      await finance?.close();
      await browser?.close();
      await server?.close();
    });

    it('a finance officer sees the Medway 2017-18 £50,000 gap on the fund page and downloads the workbook', async () => {
      const page = await finance.newPage();
      await page.goto('/fund');
      await page.getByRole('link', { name: 'medway-bcf 2017-18' }).click();
      await page.waitForURL((url) => url.pathname === MEDWAY);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'Medway BCF pooled budget (including the iBCF) 2017-18',
      );
      const exceptions = await tableRows(page, 'Findings that do not agree');
      expect(exceptions).toContainEqual([
        'schemes-equal-pooled-fund: plan expenditure by scheme',
        '£24,531,862.00',
        '£24,481,862.00',
        '£50,000.00',
        'discrepancy',
      ]);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Download the reconciliation workbook (XLSX)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('reconciliation-medway-bcf-2017-18.xlsx');
      const bytes = readFileSync(await download.path());
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Summary', 'Findings']);
      const findings = workbook.getWorksheet('Findings')!;
      const gap = findings
        .getSheetValues()
        .find((row) => Array.isArray(row) && row[1] === 'schemes-equal-pooled-fund');
      expect(gap).toBeDefined();
      expect((gap as unknown[])[8]).toBe(50_000); // Difference (£)
      expect((gap as unknown[])[9]).toBe(5_000_000); // Difference (pence)
      // the reconciliation page: every finding, stated against computed, with who stated each figure
      await page.getByRole('link', { name: 'Every finding, with the source of each figure' }).click();
      const all = await tableRows(page, 'Findings: stated against computed');
      const stated = all.find((row) => row[0]?.startsWith('schemes-equal-pooled-fund'))!;
      expect(stated[2]).toBe('plan: Medway BCF plan 2017-19, proposed pooled BCF budget (001:331-333)');
      expect(stated[5]).toBe('£50,000.00');
      await page.close();
    });

    it('draws each chart as an SVG image with a name and a table beside it, and its CSV parses', async () => {
      const page = await finance.newPage();
      await page.goto(MEDWAY);
      const charts = page.locator('figure.bcl-chart');
      // Medway posts nothing: no quarter chart (nothing to draw), the schemes' budgets against no spend
      await expect(charts.count()).resolves.toBe(1);
      await page.goto(SOUTHEND);
      await expect(charts.count()).resolves.toBe(2);
      for (const figure of await charts.all()) {
        const svg = figure.locator('svg[role="img"]');
        await expect(svg.count()).resolves.toBe(1);
        await expect(svg.getAttribute('aria-label')).resolves.toMatch(
          /^Bar chart of .*southend-bcf 2016-17$/,
        );
        await expect(figure.locator('svg[role="img"] > title').count()).resolves.toBe(1);
        // a table with a caption follows each chart
        await expect(
          figure.evaluate((node) => {
            let next = node.nextElementSibling;
            while (next && next.tagName !== 'TABLE') next = next.nextElementSibling;
            return next?.querySelector('caption')?.textContent?.trim() ?? null;
          }),
        ).resolves.toBeTruthy();
      }
      await expect(page.locator('svg g[aria-label]').count()).resolves.toBe(0);

      const quarters = await page.request.get(`${SOUTHEND}/quarters.csv`);
      expect(quarters.headers()['content-type']).toBe('text/csv; charset=utf-8');
      expect(quarters.headers()['content-disposition']).toBe(
        'attachment; filename="quarters-southend-bcf-2016-17.csv"',
      );
      const rows = parseCsv(await quarters.text());
      expect(rows[0]!.slice(0, 3)).toEqual(['quarter', 'contributions_ledger_pence', 'spend_ledger_pence']);
      expect(rows.slice(1).map((r) => r.slice(0, 3))).toEqual([
        ['1', '328276300', '328276300'],
        ['2', '328276200', '328276200'],
        ['3', '328276200', '328276200'],
        ['4', '328276200', '328276200'],
      ]);

      const schemes = parseCsv(await (await page.request.get(`${MEDWAY}/schemes.csv`)).text());
      expect(schemes[0]).toEqual([
        'scheme_id',
        'scheme',
        'budget_pence',
        'budget_source',
        'actual_pence',
        'difference_pence',
      ]);
      expect(schemes).toHaveLength(16);
      expect(schemes.slice(1).reduce((sum, row) => sum + Number(row[2]), 0)).toBe(2_448_186_200);
      const findings = parseCsv(await (await page.request.get(`${MEDWAY}/reconciliation.csv`)).text());
      expect(findings.find((row) => row[0] === 'schemes-equal-pooled-fund')?.[7]).toBe('5000000');
      await page.close();
    });

    it('shows Southend 2016-17 contributions and spend by quarter, and the position as at a date', async () => {
      const page = await finance.newPage();
      await page.goto(SOUTHEND);
      const quarters = await tableRows(page, 'Contributions and spend by quarter');
      expect(quarters.slice(1).map((row) => row.slice(0, 3))).toEqual([
        ['Q1', '£3,282,763.00', '£3,282,763.00'],
        ['Q2', '£3,282,762.00', '£3,282,762.00'],
        ['Q3', '£3,282,762.00', '£3,282,762.00'],
        ['Q4', '£3,282,762.00', '£3,282,762.00'],
        ['Year', '£13,131,049.00', '£13,131,049.00'],
      ]);
      await page.getByLabel('As at (in effect on)').fill('2016-09-30');
      await page.getByRole('button', { name: 'Show' }).click();
      await page.waitForURL((url) => url.searchParams.get('asAt') === '2016-09-30');
      const asAt = await tableRows(page, 'Contributions and spend by quarter');
      expect(asAt.slice(1).map((row) => row.slice(0, 3))).toEqual([
        ['Q1', '£3,282,763.00', '£3,282,763.00'],
        ['Q2', '£3,282,762.00', '£3,282,762.00'],
        ['Q3', '£0.00', '£0.00'],
        ['Q4', '£0.00', '£0.00'],
        ['Year', '£6,565,525.00', '£6,565,525.00'],
      ]);
      // the partner view and the transactions keep the viewpoint
      await page.getByRole('link', { name: /^southend-on-sea-borough-council/ }).click();
      expect(new URL(page.url()).searchParams.get('asAt')).toBe('2016-09-30');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'southend-on-sea-borough-council',
      );
      await page.goto(`${SOUTHEND}/transactions?asAt=2016-09-30`);
      const transactions = await tableRows(page, 'Transactions, their postings');
      expect(transactions).toHaveLength(1 + 6);
      await page.close();
    });

    it('answers an unknown pool-year with a page saying so', async () => {
      const page = await finance.newPage();
      const answer = await page.goto('/fund/no-such-pool/2017-18');
      expect(answer?.status()).toBe(404);
      await expect(page.locator('h1').textContent()).resolves.toBe('Not found');
      await page.close();
    });

    it('reads with JavaScript off', async () => {
      const reading = await signedIn(browser, server.url, 'auditor', { javaScriptEnabled: false });
      const page = await reading.newPage();
      await page.goto(MEDWAY);
      await expect(page.getByText('£50,000.00').count()).resolves.toBeGreaterThan(0);
      await expect(page.locator('svg[role="img"]').count()).resolves.toBe(1);
      await page.goto(`${MEDWAY}/reconciliation`);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Reconciliation');
      // Rutland's position: £317k brought forward (£200k + £117k) and the £101k risk-share reserve
      await page.goto('/fund/rutland-bcf/2016-17');
      const position = await page
        .locator('.govuk-summary-list__row')
        .evaluateAll((rows) => rows.map((row) => (row.textContent ?? '').replace(/\s+/g, ' ').trim()));
      expect(position).toContain('Brought forward from the previous year £317,000.00');
      expect(position).toContain('Reserve: risk-share £101,000.00');
      await reading.close();
    });

    it('has no accessibility violations (axe, WCAG 2.2 AA) on any fund page', async () => {
      const page = await finance.newPage();
      const pages = [
        '/fund',
        MEDWAY,
        SOUTHEND,
        '/fund/kent-bcf/2017-18',
        '/fund/rutland-bcf/2016-17',
        `${MEDWAY}/reconciliation`,
        `${SOUTHEND}/transactions`,
        `${SOUTHEND}/partners/southend-on-sea-borough-council`,
      ];
      for (const path of pages) {
        await page.goto(path);
        expect({ path, violations: await accessibilityViolations(page) }).toEqual({ path, violations: [] });
      }
      await page.close();
    });
  },
);
