import { FUND_LIMITS } from '../shared/fund-limits';
import { StatedBy } from '../ledger/pooled-fund';
import { FindingEvidence, FindingSources } from './finding-evidence';

export type Classification = 'agrees' | 'rounding' | 'discrepancy' | 'not-checkable';

/**
 * One comparison: a stated figure (with where it was stated) against what its parts, or the ledger, give. A
 * comparison whose other side is absent (the ledger holds no postings of that kind for the pool-year, or the
 * plan no figure) is `not-checkable`: no computed amount and no difference, and `missing` says what is absent.
 */
export interface Finding {
  check: string;
  subject: string;
  quarter: number | null;
  stated: { amountPence: number; source: string };
  computed: { amountPence: number | null; from: string };
  /** stated − computed; null when not checkable */
  differencePence: number | null;
  classification: Classification;
  missing?: string;
  /** What each side rests on (set by `reconcile`): the figures' evidence and the ledger's assumed transactions. */
  evidence?: FindingEvidence;
  /** Which stated figures and ledger accounts the check compared (resolved into `evidence` by `reconcile`). */
  sources?: FindingSources;
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
  computed: { amountPence: number; from: string },
  sources?: FindingSources,
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
    ...(sources ? { sources } : {}),
  };
}

/** A comparison that cannot be made: `missing` names what is absent (e.g. "no nhs-minimum contributions posted for 2017-18"). */
export function notCheckable(
  check: string,
  subject: string,
  quarter: number | null,
  stated: Finding['stated'],
  from: string,
  missing: string,
  sources?: FindingSources,
): Finding {
  return {
    check,
    subject,
    quarter,
    stated,
    computed: { amountPence: null, from },
    differencePence: null,
    classification: 'not-checkable',
    missing,
    ...(sources ? { sources } : {}),
  };
}

/** How a finding names the return, plan or document that stated a figure. */
export const sourceOf = (statedBy: StatedBy) => `${statedBy.kind}: ${statedBy.reference}`;
