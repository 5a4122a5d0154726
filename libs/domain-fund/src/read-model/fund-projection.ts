import { FundEvent } from '../ledger/pooled-fund';

/** Every account's balance per pool-year, kept live; `bcl verify` compares it with a full replay. */
export interface FundBalancesView {
  poolId: string;
  year: string;
  transactions: number;
  balances: Record<string, number>;
}

interface LoggedEvent {
  type: string;
  data: object;
}

export const fundBalancesKey = (poolId: string, year: string): string => `balances/${poolId}/${year}`;

export const fundProjection = {
  name: 'fund',
  version: 1,
  handles: (event: LoggedEvent): boolean =>
    event.type === 'PooledFundYearOpened' || event.type === 'FundTransactionPosted',
  keysRead: (event: LoggedEvent): string[] => {
    const { poolId, year } = event.data as { poolId: string; year: string };
    return [fundBalancesKey(poolId, year)];
  },
  apply(
    event: LoggedEvent,
    load: (key: string) => object | undefined,
  ): { key: string; view: FundBalancesView }[] {
    const fund = event as unknown as FundEvent;
    const key = fundBalancesKey(fund.data.poolId, fund.data.year);
    if (fund.type === 'PooledFundYearOpened')
      return [
        { key, view: { poolId: fund.data.poolId, year: fund.data.year, transactions: 0, balances: {} } },
      ];
    if (fund.type !== 'FundTransactionPosted') return [];
    const before = load(key) as FundBalancesView;
    const balances = { ...before.balances };
    for (const p of fund.data.postings) balances[p.account] = (balances[p.account] ?? 0) + p.amountPence;
    return [{ key, view: { ...before, transactions: before.transactions + 1, balances } }];
  },
};

/** Checks a pool-year's balances: each sums to zero. Returns the problem, or null. */
export function zeroSumProblem(view: FundBalancesView): string | null {
  const sum = Object.values(view.balances).reduce((s, v) => s + v, 0);
  return sum === 0 ? null : `pool '${view.poolId}' ${view.year}: balances sum to ${sum} pence, not 0`;
}
