import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import nunjucks from 'nunjucks';
import { Express } from 'express';

/** apps/web/src in the repository, from the sources or from the build in dist/ (the .njk files stay in the sources). */
export function webSourceDirectory(from = __dirname): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'apps', 'web', 'src');
    if (existsSync(join(candidate, 'views', 'layout.njk'))) return candidate;
  }
  throw new Error(`cannot find apps/web/src/views/layout.njk above ${from}`);
}

/** The folder of an npm package (its package.json's folder). */
export const packageDirectory = (name: string): string => dirname(require.resolve(`${name}/package.json`));

const POUNDS = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });
const LONG_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** Integer pence as pounds: 5000000 → £50,000.00; null or undefined → an empty string. */
export function pounds(pence: number | null | undefined): string {
  if (pence === null || pence === undefined) return '';
  return POUNDS.format(pence === 0 ? 0 : pence / 100); // never '-£0.00'
}

/** A calendar date or an instant as "11 September 2017"; anything else as it is. */
export function longDate(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? value : LONG_DATE.format(date);
}

/**
 * Nunjucks renders the pages through Express (it replaces Express's view class, so Nest's setBaseViewsDir is not
 * used): views by their path under apps/web/src (`features/home/home.njk`), and the GOV.UK and MOJ macros.
 */
export function configureNunjucks(express: Express): nunjucks.Environment {
  const environment = nunjucks.configure(
    [
      webSourceDirectory(),
      join(packageDirectory('govuk-frontend'), 'dist'),
      packageDirectory('@ministryofjustice/frontend'),
    ],
    { autoescape: true, express, throwOnUndefined: false, noCache: false },
  );
  environment.addFilter('pounds', pounds);
  environment.addFilter('longDate', longDate);
  environment.addFilter('mojDate', longDate); // the MOJ timeline's own date filter
  environment.addGlobal('serviceName', 'Better Care Ledger');
  express.set('view engine', 'njk');
  return environment;
}
