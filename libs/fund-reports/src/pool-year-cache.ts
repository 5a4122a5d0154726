import { FinancialYear, knownBy } from '@bcl/kernel';
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
import { RecordedRuns } from './recorded-runs';

/** How much the cache keeps: at most `entries` pool-years, and at most `events` events over all of them. */
export interface PoolYearCacheLimits {
  entries: number;
  /** The most recently read pool-year is kept even when it alone holds more. */
  events: number;
}

/** A few pool-years, up to a million postings (half a million events) between them: a few hundred MB at most. */
export const POOL_YEAR_CACHE_LIMITS: PoolYearCacheLimits = { entries: 8, events: 1_000_000 };

/**
 * The pool-years as known at past instants kept beside them (each the first events of a stream, up to the last
 * recorded by the instant): a few, as an auditor reads a year as it stood on one or two dates.
 */
export const KNOWN_AT_CACHE_LIMITS: PoolYearCacheLimits = { entries: 4, events: 1_000_000 };

/** A pool-year stream folded up to `revision`: the state and evidence are the cache's own, changed only by `advance`. */
interface Folded {
  revision: number;
  state: PooledFundState | undefined;
  facts: Pick<FactEvidence, 'transactions' | 'figures' | 'transactionOperatorWrites'>;
  /** The state's transactions summed per day, advanced with it, so a position is a sum of days, not a fold. */
  totals: LedgerTotalsIndex;
  /** Each transaction's index in the state's transactions, by id, advanced with them (a read shares it). */
  places: Map<string, number>;
  /** When each event folded was recorded, so a read as known at an instant finds the revision it stops at. */
  recorded: RecordedRuns;
  /** Serialises reads of the stream's new events, so no event is folded twice. */
  turn: Promise<unknown>;
  /** Folded as known at an instant up to an event recorded after it: no event appended later is known then. */
  final?: boolean;
  /**
   * The view of the fold at its revision, made once and given to every read until an event is folded (reads do
   * not change what they are given: copying half a million transactions and the totals per read cost more than
   * the sums did).
   */
  view?: ReturnType<typeof viewOf>;
}

const emptyEntry = (): Folded => ({
  revision: -1,
  state: undefined,
  facts: { transactions: {}, figures: {} },
  totals: new LedgerTotalsIndex(),
  places: new Map(),
  recorded: new RecordedRuns(),
  turn: Promise.resolve(),
});

/**
 * The pool-years as the ledger knows them, folded once and kept in this process: each read folds only the events
 * appended since the last (one read of the stream from the cached revision), never the whole stream again. A read
 * as known at an instant is the stream's first events, up to the last recorded by then (while the stream's
 * instants never go back; else it folds the stream itself, as `loadPoolYear`): when that is every event, the
 * present fold answers it; else a fold of those first events, kept (`KNOWN_AT_CACHE_LIMITS`) for the next read
 * known at any instant that stops at the same revision. Where the present is not folded (`knownFirst`), the
 * first events up to the instant are folded, and kept by instant. Kept least recently read first out, within the
 * limits.
 * A read gives its own view of the fold (`viewOf`), which later appends do not change, and equals
 * `loadPoolYear(store, poolId, year, knownAt)` at the revision it read.
 */
export class PoolYearCache {
  private readonly folded = new Map<string, Folded>();
  /**
   * The first events of a stream, folded: by `<stream>@<last revision>` (found from the present's recorded runs),
   * or by `<stream>~<instant>` (the present not folded: `knownFirst`).
   */
  private readonly knownAt = new Map<string, Folded>();
  /** Reads as known at an instant of a stream whose present is not folded, one after another (`knownFirst`). */
  private readonly knownTurns = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: EventStore,
    private readonly limits: PoolYearCacheLimits = POOL_YEAR_CACHE_LIMITS,
    private readonly knownAtLimits: PoolYearCacheLimits = KNOWN_AT_CACHE_LIMITS,
  ) {}

  /** A pool-year as known at `knownAt` (absent: now); undefined when the year is not opened (or not yet known). */
  async load(poolId: string, year: FinancialYear, knownAt?: string): Promise<LoadedPoolYear | undefined> {
    const stream = pooledFundStream(poolId, year);
    if (knownAt !== undefined && !this.holds(poolId, year)) {
      // one after another: the first that folds every event becomes the present, and those after it ask that
      const read = (this.knownTurns.get(stream) ?? Promise.resolve()).then(() =>
        this.holds(poolId, year) ? this.load(poolId, year, knownAt) : this.knownFirst(stream, knownAt),
      );
      this.knownTurns.set(
        stream,
        read.catch(() => undefined),
      );
      return read;
    }
    const present = this.entryOf(this.folded, stream);
    const now = await this.advanced(present, stream, Infinity);
    keepWithinLimits(this.folded, this.limits, stream);
    if (knownAt === undefined) return this.loaded(now);
    const last = present.recorded.lastKnownAt(knownAt, present.revision);
    if (last === undefined) return loadPoolYear(this.store, poolId, year, knownAt);
    if (last >= now.revision) return this.loaded(now, knownAt);
    if (last < 0) return undefined;
    const key = `${stream}@${last}`;
    const known = await this.advanced(this.entryOf(this.knownAt, key), stream, last);
    keepWithinLimits(this.knownAt, this.knownAtLimits, key);
    // the revision a write's If-Match expects is the stream's, whatever the viewpoint
    return this.loaded({ ...known, revision: now.revision }, knownAt);
  }

  /**
   * A pool-year as known at `knownAt`, the present not folded here (its position as known now read from the
   * fund totals instead): the stream's first events, up to the first recorded after the instant, folded without
   * folding the rest, and kept by instant. Once an event recorded after it is met the fold is final (events
   * appended later come after that one). A fold that met none holds every event: it becomes the present, which
   * answers the reads after it at any instant from its recorded runs.
   */
  private async knownFirst(stream: string, knownAt: string): Promise<LoadedPoolYear | undefined> {
    const key = `${stream}~${knownAt}`;
    const entry = this.entryOf(this.knownAt, key);
    const known = await this.advance(stream, entry, Infinity, knownAt);
    if (!entry.final) {
      this.knownAt.delete(key);
      if ((this.folded.get(stream)?.revision ?? -1) < entry.revision) this.folded.set(stream, entry);
      keepWithinLimits(this.folded, this.limits, stream);
      return this.loaded(known, knownAt);
    }
    keepWithinLimits(this.knownAt, this.knownAtLimits, key);
    // the revision a write's If-Match expects is the stream's, whatever the viewpoint
    return this.loaded({ ...known, revision: await this.store.streamRevision(stream) }, knownAt);
  }

  /** Whether the pool-year is folded in this process, as known now (a read of it folds only what is new). */
  holds(poolId: string, year: FinancialYear): boolean {
    return (this.folded.get(pooledFundStream(poolId, year))?.revision ?? -1) >= 0;
  }

  /** How many pool-years are held (for tests and the bench): as known now, and as known at past instants. */
  get size(): number {
    return this.folded.size;
  }

  get sizeKnownAt(): number {
    return this.knownAt.size;
  }

  private entryOf(entries: Map<string, Folded>, key: string): Folded {
    let entry = entries.get(key);
    if (!entry) entries.set(key, (entry = emptyEntry()));
    return entry;
  }

  private async loaded(
    { state, facts, revision, totals, places }: ReturnType<typeof viewOf>,
    knownAt?: string,
  ): Promise<LoadedPoolYear | undefined> {
    if (!state) return undefined;
    const { agreement, termsEvidence } = await loadAgreementOf(this.store, state.agreementId, knownAt);
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

  /** The entry folded up to `until` (a revision; Infinity: the stream's last), in its turn; a view of it. */
  private advanced(entry: Folded, stream: string, until: number) {
    const view = entry.turn.then(() => this.advance(stream, entry, until));
    entry.turn = view.catch(() => undefined);
    return view;
  }

  /**
   * Folds the events appended since the entry's revision, up to `until`, into it; a view of the result. Given
   * `knownAt`, stops at the first event recorded after it, for good (`final`).
   */
  private async advance(stream: string, entry: Folded, until: number, knownAt?: string) {
    while (entry.revision < until && !entry.final) {
      const maxCount = Math.min(LIMITS.readPageSizeMax, until - entry.revision);
      const page = await this.store.readStream(stream, { fromRevision: entry.revision + 1, maxCount });
      const unknown = knownAt === undefined ? -1 : page.findIndex((e) => !knownBy(knownAt, e));
      this.fold(entry, unknown < 0 ? page : page.slice(0, unknown));
      if (unknown >= 0) entry.final = true;
      if (page.length < maxCount) break;
    }
    if (entry.view?.revision !== entry.revision) entry.view = viewOf(entry);
    return entry.view;
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
      entry.recorded.add(entry.revision, event.recordedAt);
    }
    const transactions = entry.state?.transactions ?? [];
    while (entry.totals.size < transactions.length) {
      const t = transactions[entry.totals.size]!;
      entry.places.set(t.transactionId, entry.totals.size);
      entry.totals.add(t, (entry.facts.transactions[t.transactionId] ?? EVIDENCE_NOT_HELD).assumed);
    }
  }
}

/** Drops the least recently read entries beyond the limits, never the one just read. */
function keepWithinLimits(entries: Map<string, Folded>, limits: PoolYearCacheLimits, justRead: string): void {
  const entry = entries.get(justRead);
  if (entry) {
    entries.delete(justRead);
    entries.set(justRead, entry);
  }
  let events = 0;
  for (const e of entries.values()) events += e.revision + 1;
  for (const [key, e] of entries) {
    if (key === justRead) break;
    if (entries.size <= limits.entries && events <= limits.events) break;
    entries.delete(key);
    events -= e.revision + 1;
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
