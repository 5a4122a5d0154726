import { Finding, finding, notCheckable } from '../finding';
import { ReconciliationInput, committedInLedger, contributionsPosted } from '../reconciliation-input';

/**
 * agreement-contribution-equals-ledger: each of the agreement's contribution rules against the ledger; not
 * checkable where the pool-year holds no contribution from the rule's funding source.
 */
export function agreementContributionEqualsLedger({ rules, position, year }: ReconciliationInput): Finding[] {
  return rules.map((rule) => {
    const subject = `${rule.partnerId} ${rule.source}`;
    const stated = { amountPence: rule.amountPence, source: `agreement: variation ${rule.variationId}` };
    const from = `ledger: income/${rule.partnerId}/${rule.source}`;
    const sources = {
      figures: [],
      variationId: rule.variationId,
      ledger: { accounts: [`income/${rule.partnerId}/${rule.source}`], quarter: null },
    };
    if (!contributionsPosted(position, rule.source))
      return notCheckable(
        'agreement-contribution-equals-ledger',
        subject,
        null,
        stated,
        from,
        `no ${rule.source} contributions posted for ${year}`,
        sources,
      );
    return finding(
      'agreement-contribution-equals-ledger',
      subject,
      null,
      stated,
      {
        amountPence: committedInLedger(position, rule.partnerId, rule.source),
        from,
      },
      sources,
    );
  });
}
