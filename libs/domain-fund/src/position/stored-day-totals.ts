import { DayTotals } from './ledger-totals';

/**
 * One day's ledger totals as JSON (what the fund-totals projection stores): the `DayTotals` of the index, its
 * maps as lists of entries in their order (so no key of an account or an assumption is read as anything else).
 */
export interface StoredDayTotals {
  transactions: number;
  assumed: number;
  groups: {
    key: string;
    quarter: number;
    accounts: string[];
    transactions: number;
    assumed: number;
    assumptions: [string, number][];
    assumedIds: [number, string][];
  }[];
  /** Each account: name, pence, the first transaction's place that day, the posting's place in it. */
  accounts: [string, number, number, number][];
  quarterIncome: number[];
  quarterSpend: number[];
}

/** A day's totals as stored (shares nothing with `day`). */
export function storedDayTotals(day: DayTotals): StoredDayTotals {
  return {
    transactions: day.transactions,
    assumed: day.assumed,
    groups: [...day.groups].map(([key, g]) => ({
      key,
      quarter: g.quarter,
      accounts: g.accounts.slice(),
      transactions: g.transactions,
      assumed: g.assumed,
      assumptions: [...g.assumptions],
      assumedIds: g.assumedIds.map(([place, id]): [number, string] => [place, id]),
    })),
    accounts: [...day.accounts].map(([name, a]): [string, number, number, number] => [
      name,
      a.pence,
      a.firstTransaction,
      a.firstPosting,
    ]),
    quarterIncome: day.quarterIncome.slice(),
    quarterSpend: day.quarterSpend.slice(),
  };
}

/** A stored day's totals, to add to or read (shares nothing with `stored`). */
export function dayTotalsOf(stored: StoredDayTotals): DayTotals {
  return {
    transactions: stored.transactions,
    assumed: stored.assumed,
    groups: new Map(
      stored.groups.map((g) => [
        g.key,
        {
          quarter: g.quarter,
          accounts: g.accounts.slice(),
          transactions: g.transactions,
          assumed: g.assumed,
          assumptions: new Map(g.assumptions),
          assumedIds: g.assumedIds.map(([place, id]): [number, string] => [place, id]),
        },
      ]),
    ),
    accounts: new Map(
      stored.accounts.map(([name, pence, firstTransaction, firstPosting]) => [
        name,
        { pence, firstTransaction, firstPosting },
      ]),
    ),
    quarterIncome: stored.quarterIncome.slice(),
    quarterSpend: stored.quarterSpend.slice(),
  };
}
