import { Role } from '@bcl/identity';

/**
 * Every route of the API with a well-formed request and the roles meant to call it. The authorisation matrix
 * checks the app's OpenAPI document lists exactly these, so a new route without an entry fails the test.
 */
export interface RouteCase {
  method: 'get' | 'post';
  /** OpenAPI path template. */
  template: string;
  path: string;
  body?: object;
  roles: readonly Role[];
  /** The token's `person` claim, for routes where a person acts in a post (approvals, consultations). */
  personId?: string;
}

const ALL: readonly Role[] = ['auditor', 'finance-officer', 'governance-officer', 'programme-lead', 'admin'];
const reason = 'authorisation matrix test';
const GOVERNANCE: readonly Role[] = ['governance-officer'];
const SIGNERS: readonly Role[] = ['governance-officer', 'programme-lead', 'finance-officer'];
const G = '/api/governance';
const F = '/api/fund';
const FINANCE: readonly Role[] = ['finance-officer'];
const POOL = `${F}/pools/matrix-pool/years/2017-18`;
const MATRIX_TERMS = {
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

export const ROUTES: RouteCase[] = [
  { method: 'get', template: '/api/organisations', path: '/api/organisations', roles: ALL },
  {
    method: 'get',
    template: '/api/organisations/{id}',
    path: '/api/organisations/kent-county-council',
    roles: ALL,
  },
  {
    method: 'get',
    template: '/api/organisations/{id}/history',
    path: '/api/organisations/nhs-swale-ccg/history',
    roles: ALL,
  },
  {
    method: 'post',
    template: '/api/organisations',
    path: '/api/organisations',
    body: {
      organisationId: 'matrix-trust',
      kind: 'nhs-trust',
      name: 'Matrix Trust',
      codes: [],
      establishedOn: '2001-04-01',
      reason,
    },
    roles: ['admin'],
  },
  {
    method: 'post',
    template: '/api/organisations/{id}/renames',
    path: '/api/organisations/dover-district-council/renames',
    body: { name: 'Dover Council', effectiveFrom: '2031-01-01', reason },
    roles: ['admin'],
  },
  {
    method: 'post',
    template: '/api/organisations/{id}/succession',
    path: '/api/organisations/matrix-trust/succession', // registered by the POST /organisations case above
    body: { successorId: 'nhs-kent-and-medway-icb', effectiveOn: '2022-07-01', reason },
    roles: ['admin'],
  },
  { method: 'get', template: '/api/areas', path: '/api/areas', roles: ALL },
  { method: 'get', template: '/api/areas/{id}', path: '/api/areas/kent', roles: ALL },
  {
    method: 'get',
    template: '/api/areas/{id}/organisations',
    path: '/api/areas/kent/organisations?asAt=2017-09-11',
    roles: ALL,
  },
  {
    method: 'post',
    template: '/api/areas',
    path: '/api/areas',
    body: {
      areaId: 'matrix-area',
      name: 'Matrix',
      structure: 'unitary',
      establishedOn: '2013-04-01',
      reason,
    },
    roles: ['admin'],
  },
  {
    method: 'post',
    template: '/api/areas/{id}/members',
    path: '/api/areas/medway/members',
    body: { organisationId: 'nhs-kent-and-medway-icb', role: 'nhs-commissioner', from: '2022-07-01', reason },
    roles: ['admin'],
  },
  {
    method: 'post',
    template: '/api/areas/{id}/members/{memberId}/end',
    path: '/api/areas/rutland/members/nhs-east-leicestershire-and-rutland-ccg/end',
    body: { until: '2022-07-01', reason },
    roles: ['admin'],
  },
  { method: 'get', template: '/api/posts/{id}', path: '/api/posts/kent-hwb-chair', roles: ALL },
  {
    method: 'get',
    template: '/api/posts/{id}/holder',
    path: '/api/posts/kent-hwb-chair/holder?asAt=2017-06-14',
    roles: ALL,
  },
  {
    method: 'post',
    template: '/api/posts',
    path: '/api/posts',
    body: {
      postId: 'matrix-post',
      title: 'Matrix Post',
      organisationId: 'medway-council',
      createdOn: '2013-04-01',
      reason,
    },
    roles: ['admin', 'governance-officer'],
  },
  {
    method: 'post',
    template: '/api/posts/{id}/holders',
    path: '/api/posts/southend-hwb-chair/holders',
    body: { personId: 'p-0006', from: '2016-01-01', until: '2016-06-01', interim: true, reason },
    roles: ['admin', 'governance-officer'],
  },
  {
    method: 'post',
    template: '/api/posts/{id}/holders/{memberId}/end',
    path: '/api/posts/medway-hwb-chair/holders/p-0006/end',
    body: { until: '2019-05-01', reason },
    roles: ['admin', 'governance-officer'],
  },
  { method: 'get', template: '/api/people/{id}', path: '/api/people/p-0003', roles: ALL },
  {
    method: 'post',
    template: '/api/people',
    path: '/api/people',
    body: { displayName: 'Matrix Person', reason },
    roles: ['admin', 'governance-officer'],
  },
  {
    method: 'post',
    template: '/api/people/{id}/erasure',
    path: '/api/people/p-0005/erasure',
    body: { reason },
    roles: ['admin'],
  },
  { method: 'get', template: '/api/access-log', path: '/api/access-log', roles: ['auditor', 'admin'] },
  {
    method: 'post',
    template: '/api/plans/import',
    path: '/api/plans/import',
    body: {
      format: 'bcl-plan/1',
      areaId: 'medway',
      cycle: '2017-19',
      justification: reason,
      contributions: [
        {
          key: 'ibcf/medway-council',
          source: 'ibcf',
          contributorId: 'medway-council',
          amountsPence: { '2017-18': 396230800 },
        },
      ],
    },
    roles: ['finance-officer', 'programme-lead'],
  },
  { method: 'get', template: '/api/plans', path: '/api/plans?areaId=medway', roles: ALL },
  { method: 'get', template: '/api/plans/{id}', path: '/api/plans/medway-2017-19', roles: ALL },
  { method: 'get', template: '/api/plans/{id}/checks', path: '/api/plans/medway-2017-19/checks', roles: ALL },
  {
    method: 'get',
    template: '/api/plans/{id}/versions',
    path: '/api/plans/medway-2017-19/versions',
    roles: ALL,
  },
  {
    method: 'get',
    template: '/api/plans/{id}/export',
    path: '/api/plans/medway-2017-19/export?format=xlsx',
    roles: ALL,
  },
  {
    method: 'get',
    template: '/api/plans/{id}/diff',
    path: '/api/plans/medway-2017-19/diff?from=1&to=1',
    roles: ALL,
  },
  {
    method: 'post',
    template: '/api/plans/{id}/warning-acceptances',
    path: '/api/plans/medway-2017-19/warning-acceptances',
    body: { checkId: 'C2:asc-minimum:2017-18', reason },
    roles: ['finance-officer'],
  },
  {
    method: 'post',
    template: '/api/plans/{id}/steps',
    path: '/api/plans/medway-2017-19/steps',
    body: {
      step: 'jointly-agreed',
      on: '2017-09-12',
      parties: ['medway-council', 'nhs-medway-ccg'],
      delegated: false,
      reason,
    },
    roles: ['governance-officer'],
  },
  // Governance, in an order where each sample finds what the earlier ones recorded
  {
    method: 'post',
    template: `${G}/bodies`,
    path: `${G}/bodies`,
    body: {
      bodyId: 'matrix-body',
      name: 'Matrix Board',
      kind: 'other',
      areaId: 'kent',
      establishedOn: '2020-01-01',
      reason,
    },
    roles: GOVERNANCE,
  },
  { method: 'get', template: `${G}/bodies/{id}`, path: `${G}/bodies/kent-hwb`, roles: ALL },
  {
    method: 'post',
    template: `${G}/bodies/{id}/seats`,
    path: `${G}/bodies/matrix-body/seats`,
    body: { postId: 'medway-hwb-chair', role: 'chair', from: '2020-01-01', reason },
    roles: GOVERNANCE,
  },
  {
    method: 'get',
    template: `${G}/bodies/{id}/decisions`,
    path: `${G}/bodies/kent-hwb/decisions?from=2016-01-01&to=2016-12-31`,
    roles: ALL,
  },
  {
    method: 'post',
    template: `${G}/meetings`,
    path: `${G}/meetings`,
    body: {
      meetingId: 'matrix-meeting',
      bodyId: 'kent-hwb',
      date: '2017-09-25',
      venue: 'Sessions House',
      agenda: [
        {
          itemNo: '1',
          title: 'Urgent item',
          urgent: { reasonForLateness: 'deadline', legalBasis: 's100B(4)(b) LGA 1972' },
        },
      ],
      reason,
    },
    roles: GOVERNANCE,
  },
  { method: 'get', template: `${G}/meetings/{id}`, path: `${G}/meetings/kent-hwb-2016-01-27`, roles: ALL },
  {
    method: 'post',
    template: `${G}/meetings/{id}/attendance`,
    path: `${G}/meetings/matrix-meeting/attendance`,
    body: {
      present: [{ personId: 'p-0002', capacity: 'chair', substituteFor: null }],
      apologies: ['p-0101'],
      inAttendance: [{ personId: 'p-0121', capacity: 'Principal Democratic Services Officer' }],
      reason,
    },
    roles: GOVERNANCE,
  },
  {
    method: 'post',
    template: `${G}/meetings/{id}/declarations`,
    path: `${G}/meetings/matrix-meeting/declarations`,
    body: {
      noneDeclared: false,
      declarations: [{ personId: 'p-0002', itemNo: '1', interest: 'test' }],
      reason,
    },
    roles: GOVERNANCE,
  },
  {
    method: 'post',
    template: `${G}/meetings/{id}/resolutions`,
    path: `${G}/meetings/matrix-meeting/resolutions`,
    body: {
      resolutionId: 'matrix-resolution',
      minuteNo: '1',
      itemNo: '1',
      parts: [{ letter: 'a', text: 'ratify' }],
      outcome: 'resolved',
      reportsConsidered: ['Matrix report'],
      concerns: [{ kind: 'bcf-plan', id: 'kent-2017-19', version: 1 }],
      authorises: { posts: ['kent-hwb-chair'], instrumentKind: 'bcf-plan', instrumentId: 'kent-2017-19' },
      approvesMinutesOf: 'kent-hwb-2017-06-14',
      reason,
    },
    roles: GOVERNANCE,
  },
  {
    method: 'post',
    template: `${G}/delegations`,
    path: `${G}/delegations`,
    body: {
      delegationId: 'matrix-delegation',
      grantingBodyId: 'kent-hwb',
      resolutionId: 'matrix-resolution',
      purpose: 'test',
      delegates: { mode: 'one', posts: ['kent-hwb-chair'] },
      consultees: ['kent-hwb-vice-chair'],
      scope: { instrumentKind: 'bcf-plan', instrumentId: 'kent-2017-19', financialLimitPence: 100 },
      validFrom: '2017-09-25',
      validUntil: '2018-09-25',
      parentDelegationId: 'kent-hwb-2017-06-14-bcf-sign-off',
      reportBack: { bodyId: 'kent-hwb', by: '2018-01-01' },
      reason,
    },
    roles: GOVERNANCE,
  },
  { method: 'get', template: `${G}/delegations`, path: `${G}/delegations?on=2017-10-01`, roles: ALL },
  {
    method: 'get',
    template: `${G}/delegations/{id}`,
    path: `${G}/delegations/kent-hwb-2017-06-14-bcf-sign-off`,
    roles: ALL,
  },
  {
    method: 'post',
    template: `${G}/delegations/{id}/report-back`,
    path: `${G}/delegations/matrix-delegation/report-back`,
    body: { meetingId: 'matrix-meeting', resolutionId: 'matrix-resolution', reason },
    roles: GOVERNANCE,
  },
  {
    method: 'post',
    template: `${G}/delegations/{id}/revocation`,
    path: `${G}/delegations/matrix-delegation/revocation`,
    body: { on: '2017-12-01', resolutionId: 'matrix-resolution', reason },
    roles: GOVERNANCE,
  },
  {
    method: 'post',
    template: `${G}/instruments/{kind}/{id}/consultations`,
    path: `${G}/instruments/ibcf-plan/southend-on-sea-2017-18/consultations`,
    body: {
      consultationId: 'matrix-consultation',
      version: 1,
      delegationId: 'southend-hwb-2017-06-21-ibcf',
      postId: 'southend-hwb-chair',
      on: '2017-07-10',
      response: 'concurred',
      note: 'by virtual circulation',
      reason,
    },
    roles: SIGNERS,
    personId: 'p-0007',
  },
  {
    method: 'post',
    template: `${G}/instruments/{kind}/{id}/approvals`,
    path: `${G}/instruments/bcf-plan/kent-2017-19/approvals`,
    body: {
      approvalId: 'matrix-approval',
      version: 1,
      actingPostId: 'kent-hwb-chair',
      authority: { kind: 'resolution', id: 'matrix-resolution' },
      effectiveOn: '2017-09-25',
      amountPence: 0,
      provisionalConditions: 'subject to ratification by the Board',
      reason,
    },
    roles: SIGNERS,
    personId: 'p-0002',
  },
  {
    method: 'post',
    template: `${G}/instruments/{kind}/{id}/approvals/{approvalId}/ratification`,
    path: `${G}/instruments/bcf-plan/kent-2017-19/approvals/matrix-approval/ratification`,
    body: { resolutionId: 'matrix-resolution', reason },
    roles: GOVERNANCE,
  },
  {
    method: 'get',
    template: `${G}/instruments/{kind}/{id}/provenance`,
    path: `${G}/instruments/bcf-plan/kent-2017-19/provenance`,
    roles: ALL,
  },
  { method: 'get', template: `${G}/actions`, path: `${G}/actions?personId=p-0002`, roles: ALL },
  // The pooled fund, in order: an agreement, its pool-year, and a transaction the later samples use
  {
    method: 'post',
    template: `${F}/agreements`,
    path: `${F}/agreements`,
    body: {
      agreementId: 'matrix-agreement',
      areaId: 'medway',
      variationId: 'matrix-agreement-v0',
      effectiveOn: '2017-04-01',
      terms: MATRIX_TERMS,
      reason,
    },
    roles: GOVERNANCE,
  },
  {
    method: 'get',
    template: `${F}/agreements/{id}`,
    path: `${F}/agreements/medway-bcf-s75?asAt=2017-06-01`,
    roles: ALL,
  },
  {
    method: 'post',
    template: `${F}/agreements/{id}/variations`,
    path: `${F}/agreements/matrix-agreement/variations`,
    body: {
      variationId: 'matrix-agreement-v1',
      effectiveOn: '2018-04-01',
      summary: 'caps revised',
      terms: MATRIX_TERMS,
      reason,
    },
    roles: GOVERNANCE,
  },
  {
    method: 'post',
    template: `${F}/pools/{id}/years`,
    path: `${F}/pools/matrix-pool/years`,
    body: { year: '2017-18', agreementId: 'matrix-agreement', reason },
    roles: FINANCE,
  },
  {
    method: 'post',
    template: `${F}/pools/{poolId}/years/{year}/transactions`,
    path: `${POOL}/transactions`,
    body: {
      transactionId: 'matrix-transaction',
      kind: 'contribution-committed',
      effectiveOn: '2017-06-30',
      statedBy: { kind: 'decision', reference: 'matrix' },
      partnerId: 'medway-council',
      source: 'la-additional',
      amountPence: 100,
      reason,
    },
    roles: FINANCE,
  },
  {
    method: 'post',
    template: `${F}/pools/{poolId}/years/{year}/reversals`,
    path: `${POOL}/reversals`,
    body: {
      transactionId: 'matrix-reversal',
      reverses: 'matrix-transaction',
      effectiveOn: '2017-07-01',
      statedBy: { kind: 'decision', reference: 'matrix' },
      reason,
    },
    roles: FINANCE,
  },
  {
    method: 'post',
    template: `${F}/pools/{poolId}/years/{year}/figures`,
    path: `${POOL}/figures`,
    body: {
      figureId: 'matrix-figure',
      basis: 'plan',
      line: 'total',
      subject: 'matrix-total',
      quarter: 1,
      amountPence: 100,
      statedBy: { kind: 'plan', reference: 'matrix' },
      composedOf: ['income/'],
      reason,
    },
    roles: FINANCE,
  },
  {
    method: 'post',
    template: `${F}/pools/{poolId}/years/{year}/closure`,
    path: `${POOL}/closure`,
    body: { on: '2018-05-31', decision: { kind: 'decision', reference: 'year end' }, reason },
    roles: FINANCE,
  },
  {
    method: 'post',
    template: `${F}/pools/{poolId}/years/{year}/reopening`,
    path: `${POOL}/reopening`,
    body: { on: '2018-06-01', decision: { kind: 'decision', reference: 'audit' }, reason },
    roles: FINANCE,
  },
  {
    method: 'get',
    template: `${F}/pools/{poolId}/years/{year}/position`,
    path: `${F}/pools/southend-bcf/years/2016-17/position?asAt=2016-09-30&axis=effective`,
    roles: ALL,
  },
  {
    method: 'get',
    template: `${F}/pools/{poolId}/years/{year}/reconciliation`,
    path: `${F}/pools/southend-bcf/years/2016-17/reconciliation?format=csv`,
    roles: ALL,
  },
  {
    method: 'get',
    template: `${F}/pools/{poolId}/years/{year}/partners/{partnerId}`,
    path: `${F}/pools/southend-bcf/years/2016-17/partners/southend-on-sea-borough-council`,
    roles: ALL,
  },
  {
    method: 'get',
    template: `${F}/pools/{poolId}/years/{year}/certification`,
    path: `${F}/pools/medway-bcf/years/2017-18/certification`,
    roles: ALL,
  },
];

/** Routes anyone may call. */
export const PUBLIC_ROUTES = ['get /health/live', 'get /health/ready'];
