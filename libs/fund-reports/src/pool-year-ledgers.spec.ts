import { EventStore, StoredEvent } from '@bcl/event-store';
import { InMemoryEventStore } from '@bcl/event-store-in-memory';
import { projectInMemory } from '@bcl/kernel';
import {
  FundDayTotalsView,
  FundEvent,
  FundTotalsView,
  FundYearTotalsView,
  closeOrReopenYear,
  fundDayTotalsPrefix,
  fundTotalsKey,
  fundTotalsProjection,
  postTransaction,
  reverseTransaction,
  stateFigure,
} from '@bcl/domain-fund';
import { FundTotalsViews, PoolYearLedgers } from './pool-year-ledgers';
import {
  STREAM,
  TERMS,
  appendFundEvents,
  currentPoolYear,
  establishAndOpen,
  Q1_ACTUAL,
} from './pool-year-cache.fixtures';
import { loadPoolYear, poolYearPosition, poolYearReports } from './pool-year-reports';

const metadata = (assumed: string | null) => ({
  actor: { id: 'spec', roles: ['admin'] },
  correlationId: 'spec',
  evidence: { citations: assumed === null ? ['invoice'] : [], assumed },
});
const append = async (store: EventStore, events: FundEvent[], assumed: string | null = null) =>
  appendFundEvents(store, STREAM, events, metadata(assumed));

async function spend(
  store: EventStore,
  id: string,
  on: string,
  pence: number,
  assumed: string | null = null,
) {
  const command = {
    transactionId: id,
    effectiveOn: on,
    statedBy: { kind: 'decision' as const, reference: 'spec' },
    correctionOf: null,
    movement: { kind: 'expenditure' as const, schemeId: 'carers', amountPence: pence },
  };
  const facts = { terms: TERMS, organisationExists: () => true };
  await append(store, postTransaction(await currentPoolYear(store), command, facts), assumed);
}

/**
 * The agreement, the year opened, postings cited and assumed (more than a finding lists: over 100 in one day-group
 * on the recorded axis, as every event is recorded on the same day), a reversal, a figure.
 */
async function ledger(): Promise<EventStore> {
  const store = new InMemoryEventStore();
  const cited = metadata(null);
  await establishAndOpen(store, cited, cited);
  for (let i = 0; i < 200; i += 1)
    await spend(store, `t${i}`, `2016-0${4 + (i % 3)}-1${i % 10}`, 100 + i, i % 3 === 0 ? null : `a${i % 2}`);
  const reversal = reverseTransaction(await currentPoolYear(store), {
    transactionId: 't1-reversed',
    reverses: 't1',
    effectiveOn: '2016-09-30',
    statedBy: { kind: 'decision', reference: 'minute 12' },
  });
  await append(store, reversal);
  const figure = stateFigure(await currentPoolYear(store), Q1_ACTUAL);
  await append(store, figure, 'the return was not signed');
  return store;
}

/** The log's events, all or the first `count`. */
async function logEvents(store: EventStore, count = Infinity): Promise<StoredEvent[]> {
  return (await store.readAll({ maxCount: 10_000 })).events.slice(0, count);
}

/** The views the projection keeps of `events` (a service store's, as its runner left them), days in key order. */
function viewsOf(events: StoredEvent[]): FundTotalsViews {
  const views = projectInMemory(fundTotalsProjection, events, new Map<string, FundTotalsView>());
  return {
    read: async (poolId, year) => {
      const record = views.get(fundTotalsKey.year(poolId, year)) as FundYearTotalsView | undefined;
      const days = [...views]
        .filter(([key]) => key.startsWith(fundDayTotalsPrefix(poolId, year)))
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([, view]) => view as FundDayTotalsView);
      return { ...(record ? { record } : {}), days };
    },
  };
}

const VIEWPOINTS = [
  { asAt: '2017-03-31', axis: 'effective' as const },
  { asAt: '2016-06-14', axis: 'effective' as const },
  { asAt: '2016-03-31', axis: 'effective' as const },
  { asAt: '2099-12-31', axis: 'recorded' as const },
  { asAt: '2000-01-01', axis: 'recorded' as const },
];

/** The position and reconciliation from the views are the fold's, to the penny and in order (as JSON). */
async function expectTheFoldsReports(store: EventStore, ledgers: PoolYearLedgers) {
  const summed = (await ledgers.load('pool', '2016-17'))!;
  const folded = (await loadPoolYear(store, 'pool', '2016-17'))!;
  expect(summed.state.transactions).toBeUndefined();
  expect(summed.revision).toBe(folded.revision);
  for (const viewpoint of VIEWPOINTS) {
    expect(JSON.stringify(poolYearPosition(summed, viewpoint))).toBe(
      JSON.stringify(poolYearPosition(folded, viewpoint)),
    );
    const [fromViews, fromFold] = [summed, folded].map((loaded) => poolYearReports(loaded, null, viewpoint));
    expect(JSON.stringify(fromViews!.reconciliation)).toBe(JSON.stringify(fromFold!.reconciliation));
  }
  return summed;
}

describe('a pool-year read from the fund-totals views (a position and a reconciliation as known now)', () => {
  it("answers as the fold of the whole stream does, the projection's views caught up or behind", async () => {
    const store = await ledger();
    const all = await logEvents(store);
    await expectTheFoldsReports(store, new PoolYearLedgers(store, viewsOf(all)));
    // the projection behind by 70 events: the stream's later events are folded in by the reader
    const behind = new PoolYearLedgers(store, viewsOf(all.slice(0, all.length - 70)));
    const summed = await expectTheFoldsReports(store, behind);
    // the evidence lists the first assumed transactions, in ledger order, and counts them all
    const findings = poolYearReports(summed, null, VIEWPOINTS[0]!).reconciliation.findings;
    const q1 = findings.find((f) => (f.evidence.ledger?.assumedTransactions ?? 0) > 100)!.evidence.ledger!;
    expect(q1.assumedTransactionIds).toHaveLength(100);
    // what is appended later is read too (the reader folds the stream's new events)
    await spend(store, 't-late', '2016-10-01', 999);
    await append(
      store,
      closeOrReopenYear(await currentPoolYear(store), {
        action: 'close',
        on: '2017-05-31',
        decision: { kind: 'decision', reference: 'year end' },
      }),
    );
    const later = await expectTheFoldsReports(store, behind);
    expect(later.state.closed).toBe(true);
    expect(later.revision).toBe(all.length - 2 + 2);
  });

  it('gives nothing unless the record and its days stand together (the caller folds the stream)', async () => {
    const store = await ledger();
    const all = await logEvents(store);
    const early = viewsOf(all.slice(0, 40));
    const late = viewsOf(all);
    const mixed = (record: FundTotalsViews, days: FundTotalsViews): FundTotalsViews => ({
      read: async (poolId, year) => ({
        ...(await record.read(poolId, year)),
        days: (await days.read(poolId, year)).days,
      }),
    });
    // a day changed after the record's revision
    expect(await new PoolYearLedgers(store, mixed(early, late)).load('pool', '2016-17')).toBeUndefined();
    // days missing or fewer than the record counts (the projection reset between two of its commits)
    expect(await new PoolYearLedgers(store, mixed(late, early)).load('pool', '2016-17')).toBeUndefined();
    const none: FundTotalsViews = { read: async (p, y) => ({ ...(await late.read(p, y)), days: [] }) };
    expect(await new PoolYearLedgers(store, none).load('pool', '2016-17')).toBeUndefined();
    await expectTheFoldsReports(store, new PoolYearLedgers(store, late));
  });

  it('gives nothing when the views do not hold the pool-year (the caller folds the stream)', async () => {
    const store = await ledger();
    const views = viewsOf((await logEvents(store)).slice(0, 1)); // the agreement only
    expect(await new PoolYearLedgers(store, views).load('pool', '2016-17')).toBeUndefined();
  });
});
