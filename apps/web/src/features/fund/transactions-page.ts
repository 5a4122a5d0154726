/** Transactions shown on one page: a pool-year may hold hundreds of thousands. */
export const TRANSACTIONS_PER_PAGE = 100;

/**
 * One page of the transactions (`?page=`, from 1), the links to the pages before and after, and where each
 * transaction a row on this page names (a reversal, a correction) is: its page and anchor.
 */
export function transactionsPage<
  T extends {
    transactionId: string;
    reverses?: string | null;
    reversedBy?: string | null;
    correctionOf?: string | null;
  },
>(all: T[], asked: unknown, path: string, search: string) {
  const pages = Math.max(1, Math.ceil(all.length / TRANSACTIONS_PER_PAGE));
  const number = Math.min(pages, Math.max(1, Number.parseInt(String(asked ?? '1'), 10) || 1));
  const rows = all.slice((number - 1) * TRANSACTIONS_PER_PAGE, number * TRANSACTIONS_PER_PAGE);
  const join = search ? `${search}&` : '?';
  const href = (n: number) => `${path}${join}page=${n}`;
  const named = new Set(
    rows.flatMap((t) => [t.reverses, t.reversedBy, t.correctionOf]).filter((id): id is string => !!id),
  );
  const links: Record<string, string> = {};
  all.forEach((t, index) => {
    if (named.has(t.transactionId))
      links[t.transactionId] =
        `${href(Math.floor(index / TRANSACTIONS_PER_PAGE) + 1)}#transaction-${t.transactionId}`;
  });
  return {
    rows,
    number,
    pages,
    first: rows.length ? (number - 1) * TRANSACTIONS_PER_PAGE + 1 : 0,
    last: (number - 1) * TRANSACTIONS_PER_PAGE + rows.length,
    previous: number > 1 ? { href: href(number - 1) } : null,
    next: number < pages ? { href: href(number + 1) } : null,
    links,
  };
}
