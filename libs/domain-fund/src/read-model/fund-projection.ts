import { Evidence, ViewKey, change, defineProjection, evidenceOf, viewKeyOf } from '@bcl/kernel';
import { AgreementEvent } from '../agreement/s75-agreement';
import { FundEvent } from '../ledger/pooled-fund';

/** Every account's balance per pool-year, kept live; `bcl verify` compares it with a full replay. */
export interface FundBalancesView {
  poolId: string;
  year: string;
  transactions: number;
  balances: Record<string, number>;
  /** What the year's opening rests on. */
  evidence: Evidence;
  /** How many of its transactions rest on an assumption (their evidence says `assumed`): never documented. */
  assumedTransactions: number;
}

export const fundBalancesKey = (poolId: string, year: string): ViewKey<FundBalancesView> =>
  viewKeyOf(`balances/${poolId}/${year}`);
const balancesOf = (event: { data: { poolId: string; year: string } }) =>
  fundBalancesKey(event.data.poolId, event.data.year);

/** The pooled fund's events: the pool-years' and the section 75 agreements'. */
export type FundContextEvent = FundEvent | AgreementEvent;

/** Every account's balance per pool-year: opened empty, then each transaction's postings added. */
export const fundProjection = defineProjection<FundContextEvent, FundBalancesView>({
  name: 'fund',
  version: 2,
  handlers: {
    PooledFundYearOpened: {
      apply: (event) => [
        change(fundBalancesKey(event.data.poolId, event.data.year), {
          poolId: event.data.poolId,
          year: event.data.year,
          transactions: 0,
          balances: {},
          evidence: evidenceOf(event),
          assumedTransactions: 0,
        }),
      ],
    },
    FundTransactionPosted: {
      reads: (event) => [balancesOf(event)],
      apply(event, load) {
        const before = load(balancesOf(event))!;
        const balances = { ...before.balances };
        for (const p of event.data.postings) balances[p.account] = (balances[p.account] ?? 0) + p.amountPence;
        const assumed = evidenceOf(event).assumed !== null ? 1 : 0;
        return [
          change(balancesOf(event), {
            ...before,
            transactions: before.transactions + 1,
            balances,
            assumedTransactions: (before.assumedTransactions ?? 0) + assumed,
          }),
        ];
      },
    },
    // stated figures and closing or reopening a year change no balance; agreements are replayed from their streams
    FundFigureStated: 'ignored',
    PooledFundYearClosed: 'ignored',
    PooledFundYearReopened: 'ignored',
    S75AgreementEstablished: 'ignored',
    S75AgreementVaried: 'ignored',
  },
});

/** Checks a pool-year's balances: each sums to zero. Returns the problem, or null. */
export function zeroSumProblem(view: FundBalancesView): string | null {
  const sum = Object.values(view.balances).reduce((s, v) => s + v, 0);
  return sum === 0 ? null : `pool '${view.poolId}' ${view.year}: balances sum to ${sum} pence, not 0`;
}
