import { EventStore, readWholeStream } from '@bcl/event-store';
import { InMemoryEventStore } from '@bcl/event-store-in-memory';
import { FundEvent, postTransaction, reverseTransaction, stateFigure } from '@bcl/domain-fund';
import { PoolYearCache } from './pool-year-cache';
import {
  STREAM,
  TERMS,
  appendFundEvents,
  currentPoolYear,
  establishAndOpen,
  Q1_ACTUAL,
} from './pool-year-cache.fixtures';
import { LoadedPoolYear, loadPoolYear, poolYearPosition } from './pool-year-reports';
import { factsSummary, poolYearTransactions } from './fact-evidence';
import { poolYearTransactionsPage } from './transactions-page';

const metadata = (evidence?: { citations: string[]; assumed: string | null }) => ({
  actor: { id: 'spec', roles: ['admin'] },
  correlationId: 'spec',
  ...(evidence ? { evidence } : {}),
});

const append = (store: EventStore, stream: string, events: FundEvent[], evidence?: object) =>
  appendFundEvents(store, stream, events, metadata(evidence as { citations: string[]; assumed: null }));
const current = currentPoolYear;

const spend = (transactionId: string, amountPence: number, correctionOf: string | null = null) => ({
  transactionId,
  effectiveOn: '2016-06-30',
  statedBy: { kind: 'decision' as const, reference: 'spec' },
  correctionOf,
  movement: { kind: 'expenditure' as const, schemeId: 'carers', amountPence },
});

async function post(store: EventStore, command: ReturnType<typeof spend>, evidence?: object) {
  const facts = { terms: TERMS, organisationExists: () => true };
  await append(store, STREAM, postTransaction(await current(store), command, facts), evidence);
}

/** A store holding the agreement and an opened pool-year with one cited and one assumed posting. */
async function ledger(): Promise<EventStore> {
  const store = new InMemoryEventStore();
  await establishAndOpen(
    store,
    metadata({ citations: ['s75 agreement, clause 4'], assumed: null }),
    metadata(),
  );
  await post(store, spend('t1', 100_00), { citations: ['invoice 1'], assumed: null });
  await post(store, spend('t2', 250_00));
  return store;
}

/** A read without the totals per day and the places by id only the cache keeps: what `loadPoolYear` reads. */
function plain(loaded: LoadedPoolYear | undefined) {
  if (!loaded) return loaded;
  const { totals: _totals, places: _places, ...read } = loaded;
  return read;
}

const VIEWPOINTS = [
  { asAt: '2017-03-31', axis: 'effective' as const },
  { asAt: '2016-06-30', axis: 'effective' as const },
  { asAt: '2016-06-29', axis: 'effective' as const },
  { asAt: '2016-01-01', axis: 'recorded' as const },
  { asAt: '2099-12-31', axis: 'recorded' as const },
];

/**
 * The cached read's position and facts summary, from its totals per day, are those of the plain fold, to the
 * penny and in the same order (compared as JSON), from each viewpoint.
 */
function expectSamePositions(cached: LoadedPoolYear, folded: LoadedPoolYear) {
  expect(cached.totals?.answers(cached.state.transactions, {})).toBe(true);
  expect(folded.totals).toBeUndefined();
  for (const viewpoint of VIEWPOINTS) {
    expect(JSON.stringify(poolYearPosition(cached, viewpoint))).toBe(
      JSON.stringify(poolYearPosition(folded, viewpoint)),
    );
    // each page of the transactions, from the cache's totals and places, is the plain fold's
    for (const page of [1, 2, 3])
      expect(poolYearTransactionsPage(cached, viewpoint, { page, perPage: 2 })).toEqual(
        poolYearTransactionsPage(folded, viewpoint, { page, perPage: 2 }),
      );
  }
}

/** The cached read of the pool-year now, and the read that folds the whole stream: they must be the same. */
async function bothReads(cache: PoolYearCache, store: EventStore) {
  const cached = await cache.load('pool', '2016-17');
  const folded = await loadPoolYear(store, 'pool', '2016-17');
  if (cached && folded) expectSamePositions(cached, folded);
  return { cached: plain(cached), folded, totals: cached?.totals };
}

describe('the pool-year cache (the present knowledge, folded once and advanced)', () => {
  it('reads what a fold of the whole stream reads, after postings, a reversal, a correction and a figure', async () => {
    const store = await ledger();
    const cache = new PoolYearCache(store);
    let reads = await bothReads(cache, store);
    expect(reads.cached).toEqual(reads.folded);
    expect(reads.cached!.revision).toBe(2);

    await append(
      store,
      STREAM,
      reverseTransaction(await current(store), {
        transactionId: 't2-reversed',
        reverses: 't2',
        effectiveOn: '2016-07-31',
        statedBy: { kind: 'decision', reference: 'spec' },
      }),
      { citations: ['minute 12'], assumed: null },
    );
    await post(store, spend('t2-corrected', 205_00, 't2'), { citations: ['invoice 2'], assumed: null });
    await append(store, STREAM, stateFigure(await current(store), Q1_ACTUAL));
    reads = await bothReads(cache, store);
    expect(reads.cached).toEqual(reads.folded);
    expect(reads.cached!.revision).toBe(5);
    expect(reads.cached!.state.reversedBy).toEqual({ t2: 't2-reversed' });
    expect(reads.cached!.state.replacedBy).toEqual({ t2: 't2-corrected' });
    // the position's summary counts what the listing lists, from either axis
    for (const viewpoint of VIEWPOINTS) {
      const listed = poolYearTransactions(reads.cached!, viewpoint);
      expect(factsSummary({ ...reads.cached!, totals: reads.totals! }, viewpoint)).toMatchObject({
        transactions: listed.count,
        assumedTransactions: listed.assumed,
      });
    }
    expect(poolYearTransactions(reads.cached!, { asAt: '2017-03-31', axis: 'effective' })).toMatchObject({
      count: 4,
      assumed: 1,
    });
    expect(reads.cached!.facts.transactions['t2-corrected']).toEqual({
      citations: ['invoice 2'],
      assumed: null,
    });
  });

  it('gives each read its own view: a later append changes no fact of a read already given', async () => {
    const store = await ledger();
    const cache = new PoolYearCache(store);
    const before = (await cache.load('pool', '2016-17'))!;
    // the large by-id records are shared (copying half a million ids takes seconds): a later fold only adds ids
    const { transactionIds: _ids, ...state } = before.state;
    const facts = { ...before.facts, transactions: undefined };
    const seen = JSON.stringify({ state, facts, revision: before.revision });
    const evidence = state.transactions.map((t) => before.facts.transactions[t.transactionId]);
    await post(store, spend('t3', 40_00));
    await append(
      store,
      STREAM,
      reverseTransaction(await current(store), {
        transactionId: 't1-reversed',
        reverses: 't1',
        effectiveOn: '2016-07-31',
        statedBy: { kind: 'decision', reference: 'spec' },
      }),
    );
    const positionBefore = JSON.stringify(poolYearPosition(before, VIEWPOINTS[0]!));
    const after = await cache.load('pool', '2016-17');
    const { transactionIds: _later, ...stateNow } = before.state;
    expect(
      JSON.stringify({
        state: stateNow,
        facts: { ...before.facts, transactions: undefined },
        revision: before.revision,
      }),
    ).toBe(seen);
    expect(state.transactions.map((t) => before.facts.transactions[t.transactionId])).toEqual(evidence);
    // the earlier read's totals per day are its own too: its position is unchanged
    expect(JSON.stringify(poolYearPosition(before, VIEWPOINTS[0]!))).toBe(positionBefore);
    expect(before.totals!.size).toBe(before.state.transactions.length);
    expect(plain(after)).toEqual(await loadPoolYear(store, 'pool', '2016-17'));
    expectSamePositions(after!, (await loadPoolYear(store, 'pool', '2016-17'))!);
    expect(after!.state.transactions.map((t) => t.transactionId)).toEqual(['t1', 't2', 't3', 't1-reversed']);
  });

  it('folds each new event once when reads overlap', async () => {
    const store = await ledger();
    const cache = new PoolYearCache(store);
    await post(store, spend('t3', 40_00));
    const reads = await Promise.all([1, 2, 3].map(() => cache.load('pool', '2016-17')));
    const folded = await loadPoolYear(store, 'pool', '2016-17');
    for (const read of reads) {
      expect(plain(read)).toEqual(folded);
      expectSamePositions(read!, folded!);
    }
  });

  it('reads as known at an instant what a fold of the events recorded by then reads (pool-year-cache-known-at.spec.ts)', async () => {
    const store = await ledger();
    const cache = new PoolYearCache(store);
    await cache.load('pool', '2016-17');
    const events = await readWholeStream(store, STREAM);
    const knownAt = events[1]!.recordedAt;
    const asKnown = await cache.load('pool', '2016-17', knownAt);
    expect(plain(asKnown)).toEqual(await loadPoolYear(store, 'pool', '2016-17', knownAt));
  });

  it('says a year not opened is not there, and keeps within its limits', async () => {
    const store = await ledger();
    const cache = new PoolYearCache(store, { entries: 2, events: 1_000 });
    expect(await cache.load('pool', '2017-18')).toBeUndefined();
    expect(await cache.load('other', '2016-17')).toBeUndefined();
    expect(plain(await cache.load('pool', '2016-17'))).toEqual(await loadPoolYear(store, 'pool', '2016-17'));
    expect(cache.size).toBe(2);
    const small = new PoolYearCache(store, { entries: 8, events: 1 });
    await small.load('pool', '2016-17');
    await small.load('pool', '2017-18');
    expect(small.size).toBe(1);
  });
});
