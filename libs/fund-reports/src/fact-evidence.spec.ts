import { StoredEvent } from '@bcl/event-store';
import { FundEvent, PooledFundState, StatedFigure, Viewpoint, evolvePooledFund } from '@bcl/domain-fund';
import { factEvidenceOf, poolYearFigures, poolYearTransactions } from './fact-evidence';

/** The evidence beside each fact of a pool-year, folded from the logged events apart from the ledger's fold. */
describe('a pool-year’s facts with their evidence', () => {
  const figure = (figureId: string, amountPence: number): StatedFigure => ({
    figureId,
    basis: 'actual',
    line: 'income',
    subject: 'pool',
    quarter: 1,
    amountPence,
    statedBy: { kind: 'quarterly-return', reference: 'Q1 return' },
    statedOn: '2016-07-31',
    composedOf: null,
  });
  const logged = (event: FundEvent, recordedAt: string, evidence?: object) =>
    ({
      ...event,
      recordedAt,
      metadata: evidence ? { evidence } : {},
    }) as unknown as StoredEvent;
  const events = [
    logged(
      { type: 'PooledFundYearOpened', data: { poolId: 'p', year: '2016-17', agreementId: 'a' } },
      '2016-04-01T00:00:00Z',
      { citations: ['004:81'], assumed: null },
    ),
    logged(
      {
        type: 'FundTransactionPosted',
        data: {
          poolId: 'p',
          year: '2016-17',
          transactionId: 't1',
          kind: 'journal',
          effectiveOn: '2016-06-30',
          quarter: 1,
          postings: [
            { account: 'bank', amountPence: 100 },
            { account: 'income/host/unsplit', amountPence: -100 },
          ],
          statedBy: { kind: 'quarterly-return', reference: 'Q1 return' },
          reverses: null,
          correctionOf: null,
          detail: {},
        },
      },
      '2016-07-01T00:00:00Z',
      { citations: ['004:1011'], assumed: 'the host stands in for the partners' },
    ),
    logged(
      { type: 'FundFigureStated', data: { ...figure('f1', 100), poolId: 'p', year: '2016-17' } },
      '2016-08-01T00:00:00Z',
      {
        citations: ['004:1047'],
        assumed: null,
      },
    ),
    // an amended return restates it, recorded without evidence
    logged(
      { type: 'FundFigureStated', data: { ...figure('f2', 120), poolId: 'p', year: '2016-17' } },
      '2016-09-01T00:00:00Z',
    ),
  ];
  const state = events.reduce(
    (s, e) => evolvePooledFund(s, { type: e.type, data: e.data, recordedAt: e.recordedAt } as never),
    undefined as PooledFundState | undefined,
  )!;
  const facts = factEvidenceOf(events, { v1: { citations: ['003:62'], assumed: null } });
  const viewpoint: Viewpoint = { asAt: '2017-03-31', axis: 'effective' };

  it('keys each transaction’s and figure’s evidence by its id; one recorded without any is assumed', () => {
    expect(facts.transactions).toEqual({
      t1: { citations: ['004:1011'], assumed: 'the host stands in for the partners' },
    });
    expect(facts.figures['f1']).toEqual({ citations: ['004:1047'], assumed: null });
    expect(facts.figures['f2']!.assumed).toEqual(expect.any(String));
    expect(facts.variations).toEqual({ v1: { citations: ['003:62'], assumed: null } });
  });

  it('lists each transaction with its evidence, and says how many are assumed', () => {
    const listed = poolYearTransactions({ state, facts }, viewpoint);
    expect(listed).toMatchObject({ count: 1, assumed: 1 });
    expect(listed.transactions[0]).toMatchObject({
      transactionId: 't1',
      documented: false,
      evidence: { citations: ['004:1011'], assumed: 'the host stands in for the partners' },
      reversedBy: null,
    });
  });

  it('marks a transaction an operator wrote raw (bcl append), with its reason, and no other', () => {
    expect(poolYearTransactions({ state, facts }, viewpoint).transactions[0]!.operatorWrite).toBeUndefined();
    const t1 = events[1]!;
    const reversal = {
      ...t1,
      recordedAt: '2016-07-02T00:00:00Z',
      data: {
        ...t1.data,
        transactionId: 't1-reversed',
        reverses: 't1',
        postings: [
          { account: 'bank', amountPence: -100 },
          { account: 'income/host/unsplit', amountPence: 100 },
        ],
      },
      metadata: { operatorWrite: { reason: 'posted twice by the import', intoContextStream: true } },
    } as unknown as StoredEvent;
    const all = [...events, reversal];
    const withReversal = all.reduce(
      (s, e) => evolvePooledFund(s, { type: e.type, data: e.data, recordedAt: e.recordedAt } as never),
      undefined as PooledFundState | undefined,
    )!;
    const listed = poolYearTransactions({ state: withReversal, facts: factEvidenceOf(all) }, viewpoint);
    expect(listed.transactions.map((t) => [t.transactionId, t.operatorWrite ?? null])).toEqual([
      ['t1', null],
      ['t1-reversed', { reason: 'posted twice by the import' }],
    ]);
  });

  it('lists every statement of a figure seen, with which one stands, each with its evidence', () => {
    const listed = poolYearFigures({ state, facts }, viewpoint);
    expect(listed.figures.map((f) => [f.figureId, f.standing, f.documented])).toEqual([
      ['f1', false, true],
      ['f2', true, false],
    ]);
    expect(listed).toMatchObject({ count: 2, assumed: 1 });
    const knownBefore = poolYearFigures({ state, facts }, { ...viewpoint, knownAt: '2016-08-15T00:00:00Z' });
    expect(knownBefore.figures.map((f) => [f.figureId, f.standing])).toEqual([['f1', true]]);
  });
});
