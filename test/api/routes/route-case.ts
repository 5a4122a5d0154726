import { Role } from '@bcl/identity';
import type { RunningApi } from '../../support/api-app';

/** One route of the API: a well-formed sample request and the roles meant to call it. */
export interface RouteCase {
  method: 'get' | 'post' | 'patch';
  /** OpenAPI path template. */
  template: string;
  path: string;
  body?: object;
  roles: readonly Role[];
  /** The token's `person` claim, for routes where a person acts in a post (approvals, consultations). */
  personId?: string;
  /** What the sample needs recorded first (run once, before the first call of the route). */
  prepare?: (api: RunningApi) => Promise<void>;
}

/** Shared by the route tables. */
export const ALL: readonly Role[] = [
  'auditor',
  'finance-officer',
  'governance-officer',
  'programme-lead',
  'admin',
];
export const reason = 'authorisation matrix test';
export const GOVERNANCE: readonly Role[] = ['governance-officer'];
export const SIGNERS: readonly Role[] = ['governance-officer', 'programme-lead', 'finance-officer'];
export const G = '/api/governance';
export const F = '/api/fund';
export const FINANCE: readonly Role[] = ['finance-officer'];
export const POOL = `${F}/pools/matrix-pool/years/2017-18`;
export const MATRIX_TERMS = {
  parties: ['medway-council', 'nhs-medway-ccg'],
  hostPartnerId: 'medway-council',
  pooledFundManagerPostId: 'medway-hwb-chair',
  pools: [{ poolId: 'matrix-pool', name: 'Matrix pool' }],
  schedules: [
    {
      schemeId: 'matrix-scheme',
      poolId: 'matrix-pool',
      name: 'Matrix scheme',
      element: 'bcf',
      leadPartnerId: 'medway-council',
      capPence: 1000,
    },
  ],
  contributionRules: [
    {
      partnerId: 'medway-council',
      poolId: 'matrix-pool',
      source: 'la-additional',
      year: '2017-18',
      amountPence: 100,
    },
  ],
  riskShare: {
    kind: 'percentage-split',
    shares: [
      { partnerId: 'medway-council', basisPoints: 5000 },
      { partnerId: 'nhs-medway-ccg', basisPoints: 5000 },
    ],
  },
  underspend: 'carry-forward',
  term: { from: '2017-04-01', until: '2020-04-01' },
};
