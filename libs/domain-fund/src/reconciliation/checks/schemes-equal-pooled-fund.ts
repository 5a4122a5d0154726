import { Finding, finding, sourceOf } from '../finding';
import { ReconciliationInput } from '../reconciliation-input';

/** schemes-equal-pooled-fund: the stated pooled fund against the schemes' stated planned expenditure. */
export function schemesEqualPooledFund({ figures, pooled }: ReconciliationInput): Finding[] {
  const schemePlans = figures.filter(
    (f) => f.basis === 'plan' && f.line === 'expenditure' && f.subject !== 'pool' && f.quarter === null,
  );
  if (!pooled || schemePlans.length === 0) return [];
  return [
    finding(
      'schemes-equal-pooled-fund',
      'plan expenditure by scheme',
      null,
      { amountPence: pooled.amountPence, source: sourceOf(pooled.statedBy) },
      {
        amountPence: schemePlans.reduce((s, f) => s + f.amountPence, 0),
        from: `${schemePlans.length} schemes' planned expenditure`,
      },
      {
        figures: [
          { figureId: pooled.figureId, side: 'stated' },
          ...schemePlans.map((f) => ({ figureId: f.figureId, side: 'computed' as const })),
        ],
        ledger: null,
      },
    ),
  ];
}
