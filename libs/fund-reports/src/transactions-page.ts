import { Viewpoint, seenFrom } from '@bcl/domain-fund';
import { PoolYearFacts, transactionCounts, transactionRow } from './fact-evidence';

/** The API's pages of a pool-year's transactions: the rows a page holds when none is asked, and the most it may. */
export const TRANSACTIONS_PAGE_SIZE = 100;
export const TRANSACTIONS_PAGE_SIZE_MAX = 1000;

/** Which page of a pool-year's transactions to list (from 1; clamped to the pages there are), and how many a page. */
export interface TransactionsPageAsked {
  page: number;
  perPage: number;
}

type Listed = PoolYearFacts['state']['transactions'][number];

/**
 * Where each transaction is in the ledger (its index in `state.transactions`), by id: the cache's (`places`,
 * shared by its reads, so only a place before the read's length is the read's own), else made from the read.
 */
function placesOf({ state, places }: PoolYearFacts): (id: string) => number | undefined {
  const length = state.transactions.length;
  if (places) {
    return (id) => {
      const place = places.get(id);
      return place !== undefined && place < length ? place : undefined;
    };
  }
  let made: Map<string, number> | undefined;
  return (id) => {
    made ??= new Map(state.transactions.map((t, i) => [t.transactionId, i]));
    return made.get(id);
  };
}

/**
 * One page of a pool-year's transactions as `poolYearTransactions` lists them from the viewpoint: the rows of
 * that page only (each with its evidence and its reversal, if seen), the count and the assumed ones (from the
 * cache's totals per day when they answer), the page asked clamped to those there are, and where in the whole
 * listing (from 0) each transaction a row names is (its reversal, the one it reverses or corrects), when the
 * listing holds it. Builds no other row: a year of half a million transactions is read for a page of 100 by a
 * slice when the viewpoint counts them all, else by one pass that tests each without copying it. The rows equal
 * the same slice of `poolYearTransactions(...).transactions`.
 */
export function poolYearTransactionsPage(
  loaded: PoolYearFacts,
  viewpoint: Viewpoint,
  { page, perPage }: TransactionsPageAsked,
) {
  const { state } = loaded;
  const all = state.transactions;
  const counts = transactionCounts(loaded, viewpoint);
  const pages = Math.max(1, Math.ceil(counts.transactions / perPage));
  const number = Math.min(pages, Math.max(1, Math.floor(page) || 1));
  const offset = (number - 1) * perPage;
  // every transaction is counted: the listing is the ledger, and a place in it is a place in the listing
  const everyOne = counts.transactions === all.length;
  const seen = (t: Listed) => everyOne || seenFrom(t, viewpoint);
  const placeOf = placesOf(loaded);
  const listed = (id: string) => {
    const place = placeOf(id);
    return place !== undefined && seen(all[place]!) ? place : undefined;
  };

  const shown = everyOne ? all.slice(offset, offset + perPage) : pageOfSeen(all, seen, offset, perPage);
  const transactions = shown.map((t) =>
    transactionRow(t, loaded, (reversal) => listed(reversal) !== undefined),
  );
  const named = new Map<number, string>();
  for (const t of transactions)
    for (const id of [t.reverses, t.reversedBy, t.correctionOf]) {
      const place = id ? listed(id) : undefined;
      if (place !== undefined) named.set(place, id!);
    }
  return {
    poolId: state.poolId,
    year: state.year,
    ...viewpoint,
    count: counts.transactions,
    assumed: counts.assumed,
    page: { number, pages, perPage, offset },
    transactions,
    listedAt: everyOne ? byId(named) : indexesInListing(all, seen, named),
  };
}

/** The `perPage` transactions seen after the first `offset` seen, in ledger order. */
function pageOfSeen(all: readonly Listed[], seen: (t: Listed) => boolean, offset: number, perPage: number) {
  const shown: Listed[] = [];
  let index = 0;
  for (const t of all) {
    if (!seen(t)) continue;
    if (index >= offset) shown.push(t);
    index += 1;
    if (shown.length === perPage) break;
  }
  return shown;
}

const byId = (named: Map<number, string>) => Object.fromEntries([...named].map(([place, id]) => [id, place]));

/** Each named transaction's index among those seen, from its place in the ledger: one pass up to the last. */
function indexesInListing(all: readonly Listed[], seen: (t: Listed) => boolean, named: Map<number, string>) {
  const indexes: Record<string, number> = {};
  const last = Math.max(-1, ...named.keys());
  let index = 0;
  for (let place = 0; place <= last; place += 1) {
    const id = named.get(place);
    if (id !== undefined) indexes[id] = index;
    if (seen(all[place]!)) index += 1;
  }
  return indexes;
}
