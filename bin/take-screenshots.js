#!/usr/bin/env node
'use strict';
// Takes the README's screenshots of the pages (docs/screenshots/*.png) from the built server on a scratch store
// holding the demo data, in Debian's Chromium. Run after `npm run build`: `node bin/take-screenshots.js`.
const { spawn } = require('node:child_process');
const { mkdtempSync, mkdirSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, 'docs', 'screenshots');
// [file, page, role, what to scroll to the top of the picture: a heading's name, or a CSS selector]
const SHOTS = [
  ['plan-kent-2017-19.png', '/plans/kent-2017-19?asAt=2017-09-11', 'auditor', /sign-off/i],
  ['fund-medway-2017-18.png', '/fund/medway-bcf/2017-18', 'finance-officer', /reconciliation/i],
  ['fund-southend-2016-17.png', '/fund/southend-bcf/2016-17', 'finance-officer', /quarter/i],
  ['decisions-timeline.png', '/decisions?bodyId=kent-hwb', 'governance-officer', '.moj-timeline'],
];

function startServer(store) {
  const child = spawn(process.execPath, ['-r', './bin/register-aliases.js', 'dist/apps/server/src/main.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      LEDGER_STORE: `sqlite:${store}`,
      PORT: '0',
      LOG_LEVEL: 'silent',
      LEDGER_DEMO_DATA: 'load',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve({ child, url: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening`)));
  });
}

async function main() {
  const directory = mkdtempSync(path.join(tmpdir(), 'bcl-shots-'));
  const { child, url } = await startServer(path.join(directory, 'ledger.db'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  try {
    mkdirSync(OUT, { recursive: true });
    for (const [file, page, role, heading] of SHOTS) {
      // a heading's name (RegExp) or a CSS selector (string)
      const context = await browser.newContext({
        baseURL: url,
        viewport: { width: 1100, height: 900 },
        locale: 'en-GB',
      });
      const tab = await context.newPage();
      await tab.goto('/sign-in');
      await tab.getByLabel(role, { exact: true }).check();
      await tab.getByRole('button', { name: 'Sign in' }).click();
      await tab.waitForURL((target) => !target.pathname.startsWith('/sign-in'));
      await tab.goto(page);
      const focus = (
        typeof heading === 'string' ? tab.locator(heading) : tab.getByRole('heading', { name: heading })
      ).first();
      if ((await focus.count()) > 0) await focus.evaluate((element) => element.scrollIntoView());
      await tab.screenshot({ path: path.join(OUT, file), fullPage: false });
      process.stdout.write(`docs/screenshots/${file}: ${page} as ${role}\n`);
      await context.close();
    }
  } finally {
    await browser.close();
    child.kill();
    rmSync(directory, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`take-screenshots: ${error.message}\n`);
  process.exit(1);
});
