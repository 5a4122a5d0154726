/**
 * Bounds on pooled-fund input. A single figure may not exceed the planning template's largest cell: the
 * national BCF of 2018-19 was £5.617bn, so £10bn (in pence) bounds any one local figure with room to spare.
 */
export const FUND_LIMITS = {
  amountPenceMax: 1_000_000_000_000,
  postingsPerTransactionMax: 64,
  schedulesMax: 200,
  partiesMax: 20,
  /** Stated and computed totals within this many pence are rounding; beyond it, a discrepancy (as for plans). */
  roundingTolerancePence: 200,
} as const;
