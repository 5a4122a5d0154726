import { CalendarDate } from '@bcl/kernel';
import { Posting } from '../ledger/accounts';

/**
 * Balances of every account as at any effective date without replaying the log: per account, the postings'
 * dates in order with running totals, searched by bisection. Built once (as a projection would keep it), it
 * answers a point-in-time query in O(accounts × log postings).
 */
export class BalanceIndex {
  private readonly accounts = new Map<string, { dates: CalendarDate[]; running: number[] }>();

  constructor(transactions: Iterable<{ effectiveOn: CalendarDate; postings: readonly Posting[] }>) {
    const byAccount = new Map<string, { on: CalendarDate; pence: number }[]>();
    for (const t of transactions)
      for (const p of t.postings) {
        let list = byAccount.get(p.account);
        if (!list) byAccount.set(p.account, (list = []));
        list.push({ on: t.effectiveOn, pence: p.amountPence });
      }
    for (const [name, list] of byAccount) {
      list.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
      const dates: CalendarDate[] = new Array(list.length);
      const running: number[] = new Array(list.length);
      let sum = 0;
      list.forEach((entry, i) => {
        sum += entry.pence;
        dates[i] = entry.on;
        running[i] = sum;
      });
      this.accounts.set(name, { dates, running });
    }
  }

  /** Every account's balance counting postings effective on or before the date. */
  balancesAsAt(date: CalendarDate): Map<string, number> {
    const result = new Map<string, number>();
    for (const [name, { dates, running }] of this.accounts) {
      let low = 0;
      let high = dates.length; // first index with a date after `date`
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (dates[mid]! <= date) low = mid + 1;
        else high = mid;
      }
      result.set(name, low === 0 ? 0 : running[low - 1]!);
    }
    return result;
  }
}
