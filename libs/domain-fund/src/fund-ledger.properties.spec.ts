import fc from 'fast-check';
import { FundEvent, evolvePooledFund } from './ledger/pooled-fund';
import { MoneyMovement, postTransaction } from './ledger/post-transaction';
import { reverseTransaction } from './ledger/reverse-transaction';
import { fundPosition } from './position/fund-position';
import { BalanceIndex } from './position/balance-index';
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
