import { splitPence } from '../shared/split-pence';
import { PooledFundState } from '../ledger/pooled-fund';
import { Finding } from '../reconciliation/finding';
import { FundPosition } from './fund-position';

/**
 * One partner's share of the pool for its own accounts: what it put in (committed, received, outstanding), its
 * share of income in basis points, and its share of the pool's expenditure under the risk-share terms: the
 * spend the pool bears is shared in proportion to what each partner committed, and each overspend goes to its
 * bearers (under `incurring-partner` terms the partner that incurred it, under a `percentage-split` the agreed
 * shares). Overspend the risk-share fund meets, or that the terms name no bearer for, stays pooled. Shown beside
 * it: what has been charged to the partner. Whole pence; across the partners the shares add up to the spend.
 */
export function partnerView(position: FundPosition, partnerId: string) {
  const own = position.contributions.filter((c) => c.partnerId === partnerId);
  const committedByPartner = new Map<string, number>();
  for (const c of position.contributions)
    committedByPartner.set(c.partnerId, (committedByPartner.get(c.partnerId) ?? 0) + c.committedPence);
  const weights = [...committedByPartner.entries()].map(([key, weight]) => ({ key, weight }));
  const committedPence = committedByPartner.get(partnerId) ?? 0;
  const partnerBearers = position.riskShare.bearers.filter(
    (b) => b.bearer !== null && b.bearer !== 'risk-share-fund',
  );
  const borneByPartners = partnerBearers.reduce((sum, b) => sum + b.amountPence, 0);
  const overspendBornePence = partnerBearers.find((b) => b.bearer === partnerId)?.amountPence ?? 0;
  const shareOfPooledExpenditurePence =
    splitPence(position.expenditurePence - borneByPartners, weights).get(partnerId) ?? 0;
  return {
    poolId: position.poolId,
    year: position.year,
    asAt: position.asAt,
    axis: position.axis,
    partnerId,
    riskShare: position.riskShare.kind,
    contributions: own,
    committedPence,
    receivedPence: own.reduce((s, c) => s + c.receivedPence, 0),
    outstandingPence: own.reduce((s, c) => s + c.outstandingPence, 0),
    shareOfIncomeBasisPoints: splitPence(10_000, weights).get(partnerId) ?? 0,
    /** The spend the pool bears, in proportion to what the partner committed. */
    shareOfPooledExpenditurePence,
    /** The overspend the risk-share terms put on the partner. */
    overspendBornePence,
    shareOfExpenditurePence: shareOfPooledExpenditurePence + overspendBornePence,
    overspendChargedPence: position.recoverable.find((r) => r.partnerId === partnerId)?.amountPence ?? 0,
  };
}

/**
 * What an auditor certifies: contributions by partner, total spend, and the exceptions: reconciliation findings
 * that do not agree, schemes over their caps, contributions outstanding, and every reversal with its reason.
 */
export function certificationPack(state: PooledFundState, position: FundPosition, findings: Finding[]) {
  const partners = [...new Set(position.contributions.map((c) => c.partnerId))];
  return {
    poolId: position.poolId,
    year: position.year,
    asAt: position.asAt,
    contributions: partners.map((partnerId) => {
      const view = partnerView(position, partnerId);
      return {
        partnerId,
        committedPence: view.committedPence,
        receivedPence: view.receivedPence,
        outstandingPence: view.outstandingPence,
      };
    }),
    totalSpendPence: position.expenditurePence,
    balancePence: position.bankPence,
    exceptions: {
      reconciliation: findings.filter((f) => f.classification !== 'agrees'),
      overspentSchemes: position.schemes.filter((s) => s.overspendPence > 0),
      outstandingContributions: position.contributions.filter((c) => c.outstandingPence > 0),
      reversals: state.transactions
        .filter((t) => t.kind === 'reversal' && t.effectiveOn <= position.asAt)
        .map((t) => ({
          transactionId: t.transactionId,
          reverses: t.reverses,
          effectiveOn: t.effectiveOn,
          statedBy: t.statedBy,
        })),
    },
  };
}
