import { Finding, finding, notCheckable, sourceOf } from '../finding';
import { ReconciliationInput, postedTo, statedFigure } from '../reconciliation-input';

/** The ledger accounts a line's postings go to: contributions for income; schemes and DFG pass-down for spend. */
const ACCOUNTS = {
  income: ['income/'],
  expenditure: ['expenditure/', 'dfg-passed-down/'],
} as const;

/**
 * stated-actual-equals-ledger: each quarter's stated actual income and expenditure against the ledger's; not
 * checkable where the pool-year holds no posting of that line at all.
 */
export function statedActualEqualsLedger({ figures, position, year }: ReconciliationInput): Finding[] {
  return position.byQuarter.flatMap((row) =>
    (['income', 'expenditure'] as const).flatMap((line) => {
      const stated = statedFigure(figures, 'actual', line, 'pool', row.quarter);
      if (!stated) return [];
      const statedSide = { amountPence: stated.amountPence, source: sourceOf(stated.statedBy) };
      const from = `ledger postings effective in Q${row.quarter}`;
      const sources = {
        figures: [{ figureId: stated.figureId, side: 'stated' as const }],
        ledger: { accounts: [...ACCOUNTS[line]], quarter: row.quarter },
      };
      if (!postedTo(position, (name) => ACCOUNTS[line].some((prefix) => name.startsWith(prefix))))
        return [
          notCheckable(
            'stated-actual-equals-ledger',
            `actual ${line}`,
            row.quarter,
            statedSide,
            from,
            `no ${line === 'income' ? 'contributions' : 'expenditure'} posted for ${year}`,
            sources,
          ),
        ];
      return [
        finding(
          'stated-actual-equals-ledger',
          `actual ${line}`,
          row.quarter,
          statedSide,
          {
            amountPence: row[line].ledgerPence,
            from,
          },
          sources,
        ),
      ];
    }),
  );
}
