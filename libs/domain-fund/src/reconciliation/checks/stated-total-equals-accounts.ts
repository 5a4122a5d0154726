import { isCreditAccount } from '../../ledger/accounts';
import { Finding, finding, sourceOf } from '../finding';
import { ReconciliationInput } from '../reconciliation-input';

/** stated-total-equals-accounts: each stated total against the balances of the accounts it is made of. */
export function statedTotalEqualsAccounts({ figures, position }: ReconciliationInput): Finding[] {
  return figures
    .filter((f) => f.line === 'total' && f.composedOf)
    .map((total) => {
      const parts = total.composedOf!;
      const matches = (name: string) =>
        parts.some((part) => (part.endsWith('/') ? name.startsWith(part) : name === part));
      const accounts = Object.entries(position.balances).filter(([name]) => matches(name));
      return finding(
        'stated-total-equals-accounts',
        total.subject,
        total.quarter,
        { amountPence: total.amountPence, source: sourceOf(total.statedBy) },
        {
          amountPence: accounts.reduce((s, [name, pence]) => s + (isCreditAccount(name) ? -pence : pence), 0),
          from: `ledger: ${parts.join(' + ')}`,
        },
        {
          figures: [{ figureId: total.figureId, side: 'stated' }],
          ledger: { accounts: parts, quarter: null },
        },
      );
    });
}
