import { StoredEvent } from '@bcl/event-store';
import {
  EVIDENCE_NOT_HELD,
  FundEvent,
  LedgerTotalsIndex,
  PooledFundState,
  Transaction,
  Viewpoint,
  evolvePooledFund,
} from '@bcl/domain-fund';
import { PoolYearFacts, factEvidenceOf, poolYearTransactions } from './fact-evidence';
import { poolYearTransactionsPage } from './transactions-page';

const PER_PAGE = 6;
const OPENED = '2016-04-01T09:00:00Z';

/** Day `n` of the year (from 2016-04-01), as a date. */
const day = (n: number) => new Date(Date.UTC(2016, 3, 1 + n)).toISOString().slice(0, 10);

const transaction = (id: string, effectiveOn: string, links: Partial<Transaction> = {}): Transaction => ({
  transactionId: id,
  kind: links.reverses ? 'reversal' : 'expenditure',
  effectiveOn,
  quarter: 1,
  postings: [
    { account: 'expenditure/carers', amountPence: links.reverses ? -100 : 100 },
    { account: 'bank', amountPence: links.reverses ? 100 : -100 },
  ],
  statedBy: { kind: 'invoice', reference: id },
  reverses: null,
  correctionOf: null,
  detail: {},
  ...links,
});

/**
 * A ledger of 40 transactions over several pages, recorded a day apart, not in order of effective date; with
 * reversals and corrections on other pages than what they reverse or correct, one reversal taking effect after
 * its original (so a viewpoint between them counts the original unreversed), and some transactions assumed.
 */
function ledger(): StoredEvent[] {
  const posted: Transaction[] = [];
  for (let i = 0; i < 34; i += 1) posted.push(transaction(`t${i}`, day((i * 37) % 300)));
  posted.push(transaction('t2-reversed', day(200), { reverses: 't2' }));
  posted.push(transaction('t2-corrected', day(201), { correctionOf: 't2' }));
  posted.push(transaction('t30-reversed', day(2), { reverses: 't30' }));
  posted.push(transaction('t5-reversed', day(360), { reverses: 't5' }));
  posted.push(transaction('t5-corrected', day(361), { correctionOf: 't5' }));
  posted.push(transaction('t39', day(10)));
  const opened = {
    type: 'PooledFundYearOpened',
    data: { poolId: 'pool', year: '2016-17', agreementId: 's75' },
    recordedAt: OPENED,
    metadata: {},
  };
  return [
    opened,
    ...posted.map((t, i) => ({
      type: 'FundTransactionPosted',
      data: { ...t, poolId: 'pool', year: '2016-17' },
      recordedAt: `${day(i + 1)}T12:00:00Z`,
      metadata: { evidence: { citations: [`invoice ${i}`], assumed: i % 3 === 0 ? 'keyed by hand' : null } },
    })),
  ] as unknown as StoredEvent[];
}

/** A pool-year folded from the events: as `loadPoolYear` reads it, or with the cache's totals and places. */
function read(events: StoredEvent[], cached: boolean): PoolYearFacts {
  const state = events.reduce(
    (s, e) =>
      evolvePooledFund(s, { type: e.type, data: e.data, recordedAt: e.recordedAt } as unknown as FundEvent),
    undefined as PooledFundState | undefined,
  )!;
  const facts = factEvidenceOf(events);
  if (!cached) return { state, facts };
  const totals = new LedgerTotalsIndex();
  const places = new Map<string, number>();
  state.transactions.forEach((t, i) => {
    places.set(t.transactionId, i);
    totals.add(t, (facts.transactions[t.transactionId] ?? EVIDENCE_NOT_HELD).assumed);
  });
  return { state, facts, totals, places };
}

const VIEWPOINTS: Viewpoint[] = [
  { asAt: '2017-03-31', axis: 'effective' },
  { asAt: day(210), axis: 'effective' },
  { asAt: day(100), axis: 'effective' },
  { asAt: day(25), axis: 'recorded' },
  { asAt: '2017-03-31', axis: 'effective', knownAt: `${day(30)}T00:00:00Z` },
  { asAt: '2016-01-01', axis: 'effective' },
];

/** Each page equals the same slice of the whole listing, and names its rows' links by their place in it. */
function expectPagesOfTheListing(loaded: PoolYearFacts, viewpoint: Viewpoint) {
  const whole = poolYearTransactions(loaded, viewpoint);
  const pages = Math.max(1, Math.ceil(whole.count / PER_PAGE));
  let crossPage = 0;
  for (let number = 1; number <= pages; number += 1) {
    const page = poolYearTransactionsPage(loaded, viewpoint, { page: number, perPage: PER_PAGE });
    const offset = (number - 1) * PER_PAGE;
    const { transactions: _all, ...listing } = whole;
    expect(page).toMatchObject(listing);
    expect(page.page).toEqual({ number, pages, perPage: PER_PAGE, offset });
    expect(page.transactions).toEqual(whole.transactions.slice(offset, offset + PER_PAGE));
    const named = page.transactions.flatMap((t) => [t.reverses, t.reversedBy, t.correctionOf]);
    const listedAt: Record<string, number> = {};
    for (const id of named) {
      const index = whole.transactions.findIndex((t) => t.transactionId === id);
      if (id && index >= 0) listedAt[id] = index;
      if (index >= 0 && Math.floor(index / PER_PAGE) + 1 !== number) crossPage += 1;
    }
    expect(page.listedAt).toEqual(listedAt);
  }
  return { whole, crossPage };
}

describe('a page of a pool-year’s transactions (only its rows built)', () => {
  const events = ledger();

  it.each([false, true])(
    'equals the same slice of the whole listing, links included, from each viewpoint (cached: %s)',
    (cached) => {
      const loaded = read(events, cached);
      const checked = VIEWPOINTS.map((viewpoint) => expectPagesOfTheListing(loaded, viewpoint));
      // the viewpoints show every transaction, some, and none; links to rows on other pages are checked
      expect(checked.map((c) => c.whole.count)).toEqual([40, 27, 13, 25, 29, 0]);
      expect(checked[0]!.crossPage).toBeGreaterThan(4);
      // between t2's reversal and t5's: t2 is shown reversed, t5 not yet
      const between = checked[1]!.whole.transactions;
      expect(between.find((t) => t.transactionId === 't2')!.reversedBy).toBe('t2-reversed');
      expect(between.find((t) => t.transactionId === 't5')!.reversedBy).toBeNull();
    },
  );

  it('clamps the page asked to those there are', () => {
    const loaded = read(events, true);
    const viewpoint = VIEWPOINTS[0]!;
    const page = (asked: number) =>
      poolYearTransactionsPage(loaded, viewpoint, { page: asked, perPage: PER_PAGE });
    expect([
      page(0).page.number,
      page(-2).page.number,
      page(99).page.number,
      page(Number.NaN).page.number,
    ]).toEqual([1, 1, 7, 1]);
    expect(page(7).transactions.map((t) => t.transactionId)).toEqual([
      't30-reversed',
      't5-reversed',
      't5-corrected',
      't39',
    ]);
    const none = poolYearTransactionsPage(loaded, VIEWPOINTS[5]!, { page: 3, perPage: PER_PAGE });
    expect(none).toMatchObject({ count: 0, page: { number: 1, pages: 1, offset: 0 }, transactions: [] });
  });

  it('ignores places the cache holds beyond the read (transactions posted after it)', () => {
    const later = read(events, true);
    // a read made before the last six were posted, sharing the cache's places by id
    const earlier = read(events.slice(0, 38), true);
    const view = { ...earlier, places: later.places! };
    expect(view.places.size).toBeGreaterThan(view.state.transactions.length);
    for (const viewpoint of VIEWPOINTS) expectPagesOfTheListing(view, viewpoint);
  });
});
