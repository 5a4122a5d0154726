import fc from 'fast-check';
import { refusal } from '@bcl/testing';
import { AgreementTerms } from './agreement/s75-agreement';
import { establishAgreement, varyAgreement } from './agreement/record-agreement';
import { agreementAsAt, evolveAgreement, AgreementState } from './agreement/s75-agreement';
import { FundEvent, PooledFundState, evolvePooledFund } from './ledger/pooled-fund';
import { MoneyMovement, PostTransaction, postTransaction, splitByShares } from './ledger/post-transaction';
import { reverseTransaction } from './ledger/reverse-transaction';
import { closeOrReopenYear, openYear } from './ledger/open-close-year';
import { fundPosition } from './position/fund-position';
import { reconcile } from './reconciliation/reconcile';
import { BalanceIndex } from './position/balance-index';
import { FUND_LIMITS } from './shared/fund-limits';
import { splitPence } from './shared/split-pence';

const TERMS: AgreementTerms = {
  parties: ['council', 'ccg'],
  hostPartnerId: 'council',
  pooledFundManagerPostId: null,
  pools: [{ poolId: 'pool', name: 'Pool' }],
  schedules: [
    {
      schemeId: 'reablement',
      poolId: 'pool',
      name: 'Reablement',
      element: 'bcf',
      leadPartnerId: 'ccg',
      capPence: 1_000_00,
    },
    {
      schemeId: 'carers',
      poolId: 'pool',
      name: 'Carers',
      element: 'bcf',
      leadPartnerId: 'council',
      capPence: null,
    },
  ],
  contributionRules: [],
  riskShare: {
    kind: 'percentage-split',
    shares: [
      { partnerId: 'council', basisPoints: 3_333 },
      { partnerId: 'ccg', basisPoints: 6_667 },
    ],
  },
  underspend: 'carry-forward',
  term: { from: '2016-04-01', until: null },
};
const facts = { terms: TERMS, organisationExists: (id: string) => id.endsWith('-council') };
const stamp = (recordedAt: string) => (e: FundEvent) => ({ ...e, recordedAt });
const opened = (): PooledFundState =>
  openYear(undefined, { poolId: 'pool', year: '2016-17', agreementId: 's75' }, { poolEstablished: true })
    .map(stamp('2016-04-01T00:00:00Z'))
    .reduce(evolvePooledFund, undefined as PooledFundState | undefined)!;
const command = (
  transactionId: string,
  movement: MoneyMovement,
  effectiveOn = '2016-06-30',
): PostTransaction => ({
  transactionId,
  effectiveOn,
  statedBy: { kind: 'decision', reference: 'test' },
  correctionOf: null,
  movement,
});
const post = (state: PooledFundState, c: PostTransaction, recordedAt = '2016-07-01T00:00:00Z') =>
  postTransaction(state, c, facts).map(stamp(recordedAt)).reduce(evolvePooledFund, state);

describe('the pooled-fund ledger refuses, recording nothing', () => {
  // the fold changes the state it is given, so each use starts from a fresh one
  const fresh = () =>
    post(
      opened(),
      command('c1', {
        kind: 'contribution-committed',
        partnerId: 'ccg',
        source: 'ccg-minimum',
        amountPence: 5_000_00,
      }),
    );
  const committed = fresh();
  it.each([
    [
      'an unbalanced journal',
      command('j', {
        kind: 'journal',
        postings: [
          { account: 'bank', amountPence: 100 },
          { account: 'expenditure/carers', amountPence: -99 },
        ],
      }),
      'invalid movement.postings',
    ],
    [
      'a journal to an account outside the chart',
      command('j', {
        kind: 'journal',
        postings: [
          { account: 'petty-cash', amountPence: 1 },
          { account: 'bank', amountPence: -1 },
        ],
      }),
      'invalid movement.postings[0].account',
    ],
    [
      'a negative contribution',
      command('n', { kind: 'contribution-committed', partnerId: 'ccg', source: 'x', amountPence: -1 }),
      'invalid movement.amountPence',
    ],
    [
      'spend against a scheme not in the schedules',
      command('s', { kind: 'expenditure', schemeId: 'golf', amountPence: 1 }),
      'invalid movement.schemeId',
    ],
    [
      'an amount beyond the template limit',
      command('b', { kind: 'expenditure', schemeId: 'carers', amountPence: FUND_LIMITS.amountPenceMax + 1 }),
      'invalid movement.amountPence',
    ],
    [
      'a contribution from someone not a party',
      command('p', {
        kind: 'contribution-committed',
        partnerId: 'bank-of-england',
        source: 'x',
        amountPence: 1,
      }),
      'invalid movement.partnerId',
    ],
    [
      'more received than was committed',
      command('r', {
        kind: 'contribution-received',
        partnerId: 'ccg',
        source: 'ccg-minimum',
        amountPence: 5_000_01,
      }),
      'conflict movement.amountPence',
    ],
    [
      'a date outside the financial year',
      command('d', { kind: 'expenditure', schemeId: 'carers', amountPence: 1 }, '2017-04-01'),
      'invalid effectiveOn',
    ],
    [
      'the same transaction id again',
      command('c1', { kind: 'expenditure', schemeId: 'carers', amountPence: 1 }),
      'conflict transactionId',
    ],
    [
      'a correction of a transaction not reversed',
      { ...command('x', { kind: 'expenditure', schemeId: 'carers', amountPence: 1 }), correctionOf: 'c1' },
      'conflict correctionOf',
    ],
  ])('%s', (_what, bad, expected) => {
    expect(refusal(() => postTransaction(committed, bad, facts))).toBe(expected);
  });

  it('a posting to a closed year, until a reopening decision; and a second reversal', () => {
    const decision = { kind: 'decision' as const, reference: 'year-end' };
    const year = fresh();
    const closed = closeOrReopenYear(year, { action: 'close', on: '2017-05-31', decision }).reduce(
      evolvePooledFund,
      year,
    );
    const spend = command('s1', { kind: 'expenditure', schemeId: 'carers', amountPence: 1_00 });
    expect(refusal(() => postTransaction(closed, spend, facts))).toBe('conflict year');
    const reopened = closeOrReopenYear(closed, { action: 'reopen', on: '2017-06-15', decision }).reduce(
      evolvePooledFund,
      closed,
    );
    expect(refusal(() => postTransaction(reopened, spend, facts))).toBe('accepted');
    const reversal = {
      transactionId: 'rev-1',
      reverses: 'c1',
      effectiveOn: '2016-07-01',
      statedBy: decision,
    };
    const original = fresh();
    const reversed = reverseTransaction(original, reversal).reduce(evolvePooledFund, original);
    expect(refusal(() => reverseTransaction(reversed, { ...reversal, transactionId: 'rev-2' }))).toBe(
      'conflict reverses',
    );
    expect(
      refusal(() => reverseTransaction(reversed, { ...reversal, transactionId: 'rev-3', reverses: 'rev-1' })),
    ).toBe('conflict reverses');
    // the correction: a replacement linked to what it corrects
    const corrected = post(reversed, {
      ...command('c1-corrected', {
        kind: 'contribution-committed',
        partnerId: 'ccg',
        source: 'ccg-minimum',
        amountPence: 4_000_00,
      }),
      correctionOf: 'c1',
    });
    expect(
      fundPosition(corrected, TERMS, { asAt: '2017-03-31', axis: 'effective' }).contributionTotals
        .committedPence,
    ).toBe(4_000_00);
  });
});

describe('overspend under the risk-share terms', () => {
  it('splits an overspend 33.33% / 66.67% to the penny, and shows who bears a scheme over its cap', () => {
    expect(
      splitByShares(1_00, TERMS.riskShare.kind === 'percentage-split' ? TERMS.riskShare.shares : []),
    ).toEqual([
      { partnerId: 'council', amountPence: 33 },
      { partnerId: 'ccg', amountPence: 67 },
    ]);
    let state = post(
      opened(),
      command('c', { kind: 'contribution-committed', partnerId: 'ccg', source: 'm', amountPence: 2_000_00 }),
    );
    state = post(
      state,
      command('r', { kind: 'contribution-received', partnerId: 'ccg', source: 'm', amountPence: 2_000_00 }),
    );
    state = post(state, command('s', { kind: 'expenditure', schemeId: 'reablement', amountPence: 1_200_00 }));
    const before = fundPosition(state, TERMS, { asAt: '2017-03-31', axis: 'effective' });
    expect(before.schemes.find((s) => s.schemeId === 'reablement')).toMatchObject({
      overspendPence: 200_00,
      borneBy: [
        { bearer: 'council', amountPence: 66_66 },
        { bearer: 'ccg', amountPence: 133_34 },
      ],
    });
    const charged = post(
      state,
      command('o', {
        kind: 'overspend-charged',
        schemeId: 'reablement',
        amountPence: 200_00,
        partnerId: null,
      }),
    );
    expect(fundPosition(charged, TERMS, { asAt: '2017-03-31', axis: 'effective' }).recoverable).toEqual([
      { partnerId: 'council', amountPence: 66_66 },
      { partnerId: 'ccg', amountPence: 133_34 },
    ]);
    const kent = { ...TERMS, riskShare: { kind: 'incurring-partner' as const } };
    expect(
      postTransaction(
        state,
        command('o2', {
          kind: 'overspend-charged',
          schemeId: 'reablement',
          amountPence: 200_00,
          partnerId: null,
        }),
        { ...facts, terms: kent },
      )[0],
    ).toMatchObject({
      data: {
        postings: [
          { account: 'recoverable/ccg', amountPence: 200_00 },
          { account: 'expenditure/reablement', amountPence: -200_00 },
        ],
      },
    });
  });
});

describe("reconciling with the agreement's contribution rules", () => {
  it("compares each rule with the partner's committed income by source", () => {
    const state = post(
      opened(),
      command('c', {
        kind: 'contribution-committed',
        partnerId: 'ccg',
        source: 'ccg-minimum',
        amountPence: 4_999_00,
      }),
    );
    const viewpoint = { asAt: '2017-03-31', axis: 'effective' as const };
    const position = fundPosition(state, TERMS, viewpoint);
    const rules = [
      { partnerId: 'ccg', source: 'ccg-minimum', amountPence: 5_000_00, variationId: 'v0' },
      { partnerId: 'council', source: 'dfg', amountPence: 186_000_00, variationId: 'v0' },
    ];
    expect(
      reconcile(state, position, viewpoint, null, rules).findings.map((f) => [
        f.subject,
        f.differencePence,
        f.classification,
      ]),
    ).toEqual([
      ['ccg ccg-minimum', 1_00, 'rounding'],
      ['council dfg', 186_000_00, 'discrepancy'],
    ]);
  });
});

describe('S75 agreements as at a date', () => {
  const agreementFacts = { organisationExists: () => true, postExists: () => true, areaExists: true };
  it('shows the terms in effect on each date; a variation is its own event', () => {
    const established = establishAgreement(
      undefined,
      { agreementId: 's75', areaId: 'a', variationId: 'v0', effectiveOn: '2016-04-01', terms: TERMS },
      agreementFacts,
    ).reduce(evolveAgreement, undefined as AgreementState | undefined)!;
    const varied = varyAgreement(
      established,
      {
        agreementId: 's75',
        variationId: 'v1-ibcf',
        effectiveOn: '2017-04-01',
        summary: 'iBCF schedule added',
        terms: { ...TERMS, pools: [...TERMS.pools, { poolId: 'ibcf', name: 'iBCF' }] },
      },
      agreementFacts,
    ).reduce(evolveAgreement, established);
    expect(agreementAsAt(varied, '2015-12-31')).toBeNull();
    expect(agreementAsAt(varied, '2017-03-31')!.variationId).toBe('v0');
    expect(agreementAsAt(varied, '2017-04-01')!.terms.pools).toHaveLength(2);
    const bad = (terms: Partial<AgreementTerms>) =>
      refusal(() =>
        varyAgreement(
          varied,
          {
            agreementId: 's75',
            variationId: 'v2',
            effectiveOn: '2018-04-01',
            summary: 'x',
            terms: { ...TERMS, ...terms },
          },
          agreementFacts,
        ),
      );
    expect(
      bad({
        riskShare: { kind: 'percentage-split', shares: [{ partnerId: 'council', basisPoints: 5_000 }] },
      }),
    ).toBe('invalid terms.riskShare.shares');
    expect(bad({ hostPartnerId: 'nobody' })).toBe('invalid terms.hostPartnerId');
    expect(
      bad({
        contributionRules: [{ partnerId: 'ccg', poolId: 'pool', source: 'm', year: null, amountPence: -1 }],
      }),
    ).toBe('invalid terms.contributionRules[0].amountPence');
  });
});

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
