/** Transactions shown on one page: a pool-year may hold hundreds of thousands. */
export const TRANSACTIONS_PER_PAGE = 100;

/** The page asked for (`?page=`, from 1; anything else is page 1): the query clamps it to the pages there are. */
export const askedPage = (asked: unknown): number => Number.parseInt(String(asked ?? '1'), 10) || 1;

/** One page of a pool-year's transactions, as `poolYearTransactionsPage` lists it (only this page's rows). */
export interface TransactionsListedPage<T> {
  count: number;
  page: { number: number; pages: number; perPage: number; offset: number };
  transactions: T[];
  /** Where in the whole listing (from 0) each transaction a row names is, when the listing holds it. */
  listedAt: Record<string, number>;
}

/**
 * The page's rows, the links to the pages before and after, and where each transaction a row on this page names
 * (a reversal, a correction) is: its page and anchor.
 */
export function transactionsPage<T>(listed: TransactionsListedPage<T>, path: string, search: string) {
  const { number, pages, perPage, offset } = listed.page;
  const rows = listed.transactions;
  const join = search ? `${search}&` : '?';
  const href = (n: number) => `${path}${join}page=${n}`;
  const links: Record<string, string> = {};
  for (const [id, index] of Object.entries(listed.listedAt))
    links[id] = `${href(Math.floor(index / perPage) + 1)}#transaction-${id}`;
  return {
    rows,
    number,
    pages,
    count: listed.count,
    first: rows.length ? offset + 1 : 0,
    last: offset + rows.length,
    previous: number > 1 ? { href: href(number - 1) } : null,
    next: number < pages ? { href: href(number + 1) } : null,
    links,
  };
}
