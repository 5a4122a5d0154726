import { Finding, finding } from '../finding';
import { ReconciliationInput, committedInLedger } from '../reconciliation-input';

/** agreement-contribution-equals-ledger: each of the agreement's contribution rules against the ledger. */
export function agreementContributionEqualsLedger({ rules, position }: ReconciliationInput): Finding[] {
  return rules.map((rule) =>
    finding(
      'agreement-contribution-equals-ledger',
      `${rule.partnerId} ${rule.source}`,
      null,
      { amountPence: rule.amountPence, source: `agreement: variation ${rule.variationId}` },
      {
        amountPence: committedInLedger(position, rule.partnerId, rule.source),
        from: `ledger: income/${rule.partnerId}/${rule.source}`,
      },
    ),
  );
}
