import { Transaction } from '../ledger/pooled-fund';
import { Viewpoint } from '../position/fund-position';
import { ASSUMED_IDS_LISTED, LedgerTotalsIndex } from '../position/ledger-totals';

/** What a finding's ledger side read: accounts (names, or prefixes ending in `/`), in one quarter or the year. */
export interface LedgerRead {
  accounts: string[];
  quarter: number | null;
}

export { ASSUMED_IDS_LISTED };

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
 * The same counts from the ledger totals per day (`index`, which must answer from the viewpoint): the
 * transactions' groups by quarter and accounts are counted, not the transactions, and the ids listed are the
 * first assumed ones each group kept (in ledger order), so no transaction is read.
 */
export function countReadsIndexed(
  reads: LedgerRead[],
  index: LedgerTotalsIndex,
  viewpoint: Viewpoint,
): ReadCount[] {
  const counts = reads.map(() => ({
    transactions: 0,
    assumed: 0,
    ids: [] as [number, string][],
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
      c.ids.push(...group.assumedIds);
    });
  return counts.map(({ first, ids, ...c }) => ({
    ...c,
    ids: ids
      .sort(([a], [b]) => a - b)
      .slice(0, ASSUMED_IDS_LISTED)
      .map(([, id]) => id),
    assumptions: [...first].sort(([, a], [, b]) => a - b).map(([assumption]) => assumption),
  }));
}
