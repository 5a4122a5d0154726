/**
 * The chart of accounts of one pool in one financial year (docs/fund-ledger.md). Debits are positive, credits
 * negative; every transaction's postings sum to zero, so all balances together always sum to zero.
 *
 * Money:
 *   bank                           the pooled fund's cash, held by the host partner
 *   receivable/<partner>/<source>  contributions committed and not yet received
 *   income/<partner>/<source>      contributions committed (credit): what each partner put in, by source
 *   brought-forward/<purpose>      carried forward from the previous year (credit)
 *   expenditure/<scheme>           spend on a scheme in the agreement's schedules (debit)
 *   dfg-passed-down/<district>     DFG passed down by a county to a district council (debit)
 *   recoverable/<partner>          overspend charged to a partner under the risk-share terms (debit)
 *   overspend-charged/<scheme>     a scheme's overspend charged to partners (credit): the scheme's spend stays
 *   carried-forward/<year>         underspend carried to the next year (debit)
 * Budget (memorandum: they earmark the fund, and balance among themselves):
 *   budget/unallocated             the other side of every earmark
 *   budget/allocated/<scheme>      allocated to a scheme (credit)
 *   budget/reserve/<name>          ring-fenced or risk-share reserves (credit)
 */
export const account = {
  bank: 'bank',
  receivable: (partnerId: string, source: string) => `receivable/${partnerId}/${source}`,
  income: (partnerId: string, source: string) => `income/${partnerId}/${source}`,
  broughtForward: (purpose: string) => `brought-forward/${purpose}`,
  expenditure: (schemeId: string) => `expenditure/${schemeId}`,
  dfgPassedDown: (districtId: string) => `dfg-passed-down/${districtId}`,
  recoverable: (partnerId: string) => `recoverable/${partnerId}`,
  overspendCharged: (schemeId: string) => `overspend-charged/${schemeId}`,
  carriedForward: (year: string) => `carried-forward/${year}`,
  unallocated: 'budget/unallocated',
  allocated: (schemeId: string) => `budget/allocated/${schemeId}`,
  reserve: (name: string) => `budget/reserve/${name}`,
};

const SEGMENT = '[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?';
/** Every account name the chart allows: a journal may post only to these. */
export const ACCOUNT_PATTERN = new RegExp(
  `^(?:bank|budget/unallocated|(?:receivable|income)/${SEGMENT}/${SEGMENT}|(?:brought-forward|expenditure|dfg-passed-down|recoverable|overspend-charged|budget/allocated)/${SEGMENT}|budget/reserve/${SEGMENT}|carried-forward/\\d{4}-\\d{2})$`,
);

/** The first segment of every account name: what a stated total may be composed of. */
export const ACCOUNT_PREFIXES = [
  'bank',
  'receivable/',
  'income/',
  'brought-forward/',
  'expenditure/',
  'dfg-passed-down/',
  'recoverable/',
  'overspend-charged/',
  'carried-forward/',
  'budget/',
];
/** Accounts whose natural balance is a credit (shown as positive amounts in totals). */
export const isCreditAccount = (name: string): boolean =>
  ['income/', 'brought-forward/', 'overspend-charged/', 'budget/allocated/', 'budget/reserve/'].some(
    (prefix) => name.startsWith(prefix),
  );

export interface Posting {
  account: string;
  amountPence: number;
}

/** The balance of every account the postings touch. */
export function balances(postings: Iterable<Posting>): Map<string, number> {
  const result = new Map<string, number>();
  for (const { account: name, amountPence } of postings)
    result.set(name, (result.get(name) ?? 0) + amountPence);
  return result;
}

export const sumPence = (postings: readonly Posting[]): number =>
  postings.reduce((sum, posting) => sum + posting.amountPence, 0);
