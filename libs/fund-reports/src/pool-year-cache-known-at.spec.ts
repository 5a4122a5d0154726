import { EventStore } from '@bcl/event-store';
import { InMemoryEventStore } from '@bcl/event-store-in-memory';
import { FundEvent, Viewpoint, postTransaction, reverseTransaction, stateFigure } from '@bcl/domain-fund';
import { PoolYearCache } from './pool-year-cache';
import {
  STREAM,
  TERMS,
  appendFundEvents,
  currentPoolYear,
  establishAndOpen,
} from './pool-year-cache.fixtures';
import { LoadedPoolYear, loadPoolYear, poolYearReports } from './pool-year-reports';
import { poolYearTransactionsPage } from './transactions-page';

const metadata = { actor: { id: 'spec', roles: ['admin'] }, correlationId: 'spec' };

/**
 * A store whose clock is the next of `instants` at each append (the last one again once they run out), recorded
 * as it reads even where it goes back: a log as written before stores kept recordedAt from going backwards.
 */
function storeRecordingAt(instants: string[]): EventStore {
  let next = 0;
  return new InMemoryEventStore({
    clock: () => new Date(instants[Math.min(next++, instants.length - 1)]!),
    recordedAtMayGoBack: true,
  });
}

const current = currentPoolYear;
const append = (store: EventStore, stream: string, events: FundEvent[]) =>
  appendFundEvents(store, stream, events, metadata);

const spend = (transactionId: string, effectiveOn: string, amountPence: number) => ({
  transactionId,
  effectiveOn,
  statedBy: { kind: 'decision' as const, reference: 'spec' },
  correctionOf: null,
  movement: { kind: 'expenditure' as const, schemeId: 'carers', amountPence },
});

/** The agreement, the year opened, three postings, a reversal and a figure: one append each, at each instant. */
async function ledger(instants: string[]): Promise<EventStore> {
  const store = storeRecordingAt(instants);
  await establishAndOpen(store, metadata, metadata);
  const facts = { terms: TERMS, organisationExists: () => true };
  for (const [id, on, pence] of [
    ['t1', '2016-05-01', 100_00],
    ['t2', '2016-08-01', 250_00],
    ['t3', '2016-11-01', 40_00],
  ] as const)
    await append(store, STREAM, postTransaction(await current(store), spend(id, on, pence), facts));
  await append(
    store,
    STREAM,
    reverseTransaction(await current(store), {
      transactionId: 't2-reversed',
      reverses: 't2',
      effectiveOn: '2016-09-01',
      statedBy: { kind: 'decision', reference: 'spec' },
    }),
  );
  await append(
    store,
    STREAM,
    stateFigure(await current(store), {
      figureId: 'q1-actual',
      basis: 'actual',
      line: 'expenditure',
      subject: 'pool',
      quarter: 1,
      amountPence: 100_00,
      statedBy: { kind: 'quarterly-return', reference: 'Q1 return' },
      statedOn: '2016-07-31',
      composedOf: null,
    }),
  );
  return store;
}

const INSTANTS = [1, 2, 3, 4, 5, 6, 7].map((day) => `2017-01-0${day}T12:00:00.000Z`);
const plain = (loaded: LoadedPoolYear | undefined) => {
  if (!loaded) return loaded;
  const { totals: _totals, places: _places, ...read } = loaded;
  return read;
};

/** The cached read as known at `knownAt` is the fold's: the same record, and the same reports from each date. */
async function expectSameAsTheFold(
  cache: PoolYearCache,
  store: EventStore,
  knownAt: string,
  fromTheCache = true,
) {
  const cached = await cache.load('pool', '2016-17', knownAt);
  const folded = await loadPoolYear(store, 'pool', '2016-17', knownAt);
  expect(plain(cached)).toEqual(folded);
  if (!cached || !folded) return cached;
  for (const [asAt, axis] of [
    ['2017-03-31', 'effective'],
    ['2016-08-15', 'effective'],
    ['2017-01-03', 'recorded'],
  ] as const) {
    const viewpoint: Viewpoint = { asAt, axis, knownAt };
    // its totals answer (no fold of every posting), and what they answer is the fold's
    expect(cached.totals?.answers(cached.state.transactions, viewpoint) ?? false).toBe(fromTheCache);
    expect(JSON.stringify(poolYearReports(cached, null, viewpoint))).toBe(
      JSON.stringify(poolYearReports(folded, null, viewpoint)),
    );
    expect(poolYearTransactionsPage(cached, viewpoint, { page: 1, perPage: 2 })).toEqual(
      poolYearTransactionsPage(folded, viewpoint, { page: 1, perPage: 2 }),
    );
  }
  return cached;
}

describe('the pool-year cache as known at an instant', () => {
  it('reads what a fold of the events recorded by then reads, from before the year opened to after its last event', async () => {
    const store = await ledger(INSTANTS);
    const cache = new PoolYearCache(store);
    const asked = [
      '2016-12-31T00:00:00.000Z', // before anything: the year is not known to be opened
      ...INSTANTS, // each exactly when an event was recorded
      ...INSTANTS.map((at) => at.replace('12:00', '18:00')), // between two events
    ];
    expect(await cache.load('pool', '2016-17', asked[0])).toBeUndefined();
    // the present not folded here (its position read from the fund totals): each instant's first events folded,
    // until an instant after the last event, whose fold holds every event and becomes the present
    for (const knownAt of asked.slice(0, 7)) await expectSameAsTheFold(cache, store, knownAt);
    expect(cache.size).toBe(0);
    await expectSameAsTheFold(cache, store, asked[7]!);
    expect(cache.size).toBe(1);
    // the present folded: the instants found in its recorded runs
    await cache.load('pool', '2016-17');
    for (const knownAt of asked) await expectSameAsTheFold(cache, store, knownAt);
    // the revision is the stream's now (what a write's If-Match expects), whatever the instant
    expect((await cache.load('pool', '2016-17', INSTANTS[2]))!.revision).toBe(5);
    expect(cache.size).toBe(1);
  });

  it('keeps a few folds as known at past instants, read from the log once each', async () => {
    const store = await ledger(INSTANTS);
    const cache = new PoolYearCache(store, undefined, { entries: 2, events: 1_000 });
    const reads = jest.spyOn(store, 'readStream');
    await cache.load('pool', '2016-17');
    await expectSameAsTheFold(cache, store, INSTANTS[3]!);
    expect(cache.sizeKnownAt).toBe(1);
    // another instant that stops at the same event: no read of the pool-year's earlier events
    reads.mockClear();
    await expectSameAsTheFold(cache, store, INSTANTS[3]!.replace('12:00', '13:00'));
    const poolYearReads = () => reads.mock.calls.filter(([stream]) => stream === STREAM);
    // the present fold's read of what was appended since, and the fold the comparison makes itself
    expect(poolYearReads().filter(([, options]) => options?.fromRevision === 0)).toHaveLength(1);
    // every event known: the present fold answers, and keeps no other
    await expectSameAsTheFold(cache, store, '2099-01-01T00:00:00.000Z');
    await expectSameAsTheFold(cache, store, INSTANTS[2]!);
    await expectSameAsTheFold(cache, store, INSTANTS[4]!);
    expect(cache.sizeKnownAt).toBe(2);
    // a posting after: the folds as known at past instants stand, the present one advances
    const facts = { terms: TERMS, organisationExists: () => true };
    await append(
      store,
      STREAM,
      postTransaction(await current(store), spend('t4', '2016-12-01', 5_00), facts),
    );
    await expectSameAsTheFold(cache, store, INSTANTS[4]!);
    await expectSameAsTheFold(cache, store, '2099-01-01T00:00:00.000Z');
  });

  it('gives every read at one revision the same view, and a new one once an event is folded', async () => {
    const store = await ledger(INSTANTS);
    const cache = new PoolYearCache(store);
    const now = (knownAt?: string) => cache.load('pool', '2016-17', knownAt);
    const [first, second] = [(await now())!, (await now())!];
    expect(second.state).toBe(first.state);
    expect(second.totals).toBe(first.totals);
    const [knownFirst, knownSecond] = [(await now(INSTANTS[3]))!, (await now(INSTANTS[3]))!];
    expect(knownSecond.state).toBe(knownFirst.state);
    expect(knownFirst.state.transactions).toHaveLength(2);
    const facts = { terms: TERMS, organisationExists: () => true };
    await append(
      store,
      STREAM,
      postTransaction(await current(store), spend('t4', '2016-12-01', 5_00), facts),
    );
    const after = (await now())!;
    expect(after.state).not.toBe(first.state);
    expect(after.state.transactions).toHaveLength(5);
    expect(first.state.transactions).toHaveLength(4);
    expect(first.totals!.size).toBe(4);
  });

  it('folds the log itself when the recorded instants go back along the stream', async () => {
    const back = [...INSTANTS.slice(0, 4), '2017-01-02T18:00:00.000Z', ...INSTANTS.slice(5)];
    const store = await ledger(back);
    const cache = new PoolYearCache(store);
    await cache.load('pool', '2016-17');
    for (const knownAt of [...back, '2017-01-03T00:00:00.000Z'])
      await expectSameAsTheFold(cache, store, knownAt, false);
    expect(cache.sizeKnownAt).toBe(0);
  });

  it('counts as known only the events up to the first recorded after the instant (a writer whose clock was behind)', async () => {
    // the reversal of t2 (the sixth append) recorded by a clock behind the one that recorded t2
    const behind = [...INSTANTS.slice(0, 5), '2017-01-03T18:00:00.000Z', ...INSTANTS.slice(6)];
    const store = await ledger(behind);
    const cache = new PoolYearCache(store);
    const knownAt = '2017-01-03T20:00:00.000Z';
    const read = await loadPoolYear(store, 'pool', '2016-17', knownAt);
    // the agreement, the year opened and t1: not the reversal, appended after t2, which was recorded later
    expect(read!.state.transactions.map((t) => t.transactionId)).toEqual(['t1']);
    // the present folded, its instants go back: the log folded itself; not folded, each instant's first events
    const fresh = new PoolYearCache(store);
    for (const instant of [...behind, knownAt])
      await expectSameAsTheFold(fresh, store, instant, fresh.size === 0); // the present held: the log's own fold
    await cache.load('pool', '2016-17');
    for (const instant of [...behind, knownAt]) await expectSameAsTheFold(cache, store, instant, false);
  });

  it('with the present not folded, folds only the events known at the instant, and on from there once more are', async () => {
    const store = await ledger(INSTANTS);
    const cache = new PoolYearCache(store);
    const reads = jest.spyOn(store, 'readStream');
    const poolYearReads = () => reads.mock.calls.filter(([stream]) => stream === STREAM);
    // an instant before the last event: the fold stops at the first event recorded after it, for good
    await expectSameAsTheFold(cache, store, INSTANTS[3]!);
    reads.mockClear();
    await expectSameAsTheFold(cache, store, INSTANTS[3]!);
    expect(poolYearReads()).toHaveLength(1); // the comparison's own fold: the cache read nothing
    // an instant after every event: its fold holds every event and becomes the present, which answers any
    // instant after it without folding from the first event again, and folds on what is appended later
    const later = '2099-01-01T00:00:00.000Z';
    await expectSameAsTheFold(cache, store, later);
    expect(cache.size).toBe(1);
    reads.mockClear();
    for (const instant of ['2098-01-01T00:00:00.000Z', '2097-06-01T00:00:00.123Z'])
      await expectSameAsTheFold(cache, store, instant);
    expect(poolYearReads().filter(([, options]) => options?.fromRevision === 0)).toHaveLength(2); // the comparisons'
    const facts = { terms: TERMS, organisationExists: () => true };
    await append(
      store,
      STREAM,
      postTransaction(await current(store), spend('t4', '2016-12-01', 5_00), facts),
    );
    reads.mockClear();
    const read = await expectSameAsTheFold(cache, store, later);
    expect(read!.state.transactions.map((t) => t.transactionId)).toContain('t4');
    expect(poolYearReads().filter(([, options]) => options?.fromRevision === 0)).toHaveLength(1);
    expect(cache.size).toBe(1);
  });
});
