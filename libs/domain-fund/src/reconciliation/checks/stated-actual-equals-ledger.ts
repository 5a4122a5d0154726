import { Finding, finding, sourceOf } from '../finding';
import { ReconciliationInput, statedFigure } from '../reconciliation-input';

/** stated-actual-equals-ledger: each quarter's stated actual income and expenditure against the ledger's. */
export function statedActualEqualsLedger({ figures, position }: ReconciliationInput): Finding[] {
  return position.byQuarter.flatMap((row) =>
    (['income', 'expenditure'] as const).flatMap((line) => {
      const stated = statedFigure(figures, 'actual', line, 'pool', row.quarter);
      if (!stated) return [];
      return [
        finding(
          'stated-actual-equals-ledger',
          `actual ${line}`,
          row.quarter,
          { amountPence: stated.amountPence, source: sourceOf(stated.statedBy) },
          { amountPence: row[line].ledgerPence, from: `ledger postings effective in Q${row.quarter}` },
        ),
      ];
    }),
  );
}
