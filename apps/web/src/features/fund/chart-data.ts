import { spreadsheetText } from '@bcl/kernel';
import { poolYearPosition } from '@bcl/fund-reports';

/** A pool-year's position, as the query bus answers it. */
export type PoolYearPosition = ReturnType<typeof poolYearPosition>;

/** One quarter of a pool-year: what the ledger moved, beside the stated plan and actual figures (pence). */
export interface QuarterRow {
  quarter: number;
  label: string;
  contributionsPence: number;
  spendPence: number;
  plannedContributionsPence: number | null;
  statedContributionsPence: number | null;
  plannedSpendPence: number | null;
  statedSpendPence: number | null;
}

/** Each quarter's contributions against spend: the ledger's postings, and the figures stated for the pool. */
export function quarterRows(position: PoolYearPosition): QuarterRow[] {
  return position.byQuarter.map(({ quarter, income, expenditure }) => ({
    quarter,
    label: `Q${quarter}`,
    contributionsPence: income.ledgerPence,
    spendPence: expenditure.ledgerPence,
    plannedContributionsPence: income.planPence,
    statedContributionsPence: income.statedActualPence,
    plannedSpendPence: expenditure.planPence,
    statedSpendPence: expenditure.statedActualPence,
  }));
}

/** Where a scheme's budget comes from: the agreement's schedule, else the plan's figure for the scheme. */
export type BudgetSource = 'schedule' | 'plan' | null;

/** One scheme: its budget against what was spent on it (pence). */
export interface SchemeRow {
  schemeId: string;
  name: string;
  budgetPence: number | null;
  budgetSource: BudgetSource;
  actualPence: number;
  /** Actual less budget (positive: over); null when there is no budget to measure against. */
  differencePence: number | null;
}

export function schemeRows(position: PoolYearPosition): SchemeRow[] {
  return position.schemes.map((scheme) => {
    const budgetPence = scheme.budgetPence ?? scheme.plannedPence;
    return {
      schemeId: scheme.schemeId,
      name: scheme.name ?? scheme.schemeId,
      budgetPence,
      budgetSource: scheme.budgetPence !== null ? 'schedule' : scheme.plannedPence !== null ? 'plan' : null,
      actualPence: scheme.actualPence,
      differencePence: budgetPence === null ? null : scheme.actualPence - budgetPence,
    };
  });
}

/** The sum of integer pence (null counts as nothing): money is never summed in floating pounds. */
export function totalPence(values: (number | null)[]): number {
  let total = 0;
  for (const value of values) if (value !== null) total += value;
  if (!Number.isSafeInteger(total)) throw new RangeError('a total of pence is not a safe integer');
  return total;
}

/** Pounds for plotting only: the axis needs a number; tables and files keep the pence. */
export const poundsForPlot = (pence: number): number => pence / 100;

/** A point of a grouped bar chart: a group (quarter or scheme), a measure, and its value in pounds. */
export interface ChartPoint {
  group: string;
  measure: string;
  pounds: number;
}

export const QUARTER_MEASURES = ['Contributions', 'Spend'] as const;
export const SCHEME_MEASURES = ['Budget', 'Actual'] as const;

export function quarterPoints(rows: QuarterRow[]): ChartPoint[] {
  return rows.flatMap((row) => [
    { group: row.label, measure: 'Contributions', pounds: poundsForPlot(row.contributionsPence) },
    { group: row.label, measure: 'Spend', pounds: poundsForPlot(row.spendPence) },
  ]);
}

/** A scheme with no budget plots its actual alone; each group is a scheme id (two schemes may share a name). */
export function schemePoints(rows: SchemeRow[]): ChartPoint[] {
  return rows.flatMap((row) => [
    ...(row.budgetPence === null
      ? []
      : [{ group: row.schemeId, measure: 'Budget', pounds: poundsForPlot(row.budgetPence) }]),
    { group: row.schemeId, measure: 'Actual', pounds: poundsForPlot(row.actualPence) },
  ]);
}

type Cell = string | number | null;

/** One CSV field (RFC 4180): numbers as they are; text escaped against formulas and quoted when it must be. */
const csvCell = (value: Cell): string => {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = spreadsheetText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Rows as CSV text with CRLF line ends (RFC 4180). */
export const csvOf = (header: string[], rows: Cell[][]): string =>
  [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';

/** The quarters' table as CSV, amounts in pence. */
export const quartersCsv = (rows: QuarterRow[]): string =>
  csvOf(
    [
      'quarter',
      'contributions_ledger_pence',
      'spend_ledger_pence',
      'contributions_planned_pence',
      'contributions_stated_actual_pence',
      'spend_planned_pence',
      'spend_stated_actual_pence',
    ],
    rows.map((r) => [
      r.quarter,
      r.contributionsPence,
      r.spendPence,
      r.plannedContributionsPence,
      r.statedContributionsPence,
      r.plannedSpendPence,
      r.statedSpendPence,
    ]),
  );

/** The schemes' table as CSV, amounts in pence. */
export const schemesCsv = (rows: SchemeRow[]): string =>
  csvOf(
    ['scheme_id', 'scheme', 'budget_pence', 'budget_source', 'actual_pence', 'difference_pence'],
    rows.map((r) => [r.schemeId, r.name, r.budgetPence, r.budgetSource, r.actualPence, r.differencePence]),
  );
