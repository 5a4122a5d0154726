import { Viewpoint, viewKeyOf } from '@bcl/kernel';
import { FundBalancesView, fundProjection } from '@bcl/domain-fund';
import { ViewpointViews } from '../event-log/viewpoint-views';

/** One pool-year in the index: what the ledger's live balances say of it, in integer pence. */
export interface PoolYearSummary {
  year: string;
  transactions: number;
  assumedTransactions: number;
  /** Contributions committed: the `income/` accounts' credit, as a positive amount. */
  contributionsPence: number;
  /** Spend: the `expenditure/` accounts' debit. */
  expenditurePence: number;
  bankPence: number;
}

/** Every pool and its opened years, from the `fund` projection (one view per pool-year), in key order. */
export interface PoolYearsIndex {
  pools: { poolId: string; years: PoolYearSummary[] }[];
  /** True when there were more pool-years than `limit`: the index is cut short. */
  truncated: boolean;
}

const sumOf = (balances: Record<string, number>, prefix: string): number =>
  Object.entries(balances)
    .filter(([account]) => account.startsWith(prefix))
    .reduce((sum, [, pence]) => sum + pence, 0);

/**
 * The pools and their years, as the `fund` projection keeps them (from the viewpoint: now, or replayed as at a
 * date and as known at an instant), each with its transactions and totals. Reads no pool-year's stream.
 */
export async function poolYearsIndex(
  views: ViewpointViews,
  viewpoint: Viewpoint,
  limit: number,
): Promise<PoolYearsIndex> {
  const found = await views
    .from(viewpoint)(fundProjection)
    .list(viewKeyOf<FundBalancesView>('balances/'), limit + 1);
  const pools = new Map<string, PoolYearSummary[]>();
  for (const view of found.slice(0, limit)) {
    const years = pools.get(view.poolId) ?? [];
    years.push({
      year: view.year,
      transactions: view.transactions,
      assumedTransactions: view.assumedTransactions ?? 0,
      contributionsPence: 0 - sumOf(view.balances, 'income/'),
      expenditurePence: sumOf(view.balances, 'expenditure/'),
      bankPence: view.balances.bank ?? 0,
    });
    pools.set(view.poolId, years);
  }
  return {
    pools: [...pools.entries()].map(([poolId, years]) => ({ poolId, years })),
    truncated: found.length > limit,
  };
}
