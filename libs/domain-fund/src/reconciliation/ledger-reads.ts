import { Transaction } from '../ledger/pooled-fund';
import { Viewpoint, seenOnAxis } from '../position/fund-position';
import { LedgerTotalsIndex } from '../position/ledger-totals';

/** What a finding's ledger side read: accounts (names, or prefixes ending in `/`), in one quarter or the year. */
export interface LedgerRead {
  accounts: string[];
  quarter: number | null;
}

/** At most this many assumed transaction ids are listed in a finding's evidence; all are counted. */
export const ASSUMED_IDS_LISTED = 100;

/** What one ledger read counts: its transactions, the assumed ones (the first few listed), their assumptions. */
export interface ReadCount {
  transactions: number;
  assumed: number;
  /** The first `ASSUMED_IDS_LISTED` assumed transactions' ids, in ledger order. */
  ids: string[];
  /** Each assumption once, in the ledger order of the first transaction resting on it. */
  assumptions: string[];
}

/** The assumption a transaction rests on (null: it rests on evidence). */
export type AssumptionOf = (t: Transaction) => string | null;

export const matchesAccount = (name: string, accounts: string[]) =>
  accounts.some((a) => (a.endsWith('/') ? name.startsWith(a) : name === a));

const inQuarter = (read: LedgerRead, quarter: number) => read.quarter === null || read.quarter === quarter;

/** The reads counting each transaction: those whose accounts one of its postings matches, in its quarter. */
function readMatcher(reads: LedgerRead[]) {
  const readsOf = new Map<string, number[]>();
  const accountReads = (account: string) => {
    let matching = readsOf.get(account);
    if (!matching) {
      matching = reads.flatMap((read, r) => (matchesAccount(account, read.accounts) ? [r] : []));
      readsOf.set(account, matching);
    }
    return matching;
  };
  return (t: Transaction): number[] => {
    const counting: number[] = [];
    for (const p of t.postings)
      for (const r of accountReads(p.account))
        if (!counting.includes(r) && inQuarter(reads[r]!, t.quarter)) counting.push(r);
    return counting;
  };
}

/**
 * Counts, in one pass over the transactions the viewpoint sees, what each ledger read counts (the reads each
 * transaction matches are resolved once per account name).
 */
export function countReads(
  reads: LedgerRead[],
  seen: readonly Transaction[],
  assumptionOf: AssumptionOf,
): ReadCount[] {
  const counts = reads.map(() => ({
    transactions: 0,
    assumed: 0,
    ids: [] as string[],
    set: new Set<string>(),
  }));
  if (reads.length === 0) return [];
  const counting = readMatcher(reads);
  for (const t of seen) {
    const matching = counting(t);
    if (matching.length === 0) continue;
    const assumption = assumptionOf(t);
    for (const r of matching) {
      const c = counts[r]!;
      c.transactions += 1;
      if (assumption === null) continue;
      c.assumed += 1;
      if (c.ids.length < ASSUMED_IDS_LISTED) c.ids.push(t.transactionId);
      c.set.add(assumption);
    }
  }
  return counts.map(({ set, ...c }) => ({ ...c, assumptions: [...set] }));
}

/**
 * The same counts from the ledger totals per day (`index`, which must answer for `transactions` from the
 * viewpoint): the transactions' groups by quarter and accounts are counted, not the transactions; the ids listed
 * are found by a pass over the ledger from its start that stops once each read has listed all it lists.
 */
export function countReadsIndexed(
  reads: LedgerRead[],
  index: LedgerTotalsIndex,
  transactions: readonly Transaction[],
  viewpoint: Viewpoint,
  assumptionOf: AssumptionOf,
): ReadCount[] {
  const counts = reads.map(() => ({
    transactions: 0,
    assumed: 0,
    ids: [] as string[],
    first: new Map<string, number>(),
  }));
  for (const group of index.groupsAsAt(viewpoint.axis, viewpoint.asAt))
    reads.forEach((read, r) => {
      if (!inQuarter(read, group.quarter) || !group.accounts.some((a) => matchesAccount(a, read.accounts)))
        return;
      const c = counts[r]!;
      c.transactions += group.transactions;
      c.assumed += group.assumed;
      for (const [assumption, place] of group.assumptions)
        if (place < (c.first.get(assumption) ?? Infinity)) c.first.set(assumption, place);
    });
  const wanted = (r: number) => Math.min(ASSUMED_IDS_LISTED, counts[r]!.assumed);
  let listing = reads.filter((_, r) => wanted(r) > 0).length;
  const counting = readMatcher(reads);
  for (let i = 0; listing > 0 && i < transactions.length; i += 1) {
    const t = transactions[i]! as Transaction & { recordedAt: string };
    if (!seenOnAxis(t, viewpoint)) continue;
    const matching = counting(t).filter((r) => counts[r]!.ids.length < wanted(r));
    if (matching.length === 0 || assumptionOf(t) === null) continue;
    for (const r of matching) {
      counts[r]!.ids.push(t.transactionId);
      if (counts[r]!.ids.length === wanted(r)) listing -= 1;
    }
  }
  return counts.map(({ first, ...c }) => ({
    ...c,
    assumptions: [...first].sort(([, a], [, b]) => a - b).map(([assumption]) => assumption),
  }));
}
