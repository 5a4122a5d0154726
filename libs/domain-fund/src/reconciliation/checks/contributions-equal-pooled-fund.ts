import { Finding, finding, sourceOf } from '../finding';
import { ReconciliationInput } from '../reconciliation-input';

/** contributions-equal-pooled-fund: the stated pooled fund against the ledger's income and brought-forward. */
export function contributionsEqualPooledFund({ pooled, position }: ReconciliationInput): Finding[] {
  if (!pooled || position.transactions === 0) return [];
  return [
    finding(
      'contributions-equal-pooled-fund',
      'contributions committed and brought forward',
      null,
      { amountPence: pooled.amountPence, source: sourceOf(pooled.statedBy) },
      {
        amountPence: position.incomePence + position.broughtForward.reduce((s, b) => s + b.amountPence, 0),
        from: 'ledger: income and brought-forward accounts',
      },
    ),
  ];
}
