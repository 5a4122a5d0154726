import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { Browser, BrowserContext, Page, chromium } from 'playwright-core';
import { ApiProcess, startApiProcess } from '../../faults/api-process';
import { describeNeeding } from '../../support/servers';

/** Debian's Chromium (`apt-get install chromium`); npm cannot download a browser here. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** Without the networking flags Chromium floods the closed network with refused connections. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
/** The WCAG 2.2 AA rules, as axe tags them. */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * describe() for a browser suite: runs where Debian's Chromium is installed; else skipped with the reason, or
 * failed where REQUIRE_BROWSER=1 (CI sets it: the browser suite is mandatory there).
 */
export function describeInBrowser(title: string, body: () => void): void {
  describeNeeding(
    title,
    existsSync(CHROMIUM)
      ? { value: CHROMIUM }
      : { reason: `${CHROMIUM} is not installed (apt-get install chromium)` },
    { flag: 'REQUIRE_BROWSER=1', set: process.env.REQUIRE_BROWSER === '1', what: 'Chromium' },
    () => body(),
  );
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** The built server (`npm start`'s process) on a scratch SQLite store holding the demo data, and its folder. */
export interface DemoServer extends ApiProcess {
  directory: string;
  ledgerStore: string;
  close(): Promise<void>;
}

export async function startDemoServer(settings: Record<string, string> = {}): Promise<DemoServer> {
  const directory = mkdtempSync(join(tmpdir(), 'bcl-web-'));
  const ledgerStore = `sqlite:${join(directory, 'ledger.db')}`;
  const server = await startApiProcess(ledgerStore, { LEDGER_DEMO_DATA: 'load', ...settings });
  return {
    ...server,
    directory,
    ledgerStore,
    close: async () => {
      await server.stop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/**
 * A browser context signed in through the development sign-in page as `role` (and `personId`, for acts done in
 * a post), as a user would: fill the form, press the button. `javaScriptEnabled: false` reads with scripts off.
 */
export async function signedIn(
  browser: Browser,
  baseUrl: string,
  role: string,
  options: { personId?: string; javaScriptEnabled?: boolean } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel(role, { exact: true }).check();
  if (options.personId) await page.getByLabel('Person id (optional)').fill(options.personId);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await page.close();
  return context;
}

/** The axe violations (WCAG 2.2 AA) of the page as it is now, as `rule: target` lines (empty when none). */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  return violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} (${violation.help})`),
  );
}
