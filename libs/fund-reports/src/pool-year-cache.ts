import { FinancialYear } from '@bcl/kernel';
import { EventStore, LIMITS, StoredEvent } from '@bcl/event-store';
import {
  EVIDENCE_NOT_HELD,
  FactEvidence,
  LedgerTotalsIndex,
  PooledFundState,
  evolvePooledFund,
  pooledFundStream,
} from '@bcl/domain-fund';
import { addFactEvidence } from './fact-evidence';
import { LoadedPoolYear, loadAgreementOf, loadPoolYear } from './pool-year-reports';

/** How much the cache keeps: at most `entries` pool-years, and at most `events` events over all of them. */
export interface PoolYearCacheLimits {
  entries: number;
  /** The most recently read pool-year is kept even when it alone holds more. */
  events: number;
}

/** A few pool-years, up to a million postings (half a million events) between them: a few hundred MB at most. */
export const POOL_YEAR_CACHE_LIMITS: PoolYearCacheLimits = { entries: 8, events: 1_000_000 };

/** A pool-year stream folded up to `revision`: the state and evidence are the cache's own, changed only by `advance`. */
interface Folded {
  revision: number;
  state: PooledFundState | undefined;
  facts: Pick<FactEvidence, 'transactions' | 'figures' | 'transactionOperatorWrites'>;
  /** The state's transactions summed per day, advanced with it, so a position is a sum of days, not a fold. */
  totals: LedgerTotalsIndex;
  /** Each transaction's index in the state's transactions, by id, advanced with them (a read shares it). */
  places: Map<string, number>;
  /** Serialises reads of the stream's new events, so no event is folded twice. */
  turn: Promise<unknown>;
}

/**
 * The pool-years as the ledger knows them now, folded once and kept in this process: each read folds only the
 * events appended since the last (one read of the stream from the cached revision), never the whole stream again.
 * Only for the present knowledge (`knownAt` absent): a read as known at an instant folds the stream itself.
 * Kept least recently read first out, within `limits`. A read gives its own view of the fold (`viewOf`), which
 * later appends do not change, and equals `loadPoolYear(store, poolId, year)` at the revision it read.
 */
export class PoolYearCache {
  private readonly folded = new Map<string, Folded>();

  constructor(
    private readonly store: EventStore,
    private readonly limits: PoolYearCacheLimits = POOL_YEAR_CACHE_LIMITS,
  ) {}

  /** A pool-year as known at `knownAt` (absent: now, from the cache); undefined when the year is not opened. */
  async load(poolId: string, year: FinancialYear, knownAt?: string): Promise<LoadedPoolYear | undefined> {
    if (knownAt !== undefined) return loadPoolYear(this.store, poolId, year, knownAt);
    const stream = pooledFundStream(poolId, year);
    let entry = this.folded.get(stream);
    if (!entry) {
      entry = {
        revision: -1,
        state: undefined,
        facts: { transactions: {}, figures: {} },
        totals: new LedgerTotalsIndex(),
        places: new Map(),
        turn: Promise.resolve(),
      };
      this.folded.set(stream, entry);
    }
    const folded = entry;
    const view = folded.turn.then(() => this.advance(stream, folded));
    folded.turn = view.catch(() => undefined);
    const { state, facts, revision, totals, places } = await view;
    this.keepWithinLimits(stream);
    if (!state) return undefined;
    const { agreement, termsEvidence } = await loadAgreementOf(this.store, state.agreementId);
    return {
      state,
      agreement,
      revision,
      termsEvidence,
      facts: { ...facts, variations: { ...termsEvidence } },
      totals,
      places,
    };
  }

  /** How many pool-years are held (for tests and the bench). */
  get size(): number {
    return this.folded.size;
  }

  /** Folds the events appended since the entry's revision into it; a view of the result. */
  private async advance(stream: string, entry: Folded) {
    for (;;) {
      const page = await this.store.readStream(stream, {
        fromRevision: entry.revision + 1,
        maxCount: LIMITS.readPageSizeMax,
      });
      this.fold(entry, page);
      if (page.length < LIMITS.readPageSizeMax) break;
    }
    return viewOf(entry);
  }

  private fold(entry: Folded, events: readonly StoredEvent[]): void {
    for (const event of events) {
      entry.state = evolvePooledFund(entry.state, {
        type: event.type,
        data: event.data,
        recordedAt: event.recordedAt,
      } as unknown as Parameters<typeof evolvePooledFund>[1]);
      addFactEvidence(entry.facts, event);
      entry.revision += 1;
    }
    const transactions = entry.state?.transactions ?? [];
    while (entry.totals.size < transactions.length) {
      const t = transactions[entry.totals.size]!;
      entry.places.set(t.transactionId, entry.totals.size);
      entry.totals.add(t, (entry.facts.transactions[t.transactionId] ?? EVIDENCE_NOT_HELD).assumed);
    }
  }

  /** Drops the least recently read pool-years beyond the limits, never the one just read. */
  private keepWithinLimits(justRead: string): void {
    const entry = this.folded.get(justRead);
    if (entry) {
      this.folded.delete(justRead);
      this.folded.set(justRead, entry);
    }
    let events = 0;
    for (const e of this.folded.values()) events += e.revision + 1;
    for (const [stream, e] of this.folded) {
      if (stream === justRead) break;
      if (this.folded.size <= this.limits.entries && events <= this.limits.events) break;
      this.folded.delete(stream);
      events -= e.revision + 1;
    }
  }
}

/**
 * The entry as it stands, for one read: its own arrays and small records, so events folded later (which change
 * the entry in place) do not show in it. The large by-id records (`transactionIds`, and the evidence by
 * transaction) are shared: a transaction id is recorded once (`assertPostable`), so a later fold only adds ids
 * the view's transactions do not hold, and never changes one it does; so are the places by id (a later fold only
 * adds places beyond the view's transactions, which a reader of the view ignores). The totals per day are copied (a few
 * hundred days, whatever the number of postings).
 */
function viewOf({ state, facts, revision, totals, places }: Folded) {
  if (!state) return { state: undefined, facts, revision, totals: undefined, places };
  return {
    revision,
    state: {
      ...state,
      transactions: state.transactions.slice(),
      figures: state.figures.slice(),
      reversedBy: { ...state.reversedBy },
      replacedBy: { ...state.replacedBy },
      balances: { ...state.balances },
    },
    facts: {
      transactions: facts.transactions,
      figures: { ...facts.figures },
      // shared like the evidence: a transaction's mark is recorded with it, once
      ...(facts.transactionOperatorWrites
        ? { transactionOperatorWrites: facts.transactionOperatorWrites }
        : {}),
    },
    totals: totals.clone(),
    places,
  };
}
