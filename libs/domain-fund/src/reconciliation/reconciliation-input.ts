import { StatedFigure } from '../ledger/pooled-fund';
import { FundPosition } from '../position/fund-position';
import { Finding } from './finding';

/** What the BCF plan (the plans context) says for this year, to compare with the ledger. */
export interface PlanFigures {
  planId: string;
  version: number;
  contributions: { partnerId: string; source: string; amountPence: number }[];
  dfgPassDown: { districtId: string; amountPence: number }[];
  /** The plan's spend over all its schemes for the year; null when the plan holds no spend line for it. */
  schemeSpendPence: number | null;
}

/** One of the agreement's contribution rules for the pool and year, in effect at the viewpoint, with its variation. */
export interface RuleInForce {
  partnerId: string;
  source: string;
  amountPence: number;
  variationId: string;
}

/** Everything a reconciliation check compares: the figures stated as at the viewpoint and the fund position. */
export interface ReconciliationInput {
  /** The pool-year's financial year, e.g. 2017-18. */
  year: string;
  /** The latest statement of each figure, as at the viewpoint. */
  figures: StatedFigure[];
  /** The stated pooled fund for the year (the plan's, else the actual). */
  pooled: StatedFigure | undefined;
  position: FundPosition;
  plan: PlanFigures | null;
  rules: RuleInForce[];
}

/** One reconciliation check: the findings it makes (none when it has nothing to compare). */
export type ReconciliationCheck = (input: ReconciliationInput) => Finding[];

/** The stated figure for a basis, line, subject and quarter (null: the annual figure), if any. */
export const statedFigure = (
  figures: StatedFigure[],
  basis: StatedFigure['basis'],
  line: StatedFigure['line'],
  subject: string,
  quarter: number | null,
) =>
  figures.find((f) => f.basis === basis && f.line === line && f.subject === subject && f.quarter === quarter);

/**
 * Whether the ledger holds any posting to an account of this kind for the pool-year as at the viewpoint
 * (`income/`, `income/<partner>/<source>` by source, `expenditure/`, `dfg-passed-down/`): a comparison with a
 * kind of posting the pool-year holds none of is not checkable, rather than a discrepancy against £0.
 */
export const postedTo = (position: FundPosition, matches: (account: string) => boolean): boolean =>
  Object.keys(position.balances).some(matches);

/** Any contribution from this funding source posted (to any partner's income account). */
export const contributionsPosted = (position: FundPosition, source: string): boolean =>
  postedTo(position, (name) => name.startsWith('income/') && name.endsWith(`/${source}`));

/** What the ledger holds as committed for a partner's contribution from a source (0 if nothing). */
export const committedInLedger = (position: FundPosition, partnerId: string, source: string) =>
  position.contributions.find((c) => c.partnerId === partnerId && c.source === source)?.committedPence ?? 0;
