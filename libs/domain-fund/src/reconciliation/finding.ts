import { FUND_LIMITS } from '../shared/fund-limits';
import { StatedBy } from '../ledger/pooled-fund';

export type Classification = 'agrees' | 'rounding' | 'discrepancy';

/** One comparison: a stated figure (with where it was stated) against what its parts, or the ledger, give. */
export interface Finding {
  check: string;
  subject: string;
  quarter: number | null;
  stated: { amountPence: number; source: string };
  computed: { amountPence: number; from: string };
  /** stated − computed */
  differencePence: number;
  classification: Classification;
}

export const classify = (differencePence: number): Classification =>
  differencePence === 0
    ? 'agrees'
    : Math.abs(differencePence) <= FUND_LIMITS.roundingTolerancePence
      ? 'rounding'
      : 'discrepancy';

/** A finding, its difference and classification worked out from the two sides. */
export function finding(
  check: string,
  subject: string,
  quarter: number | null,
  stated: Finding['stated'],
  computed: Finding['computed'],
): Finding {
  const differencePence = stated.amountPence - computed.amountPence;
  return {
    check,
    subject,
    quarter,
    stated,
    computed,
    differencePence,
    classification: classify(differencePence),
  };
}

/** How a finding names the return, plan or document that stated a figure. */
export const sourceOf = (statedBy: StatedBy) => `${statedBy.kind}: ${statedBy.reference}`;
