/** The agreement and helpers the pooled-fund specs share: a two-partner pool with a capped and an uncapped scheme. */
import { AgreementTerms } from './agreement/s75-agreement';
import { FundEvent, PooledFundState, evolvePooledFund } from './ledger/pooled-fund';
import { MoneyMovement, PostTransaction, postTransaction } from './ledger/post-transaction';
import { openYear } from './ledger/open-close-year';

export const TERMS: AgreementTerms = {
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
export const facts = { terms: TERMS, organisationExists: (id: string) => id.endsWith('-council') };
export const stamp = (recordedAt: string) => (e: FundEvent) => ({ ...e, recordedAt });
export const opened = (): PooledFundState =>
  openYear(undefined, { poolId: 'pool', year: '2016-17', agreementId: 's75' }, { poolEstablished: true })
    .map(stamp('2016-04-01T00:00:00Z'))
    .reduce(evolvePooledFund, undefined as PooledFundState | undefined)!;
export const command = (
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
export const post = (state: PooledFundState, c: PostTransaction, recordedAt = '2016-07-01T00:00:00Z') =>
  postTransaction(state, c, facts).map(stamp(recordedAt)).reduce(evolvePooledFund, state);
