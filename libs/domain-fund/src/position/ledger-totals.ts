import { CalendarDate } from '@bcl/kernel';
import { Transaction } from '../ledger/pooled-fund';

/** The two time axes (as `Axis` in fund-position.ts). */
type Axis = 'effective' | 'recorded';

/** What the fund position sums of the transactions it counts: every account's balance and each quarter's flows. */
export interface LedgerTotals {
  /** How many transactions are counted. */
  transactions: number;
  /** Every account posted to, in the order a fold over the transactions meets them first, with its balance. */
  balances: Map<string, number>;
  /** Each quarter's ledger income (credits to `income/` accounts, as a positive amount). */
  quarterIncome: number[];
  /** Each quarter's ledger spend (debits to `expenditure/` and `dfg-passed-down/` accounts). */
  quarterSpend: number[];
}

/** One account's postings on one day: their sum, and where the ledger first posts to it that day. */
interface AccountDay {
  pence: number;
  /** The first transaction (its place in the ledger) posting to the account that day, and the posting's place in it. */
  firstTransaction: number;
  firstPosting: number;
}

/**
 * The transactions of one quarter posting to the same accounts (their signature), as a finding's ledger side
 * counts them: how many, how many are assumed, and each assumption with the first transaction resting on it.
 */
export interface LedgerGroup {
  quarter: number;
  /** The accounts the transactions post to, each once, sorted. */
  accounts: string[];
  transactions: number;
  assumed: number;
  /** Each assumption, with the place in the ledger of the first transaction resting on it. */
  assumptions: Map<string, number>;
  /**
   * The first `ASSUMED_IDS_LISTED` assumed transactions, as [place in the ledger, id], in ledger order: what a
   * finding's evidence lists, found without a pass over the transactions (a projection keeps no transactions).
   */
  assumedIds: [number, string][];
}

/** At most this many assumed transaction ids are listed in a finding's evidence; all are counted. */
export const ASSUMED_IDS_LISTED = 100;

const cloneGroup = (g: LedgerGroup): LedgerGroup => ({
  ...g,
  assumptions: new Map(g.assumptions),
  assumedIds: g.assumedIds.slice(),
});

/** The first `ASSUMED_IDS_LISTED` of two lists in ledger order, merged (each is in ledger order). */
function firstAssumed(a: [number, string][], b: [number, string][]): [number, string][] {
  if (a.length >= ASSUMED_IDS_LISTED && (b.length === 0 || b[0]![0] > a[a.length - 1]![0])) return a;
  const merged: [number, string][] = [];
  let i = 0;
  let j = 0;
  while (merged.length < ASSUMED_IDS_LISTED && (i < a.length || j < b.length))
    merged.push(j >= b.length || (i < a.length && a[i]![0] < b[j]![0]) ? a[i++]! : b[j++]!);
  return merged;
}

export interface DayTotals {
  transactions: number;
  /** Of them, those added as assumed (resting on no evidence). */
  assumed: number;
  groups: Map<string, LedgerGroup>;
  accounts: Map<string, AccountDay>;
  quarterIncome: number[];
  quarterSpend: number[];
}

export const emptyDay = (): DayTotals => ({
  transactions: 0,
  assumed: 0,
  groups: new Map(),
  accounts: new Map(),
  quarterIncome: [0, 0, 0, 0],
  quarterSpend: [0, 0, 0, 0],
});

const cloneDays = (days: Map<CalendarDate, DayTotals>) =>
  new Map(
    [...days].map(([on, d]) => [
      on,
      {
        transactions: d.transactions,
        assumed: d.assumed,
        groups: new Map([...d.groups].map(([key, g]) => [key, cloneGroup(g)])),
        accounts: new Map([...d.accounts].map(([name, a]) => [name, { ...a }])),
        quarterIncome: d.quarterIncome.slice(),
        quarterSpend: d.quarterSpend.slice(),
      },
    ]),
  );

/** How a posting adds to its quarter's ledger income and spend (as the position counts them). */
export function addToQuarters(
  account: string,
  amountPence: number,
  quarterIndex: number,
  quarterIncome: number[],
  quarterSpend: number[],
): void {
  if (account.startsWith('income/')) quarterIncome[quarterIndex]! -= amountPence;
  else if (account.startsWith('expenditure/') || account.startsWith('dfg-passed-down/'))
    quarterSpend[quarterIndex]! += amountPence;
}

/**
 * A pool-year's ledger summed per day on both axes (the effective date; the day, UTC, it was recorded), kept
 * as transactions are added in ledger order: the totals as at any date are the sum of the days up to it (a year
 * holds a few hundred days, whatever its number of postings), never a fold over every posting. Equals the fold
 * (`ledgerTotalsOf`) over the transactions seen from a viewpoint without `knownAt`, to the penny and in the
 * order the accounts are met. Pure: no I/O, no clock.
 */
export class LedgerTotalsIndex {
  private readonly days: Record<Axis, Map<CalendarDate, DayTotals>>;
  private added = 0;
  /** The latest instant a transaction held was recorded at ('' when none is held). */
  private latestRecordedAt = '';

  constructor(transactions: Iterable<Transaction & { recordedAt: string }> = []) {
    this.days = { effective: new Map(), recorded: new Map() };
    for (const t of transactions) this.add(t);
  }

  /** How many transactions the index holds (those of the ledger, in its order, from the first). */
  get size(): number {
    return this.added;
  }

  /**
   * Adds the ledger's next transaction, with the assumption it rests on (null: it rests on evidence), counted by
   * `countsAsAt` and `groupsAsAt`.
   */
  add(t: Transaction & { recordedAt: string }, assumption: string | null = null): void {
    const place = this.added;
    this.added += 1;
    if (t.recordedAt > this.latestRecordedAt) this.latestRecordedAt = t.recordedAt;
    const group = groupOf(t, assumption);
    addTransactionToDay(this.dayOf('effective', t.effectiveOn), t, place, group);
    addTransactionToDay(this.dayOf('recorded', t.recordedAt.slice(0, 10)), t, place, group);
  }

  /**
   * The index of a ledger summed elsewhere (the fund-totals projection): `added` transactions, the latest
   * recorded at `latestRecordedAt`, and the days given (the index takes them over: the caller must not change them).
   */
  static ofDays(
    added: number,
    latestRecordedAt: string,
    days: readonly { axis: Axis; on: CalendarDate; totals: DayTotals }[],
  ): LedgerTotalsIndex {
    const index = new LedgerTotalsIndex();
    index.added = added;
    index.latestRecordedAt = latestRecordedAt;
    for (const { axis, on, totals } of days) index.days[axis].set(on, totals);
    return index;
  }

  private dayOf(axis: Axis, on: CalendarDate): DayTotals {
    let day = this.days[axis].get(on);
    if (!day) this.days[axis].set(on, (day = emptyDay()));
    return day;
  }

  /** The transactions on or before `asAt` on the axis, grouped by quarter and the accounts they post to. */
  groupsAsAt(axis: Axis, asAt: CalendarDate): LedgerGroup[] {
    const groups = new Map<string, LedgerGroup>();
    for (const [on, day] of this.days[axis]) {
      if (on > asAt) continue;
      for (const [key, g] of day.groups) {
        const sum = groups.get(key);
        if (!sum) {
          groups.set(key, cloneGroup(g));
          continue;
        }
        sum.transactions += g.transactions;
        sum.assumed += g.assumed;
        for (const [assumption, place] of g.assumptions)
          if (place < (sum.assumptions.get(assumption) ?? Infinity)) sum.assumptions.set(assumption, place);
        if (g.assumedIds.length > 0) sum.assumedIds = firstAssumed(sum.assumedIds, g.assumedIds);
      }
    }
    return [...groups.values()];
  }

  /**
   * Whether the index answers for these transactions from the viewpoint: it holds them all (they are the ones it
   * was given, in order; none given: a pool-year read without its transactions, summed by a projection, whose
   * index holds them all) and the viewpoint knows them all (no `knownAt`, or every one was recorded by it: a
   * pool-year folded as known at an instant holds only those, so its own index answers for it).
   */
  answers(transactions: readonly unknown[] | undefined, viewpoint: { knownAt?: string }): boolean {
    return (
      (transactions === undefined || this.added === transactions.length) &&
      (viewpoint.knownAt === undefined || this.latestRecordedAt <= viewpoint.knownAt)
    );
  }

  /** How many transactions are on or before `asAt` on the axis, and how many of them rest on an assumption. */
  countsAsAt(axis: Axis, asAt: CalendarDate): { transactions: number; assumed: number } {
    const counts = { transactions: 0, assumed: 0 };
    for (const [on, day] of this.days[axis])
      if (on <= asAt) {
        counts.transactions += day.transactions;
        counts.assumed += day.assumed;
      }
    return counts;
  }

  /** A copy that later additions to this one do not change. */
  clone(): LedgerTotalsIndex {
    const copy = new LedgerTotalsIndex();
    copy.added = this.added;
    copy.latestRecordedAt = this.latestRecordedAt;
    copy.days.effective = cloneDays(this.days.effective);
    copy.days.recorded = cloneDays(this.days.recorded);
    return copy;
  }

  /** The totals of the transactions on or before `asAt` on the axis (as `visibleAt` counts them, `knownAt` absent). */
  totalsAsAt(axis: Axis, asAt: CalendarDate): LedgerTotals {
    const accounts = new Map<string, AccountDay>();
    const totals: LedgerTotals = {
      transactions: 0,
      balances: new Map(),
      quarterIncome: [0, 0, 0, 0],
      quarterSpend: [0, 0, 0, 0],
    };
    for (const [on, day] of this.days[axis]) {
      if (on > asAt) continue;
      totals.transactions += day.transactions;
      for (let q = 0; q < 4; q += 1) {
        totals.quarterIncome[q]! += day.quarterIncome[q]!;
        totals.quarterSpend[q]! += day.quarterSpend[q]!;
      }
      for (const [name, a] of day.accounts) {
        const sum = accounts.get(name);
        if (!sum) accounts.set(name, { ...a });
        else {
          sum.pence += a.pence;
          if (before(a, sum)) {
            sum.firstTransaction = a.firstTransaction;
            sum.firstPosting = a.firstPosting;
          }
        }
      }
    }
    const ordered = [...accounts].sort(([, a], [, b]) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
    for (const [name, a] of ordered) totals.balances.set(name, a.pence);
    return totals;
  }
}

/** The group a transaction counts in (its quarter and the accounts it posts to), and its assumption. */
export function groupOf(t: Transaction, assumption: string | null): TransactionGroup {
  const accounts = [...new Set(t.postings.map((p) => p.account))].sort();
  return { key: `${t.quarter}|${accounts.join('\u0000')}`, accounts, assumption };
}

export interface TransactionGroup {
  key: string;
  accounts: string[];
  assumption: string | null;
}

/** Adds a transaction (at `place` in the ledger) to one day's totals, in its group: a step of the index's `add`. */
export function addTransactionToDay(
  day: DayTotals,
  t: Transaction,
  place: number,
  group: TransactionGroup,
): void {
  day.transactions += 1;
  let sum = day.groups.get(group.key);
  if (!sum) {
    sum = {
      quarter: t.quarter,
      accounts: group.accounts,
      transactions: 0,
      assumed: 0,
      assumptions: new Map(),
      assumedIds: [],
    };
    day.groups.set(group.key, sum);
  }
  sum.transactions += 1;
  if (group.assumption !== null) {
    day.assumed += 1;
    sum.assumed += 1;
    if (!sum.assumptions.has(group.assumption)) sum.assumptions.set(group.assumption, place);
    if (sum.assumedIds.length < ASSUMED_IDS_LISTED) sum.assumedIds.push([place, t.transactionId]);
  }
  t.postings.forEach((p, i) => {
    const account = day.accounts.get(p.account);
    if (account) account.pence += p.amountPence;
    else day.accounts.set(p.account, { pence: p.amountPence, firstTransaction: place, firstPosting: i });
    addToQuarters(p.account, p.amountPence, t.quarter - 1, day.quarterIncome, day.quarterSpend);
  });
}

const before = (a: AccountDay, b: AccountDay) =>
  a.firstTransaction < b.firstTransaction ||
  (a.firstTransaction === b.firstTransaction && a.firstPosting < b.firstPosting);

/** The same totals by a fold over the transactions counted (the plain path, and the index's reference). */
export function ledgerTotalsOf(transactions: readonly Transaction[]): LedgerTotals {
  const balances = new Map<string, number>();
  const quarterIncome = [0, 0, 0, 0];
  const quarterSpend = [0, 0, 0, 0];
  for (const t of transactions)
    for (const p of t.postings) {
      balances.set(p.account, (balances.get(p.account) ?? 0) + p.amountPence);
      addToQuarters(p.account, p.amountPence, t.quarter - 1, quarterIncome, quarterSpend);
    }
  return { transactions: transactions.length, balances, quarterIncome, quarterSpend };
}
