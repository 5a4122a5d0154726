import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import nunjucks from 'nunjucks';
import { chromium } from 'playwright-core';
import { VerifyReport } from '@bcl/event-store';
import { PackData } from './pack-data';
import { PackStamp } from './pack-manifest';
import { approvalChain } from './approval-chain';
import type { PackProofs } from './build-auditor-pack';

/** libs/auditor-pack/templates, from the sources or from the build in dist/ (the .njk files stay in the sources). */
export function packTemplateDirectory(from = __dirname): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'libs', 'auditor-pack', 'templates');
    if (existsSync(join(candidate, 'pack.njk'))) return candidate;
  }
  throw new Error(`cannot find libs/auditor-pack/templates/pack.njk above ${from}`);
}

const POUNDS = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

/** The Chromium flags the project uses everywhere: no sandbox (containers), and no calls to the network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

let environment: nunjucks.Environment | undefined;
function packEnvironment(): nunjucks.Environment {
  if (environment) return environment;
  environment = new nunjucks.Environment(new nunjucks.FileSystemLoader(packTemplateDirectory()), {
    autoescape: true,
    throwOnUndefined: false,
  });
  environment.addFilter('pounds', (pence: number | null | undefined) =>
    pence === null || pence === undefined ? '–' : POUNDS.format(pence / 100),
  );
  environment.addFilter('spendIn', (spend: { year: string; amountPence: number }[], years: string[]) =>
    spend.filter((line) => years.includes(line.year)).reduce((sum, line) => sum + line.amountPence, 0),
  );
  return environment;
}

/** The financial years ("2017-18") a period touches, for the plan tables. */
function yearsOf(from: string, to: string): string[] {
  const first = Number(from.slice(0, 4)) - (from.slice(5) < '04-01' ? 1 : 0);
  const last = Number(to.slice(0, 4)) - (to.slice(5) < '04-01' ? 1 : 0);
  const years: string[] = [];
  for (let year = first; year <= last && years.length < 50; year += 1)
    years.push(`${year}-${String((year + 1) % 100).padStart(2, '0')}`);
  return years;
}

/** The pack as one self-contained HTML document (inline print stylesheet, no scripts, no external files). */
export function renderPackHtml(
  data: PackData,
  stamp: PackStamp,
  verification: VerifyReport,
  digestJson: Record<string, string>,
  proofs: PackProofs,
): string {
  const plans = data.plans.map((plan) => ({
    ...plan,
    approvals: plan.provenance.approvals.map((approval) => ({
      approvalId: approval.approvalId,
      lines: approvalChain(approval),
    })),
  }));
  const returns = data.returns.map((r) => ({
    ...r,
    cells: Object.keys({ ...r.submitted.cells, ...r.restated.cells })
      .sort()
      .map((key) => ({
        key,
        submitted: r.submitted.cells[key]?.value ?? null,
        restated: r.restated.cells[key]?.value ?? null,
      })),
  }));
  return packEnvironment().render('pack.njk', {
    data,
    stamp,
    plans,
    returns,
    years: yearsOf(data.period.from, data.period.to),
    verification: {
      ...verification,
      lastPosition: verification.lastPosition?.toString() ?? 'none',
      digestPosition: verification.digest?.position.toString() ?? null,
    },
    digestJson: JSON.stringify(digestJson, null, 2),
    proofs: { ...proofs, keyringArg: proofs.keyringFile ? ` --keyring ${proofs.keyringFile}` : '' },
  });
}

/** Prints the HTML to a tagged A4 PDF with an outline, in print media, with the Chromium at `executablePath`. */
export async function printPdf(html: string, executablePath: string): Promise<Buffer> {
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    // page.pdf prints in print media
    return await page.pdf({ tagged: true, outline: true, format: 'A4', printBackground: true });
  } finally {
    await browser.close();
  }
}
