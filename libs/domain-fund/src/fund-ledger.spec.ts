import { upcastEvent } from '@bcl/kernel';
import { refusal } from '@bcl/testing';
import { FUND_EVENT_SCHEMAS } from './events';
import { AgreementTerms } from './agreement/s75-agreement';
import { establishAgreement, varyAgreement } from './agreement/record-agreement';
import { agreementAsAt, evolveAgreement, AgreementState } from './agreement/s75-agreement';
import { evolvePooledFund } from './ledger/pooled-fund';
import { postTransaction, splitByShares } from './ledger/post-transaction';
import { reverseTransaction } from './ledger/reverse-transaction';
import { closeOrReopenYear } from './ledger/open-close-year';
import { fundPosition } from './position/fund-position';
import { reconcile } from './reconciliation/reconcile';
import { FUND_LIMITS } from './shared/fund-limits';
import { TERMS, command, facts, opened, post } from './fund-ledger.fixtures';

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

  it('a second replacement of a reversed transaction; the first is accepted', () => {
    const year = fresh();
    const decision = { kind: 'decision' as const, reference: 'correction' };
    const reversal = {
      transactionId: 'rev-1',
      reverses: 'c1',
      effectiveOn: '2016-07-01',
      statedBy: decision,
    };
    const replacement = (id: string, correctionOf: string) => ({
      ...command(id, {
        kind: 'contribution-committed',
        partnerId: 'ccg',
        source: 'ccg-minimum',
        amountPence: 4_000_00,
      }),
      correctionOf,
    });
    // not reversed yet: refused as before
    expect(refusal(() => postTransaction(year, replacement('c1-a', 'c1'), facts))).toBe(
      'conflict correctionOf',
    );
    const reversed = reverseTransaction(year, reversal).reduce(evolvePooledFund, year);
    expect(refusal(() => postTransaction(reversed, replacement('c1-a', 'c1'), facts))).toBe('accepted');
    const replaced = post(reversed, replacement('c1-a', 'c1'));
    expect(refusal(() => postTransaction(replaced, replacement('c1-b', 'c1'), facts))).toBe(
      'conflict correctionOf',
    );
    expect(() => postTransaction(replaced, replacement('c1-b', 'c1'), facts)).toThrow(
      /already replaced by 'c1-a'/,
    );
    // the replacement itself, once reversed, can be replaced in its turn
    const again = reverseTransaction(replaced, {
      ...reversal,
      transactionId: 'rev-2',
      reverses: 'c1-a',
    }).reduce(evolvePooledFund, replaced);
    expect(refusal(() => postTransaction(again, replacement('c1-b', 'c1-a'), facts))).toBe('accepted');
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
    const after = fundPosition(charged, TERMS, { asAt: '2017-03-31', axis: 'effective' });
    expect(after.recoverable).toEqual([
      { partnerId: 'council', amountPence: 66_66 },
      { partnerId: 'ccg', amountPence: 133_34 },
    ]);
    // the charge is shown beside the spend, never taken off it
    expect(after.schemes.find((s) => s.schemeId === 'reablement')).toMatchObject({
      actualPence: 1_200_00,
      chargedPence: 200_00,
      netOfChargesPence: 1_000_00,
      overspendBasis: 'cap',
    });
    expect(after.expenditurePence).toBe(before.expenditurePence);
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
          { account: 'overspend-charged/reablement', amountPence: -200_00 },
        ],
      },
    });
  });
});

describe('a charge recorded at version 1 (credited to the spend) is read at version 2', () => {
  const v1 = (kind: string, postings: { account: string; amountPence: number }[], detail = {}) =>
    upcastEvent(FUND_EVENT_SCHEMAS, {
      type: 'FundTransactionPosted',
      schemaVersion: 1,
      data: { kind, postings, detail },
      metadata: {},
    }).data;
  it('moves the credit of a charge, and the debit of its reversal, off the spend; nothing else', () => {
    const charge = [
      { account: 'recoverable/ccg', amountPence: 200_00 },
      { account: 'expenditure/reablement', amountPence: -200_00 },
    ];
    expect(v1('overspend-charged', charge).postings).toEqual([
      charge[0],
      { account: 'overspend-charged/reablement', amountPence: -200_00 },
    ]);
    const reversal = charge.map((p) => ({ ...p, amountPence: -p.amountPence }));
    expect(v1('reversal', reversal, { reversedKind: 'overspend-charged' }).postings).toContainEqual({
      account: 'overspend-charged/reablement',
      amountPence: 200_00,
    });
    const spend = [
      { account: 'expenditure/reablement', amountPence: 5 },
      { account: 'bank', amountPence: -5 },
    ];
    expect(v1('expenditure', spend).postings).toEqual(spend);
    expect(v1('reversal', spend, { reversedKind: 'expenditure' }).postings).toEqual(spend);
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
      // no DFG contribution is posted at all: not checkable (issue 12 §4), rather than a £186,000 discrepancy
      ['council dfg', null, 'not-checkable'],
    ]);
    // once a DFG contribution is posted (here the CCG's), the council's absent one is a real discrepancy
    const withDfg = post(
      state,
      command('d', { kind: 'contribution-committed', partnerId: 'ccg', source: 'dfg', amountPence: 1_00 }),
    );
    const finding = reconcile(withDfg, fundPosition(withDfg, TERMS, viewpoint), viewpoint, null, rules)
      .findings[1]!;
    expect([finding.subject, finding.differencePence, finding.classification]).toEqual([
      'council dfg',
      186_000_00,
      'discrepancy',
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
