import { FinancialYear } from '@bcl/kernel';
import { EventStore, LIMITS } from '@bcl/event-store';
import {
  FundDayTotalsView,
  FundTotalsView,
  FundYearTotalsView,
  fundTotalsKey,
  fundTotalsProjection,
  poolYearOfTotals,
  pooledFundStream,
} from '@bcl/domain-fund';
import { LoadedPoolYearLedger, loadAgreementOf } from './pool-year-reports';

/** Where the fund-totals views are read: the service store's, kept by the projection runner. */
export interface FundTotalsViews {
  /**
   * The pool-year's record and every day of it, from one snapshot of the store (a runner's commit seen whole
   * or not at all); undefined record when not held.
   */
  read(poolId: string, year: string): Promise<{ record?: FundYearTotalsView; days: FundDayTotalsView[] }>;
}

/** A pool-year's views as read, advanced in this process by the stream's events since. */
interface Entry {
  record: FundYearTotalsView;
  days: Map<string, FundDayTotalsView>;
  turn: Promise<unknown>;
  view?: ReturnType<typeof poolYearOfTotals>;
}

/** Pool-years held (each a few hundred days' totals, whatever its number of postings). */
export const POOL_YEAR_LEDGERS_MAX = 32;

/**
 * The pool-years as a position and a reconciliation read them, as known now, without their transactions: the
 * fund-totals projection's views (a pool-year's record and its totals per day, kept by the projection runner in
 * the service store), read once and advanced by the stream's events appended since, which the same projection
 * folds in memory. So a process that starts answers from a few hundred stored days, not a fold of the whole
 * stream. Undefined when the views do not hold the pool-year (not opened, or the projection has not yet folded
 * its opening): the caller folds the stream.
 */
export class PoolYearLedgers {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly store: EventStore,
    private readonly views: FundTotalsViews,
  ) {}

  async load(poolId: string, year: FinancialYear): Promise<LoadedPoolYearLedger | undefined> {
    const stream = pooledFundStream(poolId, year);
    let entry = this.entries.get(stream);
    if (!entry) {
      const read = await this.read(poolId, year);
      if (!read) return undefined;
      entry = { ...read, turn: Promise.resolve() };
      this.entries.set(stream, entry);
      if (this.entries.size > POOL_YEAR_LEDGERS_MAX) this.entries.delete(this.entries.keys().next().value!);
    }
    const current = entry;
    const view = current.turn.then(() => this.advance(stream, current));
    current.turn = view.catch(() => undefined);
    const { state, totals, figureEvidence, revision } = await view;
    const { agreement, termsEvidence } = await loadAgreementOf(this.store, state.agreementId);
    return {
      state,
      agreement,
      revision,
      termsEvidence,
      facts: { transactions: {}, figures: figureEvidence, variations: { ...termsEvidence } },
      totals,
    };
  }

  /**
   * The pool-year's record and its days, read together; undefined (the caller folds the stream) unless they
   * stand together: no day changed after the record's revision, and each axis's days count the record's
   * transactions (a reset of the projection between its commits, or a view missing, reads as not held).
   */
  private async read(poolId: string, year: string) {
    const { record, days } = await this.views.read(poolId, year);
    if (!record) return undefined;
    const counted = { effective: 0, recorded: 0 };
    for (const day of days) {
      if (day.revision > record.revision) return undefined;
      counted[day.axis] += day.totals.transactions;
    }
    if (counted.effective !== record.transactions || counted.recorded !== record.transactions)
      return undefined;
    return { record, days: new Map(days.map((d) => [fundTotalsKey.day(poolId, year, d.axis, d.on), d])) };
  }

  /** Folds the stream's events after the record's revision into the entry (the projection's own handlers). */
  private async advance(stream: string, entry: Entry) {
    // read on from the last event read, not the record's revision: an event no handler takes (an operator's raw
    // write of another type) leaves the record where it was
    for (let from = entry.record.revision + 1; ;) {
      const maxCount = LIMITS.readPageSizeMax;
      const page = await this.store.readStream(stream, { fromRevision: from, maxCount });
      if (page.length > 0) from = page[page.length - 1]!.revision + 1;
      for (const event of page) {
        const load = (key: string): FundTotalsView | undefined =>
          key.startsWith('year/') ? entry.record : entry.days.get(key);
        for (const { key, view } of fundTotalsProjection.apply(event, load))
          if (key.startsWith('year/')) entry.record = view as FundYearTotalsView;
          else entry.days.set(key, view as FundDayTotalsView);
      }
      if (page.length < maxCount) break;
    }
    if (entry.view?.revision !== entry.record.revision)
      entry.view = poolYearOfTotals(entry.record, [...entry.days.values()]);
    return entry.view;
  }
}
