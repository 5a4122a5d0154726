import { Finding, finding, notCheckable, sourceOf } from '../finding';
import { ReconciliationInput, postedTo } from '../reconciliation-input';

/**
 * contributions-equal-pooled-fund: the stated pooled fund against the ledger's income and brought-forward; not
 * checkable while the pool-year holds neither.
 */
export function contributionsEqualPooledFund({ pooled, position, year }: ReconciliationInput): Finding[] {
  if (!pooled) return [];
  const check = 'contributions-equal-pooled-fund';
  const subject = 'contributions committed and brought forward';
  const stated = { amountPence: pooled.amountPence, source: sourceOf(pooled.statedBy) };
  const from = 'ledger: income and brought-forward accounts';
  const sources = {
    figures: [{ figureId: pooled.figureId, side: 'stated' as const }],
    ledger: { accounts: ['income/', 'brought-forward/'], quarter: null },
  };
  if (!postedTo(position, (name) => name.startsWith('income/') || name.startsWith('brought-forward/')))
    return [
      notCheckable(
        check,
        subject,
        null,
        stated,
        from,
        `no contributions or balances brought forward posted for ${year}`,
        sources,
      ),
    ];
  return [
    finding(
      check,
      subject,
      null,
      stated,
      {
        amountPence: position.incomePence + position.broughtForward.reduce((s, b) => s + b.amountPence, 0),
        from,
      },
      sources,
    ),
  ];
}
