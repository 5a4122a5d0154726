import fc from 'fast-check';
import { FundEvent, evolvePooledFund } from './ledger/pooled-fund';
import { MoneyMovement, postTransaction } from './ledger/post-transaction';
import { reverseTransaction } from './ledger/reverse-transaction';
import { Viewpoint, fundPosition, visibleAt } from './position/fund-position';
import { BalanceIndex } from './position/balance-index';
import { LedgerTotalsIndex } from './position/ledger-totals';
import {
  FactEvidence,
  FindingSources,
  findingsEvidence,
  findingsEvidenceIndexed,
} from './reconciliation/finding-evidence';

import {
  FundDayTotalsView,
  FundYearTotalsView,
  fundDayTotalsPrefix,
  fundTotalsKey,
  fundTotalsProjection,
  poolYearOfTotals,
} from './read-model/fund-totals-projection';
import { projectInMemory, recordedEvents } from '@bcl/kernel';
import { FUND_LIMITS } from './shared/fund-limits';
import { splitPence } from './shared/split-pence';
import { TERMS, command, facts, opened } from './fund-ledger.fixtures';

/** Random money commands, some of which the ledger refuses: the invariants must hold whatever is accepted. */
const movements: fc.Arbitrary<MoneyMovement> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('contribution-committed' as const, 'contribution-received' as const),
    partnerId: fc.constantFrom('council', 'ccg'),
    source: fc.constantFrom('minimum', 'ibcf'),
    amountPence: fc.integer({ min: -5, max: 1_000_000 }),
  }),
  fc.record({
    kind: fc.constantFrom('allocation' as const, 'expenditure' as const),
    schemeId: fc.constantFrom('reablement', 'carers', 'unknown'),
    amountPence: fc.integer({ min: 1, max: 1_000_000 }),
  }),
  fc.record({
    kind: fc.constant('dfg-pass-down' as const),
    districtId: fc.constantFrom('ashford-council', 'nowhere'),
    amountPence: fc.integer({ min: 1, max: 100_000 }),
  }),
  fc.record({
    kind: fc.constant('overspend-charged' as const),
    schemeId: fc.constantFrom('reablement', 'carers'),
    amountPence: fc.integer({ min: 1, max: 100_000 }),
    partnerId: fc.constant(null),
  }),
  fc.record({
    kind: fc.constantFrom('reserve-set-aside' as const, 'underspend-ring-fenced' as const),
    reserve: fc.constantFrom('risk-share', 'projects'),
    amountPence: fc.integer({ min: 1, max: 100_000 }),
  }),
  fc.record({
    kind: fc.constant('reserve-drawn' as const),
    reserve: fc.constantFrom('risk-share', 'projects'),
    amountPence: fc.integer({ min: 1, max: 100_000 }),
    trigger: fc.constant('admissions above plan'),
  }),
  fc.record({
    kind: fc.constant('carried-forward-in' as const),
    fromYear: fc.constant('2015-16'),
    parts: fc.array(
      fc.record({
        purpose: fc.constantFrom('projects', 'contingency'),
        amountPence: fc.integer({ min: 1, max: 100_000 }),
      }),
      { maxLength: 3 },
    ),
  }),
  fc.record({
    kind: fc.constant('journal' as const),
    postings: fc.array(
      fc.record({
        account: fc.constantFrom('bank', 'expenditure/carers', 'income/ccg/minimum'),
        amountPence: fc.integer({ min: -1000, max: 1000 }),
      }),
      { minLength: 2, maxLength: 4 },
    ),
  }),
);
const day = fc
  .integer({ min: 0, max: 364 })
  .map((n) => new Date(Date.UTC(2016, 3, 1 + n)).toISOString().slice(0, 10));
const steps = fc.array(
  fc.oneof(fc.record({ movement: movements, on: day }), fc.record({ reverse: fc.nat(), on: day })),
  { maxLength: 60 },
);

describe('properties of the ledger on random sequences of money commands', () => {
  it('balances every transaction, sums to zero at every position, and replays to the balances it built live', () => {
    fc.assert(
      fc.property(steps, (sequence) => {
        let live = opened();
        const log: (FundEvent & { recordedAt: string })[] = [];
        sequence.forEach((step, i) => {
          const events =
            'movement' in step
              ? (() => {
                  try {
                    return postTransaction(live, command(`t${i}`, step.movement, step.on), facts);
                  } catch {
                    return [];
                  }
                })()
              : (() => {
                  const target = live.transactions[step.reverse % Math.max(1, live.transactions.length)];
                  try {
                    return target
                      ? reverseTransaction(live, {
                          transactionId: `t${i}`,
                          reverses: target.transactionId,
                          effectiveOn: step.on,
                          statedBy: { kind: 'decision', reference: 'p' },
                        })
                      : [];
                  } catch {
                    return [];
                  }
                })();
          for (const event of events) {
            const logged = { ...event, recordedAt: `2016-07-01T00:00:${String(i % 60).padStart(2, '0')}Z` };
            log.push(logged);
            live = evolvePooledFund(live, logged);
          }
          for (const t of live.transactions)
            expect(t.postings.reduce((s, p) => s + p.amountPence, 0)).toBe(0);
          expect(Object.values(live.balances).reduce((s, v) => s + v, 0)).toBe(0);
        });
        const replayed = log.reduce(evolvePooledFund, opened());
        expect(replayed.balances).toEqual(live.balances);
        for (const asAt of ['2016-06-30', '2016-12-31', '2017-03-31']) {
          const position = fundPosition(live, TERMS, { asAt, axis: 'effective' });
          expect(position.sumOfAllBalancesPence).toBe(0);
          expect(fundPosition(replayed, TERMS, { asAt, axis: 'effective' })).toEqual(position);
          // the balance index answers the same as the fold, without replaying
          const indexed = new BalanceIndex(live.transactions).balancesAsAt(asAt);
          expect(indexed.get('bank') ?? 0).toBe(position.bankPence);
          expect([...indexed.values()].reduce((s, v) => s + v, 0)).toBe(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

type Step = { movement: MoneyMovement; on: string } | { reverse: number; on: string };

/** Posts the steps that the ledger accepts, each recorded on its own day; the accepted events, as logged. */
function ledgerOf(sequence: Step[], recordedOn: string[]) {
  let live = opened();
  const log: (FundEvent & { recordedAt: string })[] = [];
  sequence.forEach((step, i) => {
    let events: FundEvent[] = [];
    try {
      if ('movement' in step) events = postTransaction(live, command(`t${i}`, step.movement, step.on), facts);
      else {
        const target = live.transactions[step.reverse % Math.max(1, live.transactions.length)];
        if (target)
          events = reverseTransaction(live, {
            transactionId: `t${i}`,
            reverses: target.transactionId,
            effectiveOn: step.on,
            statedBy: { kind: 'decision', reference: 'p' },
          });
      }
    } catch {
      events = [];
    }
    for (const event of events) {
      const logged = { ...event, recordedAt: `${recordedOn[i % recordedOn.length]}T09:00:0${i % 10}Z` };
      log.push(logged);
      live = evolvePooledFund(live, logged);
    }
  });
  return { state: live, log };
}

/** Some transactions rest on one of two assumptions (by their ids, `t<n>`), the rest on evidence. */
const assumptionOf = (id: string) => [null, 'a1', 'a2', null, 'a1'][Number(id.slice(1)) % 5] ?? null;
const factsOf = (transactions: { transactionId: string }[]): FactEvidence => ({
  transactions: Object.fromEntries(
    transactions.map((t) => [t.transactionId, { citations: ['c'], assumed: assumptionOf(t.transactionId) }]),
  ),
  figures: {},
  variations: {},
});
const reads = fc.array(
  fc.record({
    figures: fc.constant<FindingSources['figures']>([]),
    ledger: fc.option(
      fc.record({
        accounts: fc.array(
          fc.constantFrom('income/', 'income/ccg/', 'expenditure/', 'expenditure/carers', 'bank', 'budget/'),
          { minLength: 1, maxLength: 3 },
        ),
        quarter: fc.constantFrom(null, 1, 2, 3, 4),
      }),
    ),
  }),
  { maxLength: 8 },
);

describe('the ledger totals per day (the fast path of the position)', () => {
  /** Dates of the year and around it, on either axis; and the days the log's events are recorded on. */
  const viewpoints = fc.array(
    fc.record({
      asAt: fc.oneof(day, fc.constantFrom('2016-03-31', '2017-04-01', '2099-01-01')),
      axis: fc.constantFrom('effective' as const, 'recorded' as const),
    }),
    { minLength: 1, maxLength: 6 },
  );
  const recordedDays = fc.array(day, { minLength: 1, maxLength: 8 });

  it('gives the position the plain fold gives, to the penny and in its order, from any date on either axis', () => {
    fc.assert(
      fc.property(steps, recordedDays, viewpoints, reads, (sequence, recordedOn, vps, sources) => {
        const { state, log } = ledgerOf(sequence, recordedOn);
        // kept as the cache keeps it: advanced event by event, a copy taken half way that later additions leave alone
        let live = opened();
        const index = new LedgerTotalsIndex();
        let halfWay: { copy: LedgerTotalsIndex; state: typeof live } | null = null;
        log.forEach((event, i) => {
          live = evolvePooledFund(live, event);
          while (index.size < live.transactions.length) {
            const t = live.transactions[index.size]!;
            index.add(t, assumptionOf(t.transactionId));
          }
          if (i === Math.floor(log.length / 2))
            halfWay = { copy: index.clone(), state: structuredClone(live) };
        });
        expect(new LedgerTotalsIndex(state.transactions).size).toBe(state.transactions.length);
        const same = (at: typeof state, vp: Viewpoint, with_: LedgerTotalsIndex) => {
          expect(with_.answers(at.transactions, vp)).toBe(true);
          expect(JSON.stringify(fundPosition(at, TERMS, vp, with_))).toBe(
            JSON.stringify(fundPosition(at, TERMS, vp)),
          );
          const seen = visibleAt(at.transactions, vp);
          expect(with_.countsAsAt(vp.axis, vp.asAt)).toEqual({
            transactions: seen.length,
            assumed: seen.filter((t) => assumptionOf(t.transactionId) !== null).length,
          });
          // the findings' evidence counted from the groups equals the pass over the transactions seen
          const known = factsOf(at.transactions);
          expect(findingsEvidenceIndexed(sources, with_, vp, known)).toEqual(
            findingsEvidence(sources, seen, known),
          );
        };
        for (const vp of vps) {
          same(state, vp, index);
          const taken = halfWay as { copy: LedgerTotalsIndex; state: typeof live } | null;
          if (taken) same(taken.state, vp, taken.copy);
          // as known at an instant, the present totals answer only when every transaction was recorded by it;
          // the position is the fold's either way
          const knownAt = `${recordedOn[0]}T09:00:05Z`;
          const known = { ...vp, knownAt };
          expect(index.answers(state.transactions, known)).toBe(
            state.transactions.every((t) => t.recordedAt <= knownAt),
          );
          expect(JSON.stringify(fundPosition(state, TERMS, known, index))).toBe(
            JSON.stringify(fundPosition(state, TERMS, known)),
          );
          // the log's first events, when they are those recorded by the instant, folded with their own totals
          // (as the cache keeps a pool-year as known at an instant): those totals answer, as the fold does
          const first = log.findIndex((e) => e.recordedAt > knownAt);
          const prefix = first < 0 ? log : log.slice(0, first);
          if (log.slice(prefix.length).every((e) => e.recordedAt > knownAt)) {
            const knownState = prefix.reduce((s, e) => evolvePooledFund(s, e), opened());
            const knownIndex = new LedgerTotalsIndex();
            for (const t of knownState.transactions) knownIndex.add(t, assumptionOf(t.transactionId));
            same(knownState, known, knownIndex);
            expect(JSON.stringify(fundPosition(knownState, TERMS, known, knownIndex))).toBe(
              JSON.stringify(fundPosition(state, TERMS, known)),
            );
          }
        }
      }),
      { numRuns: 300 },
    );
  });
  it('reads the same from the fund-totals projection, without the transactions, as from the fold', () => {
    fc.assert(
      fc.property(steps, recordedDays, viewpoints, reads, (sequence, recordedOn, vps, sources) => {
        const { state, log } = ledgerOf(sequence, recordedOn);
        const evidence = (id: string) => ({ evidence: { citations: ['c'], assumed: assumptionOf(id) } });
        const { poolId, year, agreementId } = opened();
        const views = projectInMemory(
          fundTotalsProjection,
          recordedEvents(
            [{ type: 'PooledFundYearOpened', data: { poolId, year, agreementId } }, ...log].map((e) => ({
              ...e,
              stream: 'pooled-fund',
              ...(e.type === 'FundTransactionPosted'
                ? { metadata: evidence((e.data as { transactionId: string }).transactionId) }
                : {}),
            })),
          ),
        );
        const record = views.get(fundTotalsKey.year(poolId, year)) as FundYearTotalsView;
        const days = [...views.entries()].filter(([key]) =>
          key.startsWith(fundDayTotalsPrefix(poolId, year)),
        );
        const read = poolYearOfTotals(
          record,
          days.map(([, v]) => v as FundDayTotalsView),
        );
        expect(read.revision).toBe(log.length);
        const known = factsOf(state.transactions);
        for (const vp of vps) {
          expect(JSON.stringify(fundPosition(read.state, TERMS, vp, read.totals))).toBe(
            JSON.stringify(fundPosition(state, TERMS, vp)),
          );
          expect(findingsEvidenceIndexed(sources, read.totals, vp, known)).toEqual(
            findingsEvidence(sources, visibleAt(state.transactions, vp), known),
          );
        }
        // without its transactions, a read its totals cannot answer (as known at an earlier instant) is refused
        if (state.transactions.length > 0)
          expect(() =>
            fundPosition(read.state, TERMS, { ...vps[0]!, knownAt: '2000-01-01T00:00:00Z' }, read.totals),
          ).toThrow('read without its transactions');
      }),
      { numRuns: 200 },
    );
  });
});

describe('splitting pence by weights', () => {
  it('adds up to the whole exactly, and no part is a penny or more from its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: FUND_LIMITS.amountPenceMax }),
        fc
          .array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 8 })
          .filter((w) => w.some((x) => x > 0)),
        (whole, weights) => {
          const parts = splitPence(
            whole,
            weights.map((weight, i) => ({ key: `p${i}`, weight })),
          );
          expect([...parts.values()].reduce((s, v) => s + v, 0)).toBe(whole);
          const total = weights.reduce((s, w) => s + w, 0);
          weights.forEach((weight, i) =>
            expect(Math.abs(parts.get(`p${i}`)! - (whole * weight) / total)).toBeLessThan(1 + 1e-6),
          );
        },
      ),
    );
  });
});
