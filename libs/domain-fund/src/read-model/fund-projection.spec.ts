import { evidenceOf, projectInMemory, recordedEvents } from '@bcl/kernel';
import { Transaction } from '../ledger/pooled-fund';
import { FundContextEvent, fundBalancesKey, fundProjection, zeroSumProblem } from './fund-projection';

const pool = { poolId: 'kent', year: '2017-18' };
const transaction = (transactionId: string, postings: Transaction['postings']): Transaction => ({
  transactionId,
  kind: 'contribution-received',
  effectiveOn: '2017-06-30',
  quarter: 1,
  postings,
  statedBy: { kind: 'quarterly-return', reference: 'kent-2017-18-q1' },
  reverses: null,
  correctionOf: null,
  detail: { partner: 'kent-county-council' },
});

describe('the fund projection: given events, then views', () => {
  const given = (events: (FundContextEvent & { metadata?: Record<string, unknown> })[]) =>
    projectInMemory(
      fundProjection,
      recordedEvents(events.map((e) => ({ ...e, stream: 'pooled-fund-kent-2017-18' }))),
    );

  it('keeps each pool-year’s balances per account, summing to zero, and ignores what moves no balance', () => {
    const views = given([
      { type: 'PooledFundYearOpened', data: { ...pool, agreementId: 'kent-s75' } },
      {
        type: 'FundTransactionPosted',
        data: {
          ...pool,
          ...transaction('t-1', [
            { account: 'bank', amountPence: 10_000_00 },
            { account: 'contributions/kent-county-council', amountPence: -10_000_00 },
          ]),
        },
      },
      {
        type: 'FundTransactionPosted',
        data: {
          ...pool,
          ...transaction('t-2', [
            { account: 'bank', amountPence: -2_500_00 },
            { account: 'expenditure/dfg', amountPence: 2_500_00 },
          ]),
        },
      },
      {
        type: 'PooledFundYearClosed',
        data: { ...pool, on: '2018-05-31', decision: { kind: 'quarterly-return', reference: 'year-end' } },
      },
    ]);
    const view = views.get(fundBalancesKey('kent', '2017-18'));
    expect(view).toEqual({
      poolId: 'kent',
      year: '2017-18',
      transactions: 2,
      balances: {
        bank: 7_500_00,
        'contributions/kent-county-council': -10_000_00,
        'expenditure/dfg': 2_500_00,
      },
      evidence: evidenceOf({}), // recorded without metadata: assumed, saying so
      assumedTransactions: 2,
    });
    expect(zeroSumProblem(view!)).toBeNull();
    expect(views.size).toBe(1);
  });

  it('shows what the opening rests on, and how many transactions rest on an assumption', () => {
    const cited = { evidence: { citations: ['000:302-359'], assumed: null } };
    const assumed = {
      evidence: { citations: ['000:302-359'], assumed: '1 April 2017 stands in for the date' },
    };
    const posting = (id: string, metadata: object) => ({
      type: 'FundTransactionPosted' as const,
      data: {
        ...pool,
        ...transaction(id, [
          { account: 'bank', amountPence: 100 },
          { account: 'contributions/kent-county-council', amountPence: -100 },
        ]),
      },
      metadata: metadata as Record<string, unknown>,
    });
    const views = given([
      { type: 'PooledFundYearOpened', data: { ...pool, agreementId: 'kent-s75' }, metadata: cited },
      posting('t-1', assumed),
      posting('t-2', cited),
    ]);
    expect(views.get(fundBalancesKey('kent', '2017-18'))).toMatchObject({
      transactions: 2,
      evidence: cited.evidence,
      assumedTransactions: 1,
    });
  });
});
