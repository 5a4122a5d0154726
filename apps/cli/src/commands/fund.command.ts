import { isFinancialYear, ID_PATTERN } from '@bcl/kernel';
import { Command } from 'commander';
import { EventStore } from '@bcl/event-store';
import { FundPosition, Viewpoint, findingsCsv } from '@bcl/domain-fund';
import {
  LoadedPoolYear,
  loadPlanFigures,
  loadPoolYear,
  planViewpoint,
  poolYearPosition,
  poolYearReports,
  reconciliationWorkbook,
  yearEnd,
} from '@bcl/fund-reports';
import { GlobalOptions, UsageError, report, withExistingStore } from '../cli-context';
import { writeOutputFile } from '../files';
import { ViewpointOptions, viewpointOf } from '../viewpoint-options';

interface ViewOptions extends ViewpointOptions {
  axis: string;
}

const pounds = (pence: number | null) =>
  pence === null
    ? '–'
    : `${pence < 0 ? '-' : ''}£${(Math.abs(pence) / 100).toLocaleString('en-GB', { minimumFractionDigits: 2 })}`;

/** Runs work on a pool-year read from the store, from one viewpoint; a bad argument is one line saying what to fix. */
async function withPoolYear<T>(
  globals: GlobalOptions,
  pool: string,
  year: string,
  options: ViewOptions,
  work: (store: EventStore, loaded: LoadedPoolYear, viewpoint: Viewpoint) => Promise<T>,
): Promise<T> {
  if (!ID_PATTERN.test(pool)) throw new UsageError('pool: must be lower-case letters, digits and hyphens');
  if (!isFinancialYear(year)) throw new UsageError('year: must be a financial year such as 2016-17');
  const { asAt, knownAt } = viewpointOf(options);
  if (options.axis !== 'effective' && options.axis !== 'recorded')
    throw new UsageError('--axis: must be effective or recorded');
  // as the API: no date asked shows the year's postings with every figure stated of the year to date
  const viewpoint: Viewpoint = {
    asAt: asAt ?? yearEnd(year),
    axis: options.axis,
    ...(knownAt !== undefined ? { knownAt } : {}),
    ...(asAt === undefined ? { figuresAsAt: null } : {}),
  };
  return withExistingStore(globals, async (store) => {
    const loaded = await loadPoolYear(store, pool, year, knownAt);
    if (!loaded)
      throw new UsageError(
        `pool '${pool}' has no year ${year} opened${knownAt === undefined ? '' : ` as known at ${knownAt}`}`,
      );
    return work(store, loaded, viewpoint);
  });
}

function describePosition(p: FundPosition & { terms?: { note: string } | null }): string {
  return [
    `${p.poolId} ${p.year} as at ${p.asAt} (${p.axis})${p.knownAt ? ` as known at ${p.knownAt}` : ''}: ${p.transactions} transactions`,
    ...(p.terms ? [`  ${p.terms.note}`] : []),
    ...p.contributions.map(
      (c) =>
        `  contribution ${c.partnerId} ${c.source}: committed ${pounds(c.committedPence)}, received ${pounds(c.receivedPence)}, outstanding ${pounds(c.outstandingPence)}`,
    ),
    ...p.broughtForward.map((b) => `  brought forward ${b.purpose}: ${pounds(b.amountPence)}`),
    ...p.schemes.map(
      (s) =>
        `  scheme ${s.schemeId}: planned ${pounds(s.plannedPence)}, actual ${pounds(s.actualPence)}${s.overspendPence > 0 ? `, over its ${s.overspendBasis} by ${pounds(s.overspendPence)} (${s.borneBy.map((b) => `${b.bearer ?? 'no bearer named'} ${pounds(b.amountPence)}`).join(', ')})` : ''}${s.chargedPence !== 0 ? `, charged to partners ${pounds(s.chargedPence)}` : ''}`,
    ),
    ...(p.dfgPassedDown.length > 0
      ? [
          `  DFG passed down to ${p.dfgPassedDown.length} districts: ${pounds(p.dfgPassedDown.reduce((s, d) => s + d.amountPence, 0))}`,
        ]
      : []),
    ...p.reserves.map((r) => `  reserve ${r.reserve}: ${pounds(r.amountPence)}`),
    ...p.riskShare.bearers.map(
      (b) =>
        `  overspend borne by ${b.bearer ?? 'no one named'}${p.riskShare.carriedOutsidePoolPence > 0 && b.schemes.length > 0 ? ' outside the pool' : ''}: ${pounds(b.amountPence)}, charged ${pounds(b.chargedPence)}${b.why ? ` (${b.why})` : ''}`,
    ),
    `  income ${pounds(p.incomePence)}, expenditure ${pounds(p.expenditurePence)}, ${p.overspendPence > 0 ? `pool overspend ${pounds(p.overspendPence)}` : `pool underspend ${pounds(p.underspendPence)}`}, bank ${pounds(p.bankPence)}`,
  ].join('\n');
}

export function fundCommand(): Command {
  const fund = new Command('fund').description('the pooled-fund ledger');
  fund
    .command('position')
    .description(
      'the fund position of a pool-year as at a date: contributions, spend, balance, over/underspend',
    )
    .argument('<pool>', 'the pool id, e.g. southend-bcf')
    .argument('<year>', 'the financial year, e.g. 2016-17')
    .option('--as-at <date>', 'the date (default: the last day of the year)')
    .option(
      '--known-at <instant>',
      'only what was recorded by then, e.g. 2026-01-01T00:00:00Z (default: now)',
    )
    .option(
      '--axis <axis>',
      'effective (what took effect by then) or recorded (what was recorded by then)',
      'effective',
    )
    .action(async (pool: string, year: string, options: ViewOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const position = await withPoolYear(globals, pool, year, options, async (_store, loaded, viewpoint) =>
        poolYearPosition(loaded, viewpoint),
      );
      report(globals, position, describePosition(position));
    });
  return fund;
}

export function reconcileCommand(): Command {
  return new Command('reconcile')
    .description('stated totals against their parts, the pooled fund and the ledger; corrects nothing')
    .argument('<pool>', 'the pool id')
    .argument('<year>', 'the financial year')
    .option('--as-at <date>', 'the date (default: the last day of the year)')
    .option(
      '--known-at <instant>',
      'only what was recorded by then, e.g. 2026-01-01T00:00:00Z (default: now)',
    )
    .option('--axis <axis>', 'effective or recorded', 'effective')
    .option('--csv <file>', 'also write the findings as CSV')
    .option('--xlsx <file>', 'also write the findings as an XLSX workbook')
    .action(
      async (
        pool: string,
        year: string,
        options: ViewOptions & { csv?: string; xlsx?: string },
        command: Command,
      ) => {
        const globals = command.optsWithGlobals<GlobalOptions>();
        const reconciliation = await withPoolYear(
          globals,
          pool,
          year,
          options,
          async (store, loaded, viewpoint) => {
            const plan = await loadPlanFigures(
              store,
              loaded.agreement.areaId,
              year,
              planViewpoint(viewpoint),
            );
            return poolYearReports(loaded, plan, viewpoint).reconciliation;
          },
        );
        if (options.csv)
          writeOutputFile(
            options.csv,
            findingsCsv(reconciliation.findings, reconciliation.terms?.note ?? null),
          );
        if (options.xlsx) writeOutputFile(options.xlsx, await reconciliationWorkbook(reconciliation));
        const { agrees, rounding, discrepancy, notCheckable } = reconciliation.summary;
        report(
          globals,
          reconciliation,
          [
            `${pool} ${year} as at ${reconciliation.asAt}: ${agrees} agree, ${rounding} rounding, ${discrepancy} discrepancy, ${notCheckable} not checkable`,
            ...(reconciliation.terms ? [`  ${reconciliation.terms.note}`] : []),
            `  ${reconciliation.findingsRestingOnAssumed} of ${reconciliation.findings.length} findings rest on an assumed figure or transaction`,
            ...reconciliation.findings
              .filter((f) => f.classification !== 'agrees')
              .flatMap((f) => [
                `  ${f.classification}: ${f.check} (${f.subject}${f.quarter ? `, Q${f.quarter}` : ''}): stated ${pounds(f.stated.amountPence)} by ${f.stated.source}; computed ${pounds(f.computed.amountPence)} from ${f.computed.from}; ${f.missing ? `missing: ${f.missing}` : `difference ${pounds(f.differencePence)}`}`,
                `    evidence: ${f.evidence.note}`,
              ]),
          ].join('\n'),
        );
      },
    );
}
