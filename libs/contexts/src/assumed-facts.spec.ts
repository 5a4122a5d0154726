import { recordedEvents } from '@bcl/kernel';
import { assumedFactsOfArea, assumedFactsOfLedger, factSays } from './assumed-facts';

const cited = (...citations: string[]) => ({ evidence: { citations, assumed: null } });
const assumed = (why: string, ...citations: string[]) => ({ evidence: { citations, assumed: why } });

/** Two areas, Kent (two-tier) and Medway, each with a council and a CCG. */
const registry = [
  { stream: 'hwb-area-kent', type: 'HwbAreaDefined', data: { areaId: 'kent' }, metadata: cited('000') },
  { stream: 'hwb-area-medway', type: 'HwbAreaDefined', data: { areaId: 'medway' }, metadata: cited('001') },
  {
    stream: 'organisation-kent-county-council',
    type: 'OrganisationRegistered',
    data: { organisationId: 'kent-county-council', name: 'Kent County Council', establishedOn: '1889-04-01' },
    metadata: assumed('the establishment date is public record, not the seeds'),
  },
  {
    stream: 'hwb-area-kent',
    type: 'AreaMemberAdded',
    data: { areaId: 'kent', organisationId: 'kent-county-council', role: 'lead-council', from: '2013-04-01' },
    metadata: cited('000'),
  },
  {
    stream: 'hwb-area-medway',
    type: 'AreaMemberAdded',
    data: { areaId: 'medway', organisationId: 'medway-council', role: 'unitary-council', from: '2013-04-01' },
    metadata: cited('001'),
  },
  {
    stream: 'post-kent-hwb-chair',
    type: 'PostCreated',
    data: { postId: 'kent-hwb-chair', organisationId: 'kent-county-council' },
    metadata: cited('brief §2.3'),
  },
  {
    stream: 'post-kent-hwb-chair',
    type: 'PostHolderAppointed',
    data: { postId: 'kent-hwb-chair', personId: 'p-0002', from: '2017-09-11', until: null, interim: false },
    metadata: {
      ...assumed('the plan date stands in for his appointment', '000:36'),
      validTime: '2017-09-11',
    },
  },
  {
    stream: 'person-p-0002',
    type: 'PersonRegistered',
    data: { personId: 'p-0002' },
    metadata: assumed('no name'),
  },
];

const facts = (events: object[], areaId: string) =>
  assumedFactsOfArea(recordedEvents(events as Parameters<typeof recordedEvents>[0]), areaId);
const listed = (events: object[], areaId: string) =>
  facts(events, areaId).map((fact) => `${fact.type} ${fact.stream}`);

describe('every assumed fact of an area', () => {
  it('registry: an organisation by its membership, a post by its organisation, a person by the posts held', () => {
    expect(listed(registry, 'kent')).toEqual([
      'OrganisationRegistered organisation-kent-county-council', // registered before it joined: still Kent's
      'PostHolderAppointed post-kent-hwb-chair',
      'PersonRegistered person-p-0002',
    ]);
    expect(listed(registry, 'medway')).toEqual([]);
    const [, holding] = facts(registry, 'kent');
    expect(holding).toEqual({
      type: 'PostHolderAppointed',
      stream: 'post-kent-hwb-chair',
      says: 'postId kent-hwb-chair, personId p-0002, from 2017-09-11, interim false',
      reason: null,
      effectiveOn: '2017-09-11',
      recordedAt: expect.any(String),
      position: '7',
      documented: false,
      evidence: { citations: ['000:36'], assumed: 'the plan date stands in for his appointment' },
    });
  });

  it('governance: a body by its area; its meetings, resolutions, delegations and approvals through it', () => {
    const governance = [
      ...registry,
      {
        stream: 'body-kent-hwb',
        type: 'DecisionBodyEstablished',
        data: { bodyId: 'kent-hwb', areaId: 'kent' },
        metadata: cited('public record'),
      },
      {
        stream: 'meeting-kent-hwb-2017-09-20',
        type: 'MeetingRecorded',
        data: { meetingId: 'kent-hwb-2017-09-20', bodyId: 'kent-hwb', date: '2017-09-20' },
        metadata: assumed('the plan only says it will go before the Board (000:442)', '000:442'),
      },
      {
        stream: 'resolution-r1',
        type: 'ResolutionIdClaimed',
        data: { resolutionId: 'r1', meetingId: 'kent-hwb-2017-09-20' },
        metadata: assumed('stands in'),
      },
      {
        stream: 'delegation-d1',
        type: 'DelegationGranted',
        data: { delegationId: 'd1', grantingBodyId: 'kent-hwb' },
        metadata: cited('000:440'),
      },
      {
        stream: 'delegation-d1',
        type: 'DelegatedDecisionReportedBack',
        data: { delegationId: 'd1', on: '2017-09-20', meetingId: 'kent-hwb-2017-09-20' },
        metadata: assumed('an intention read as done'),
      },
      {
        stream: 'approvals-ibcf-plan-x',
        type: 'ApprovalRecorded',
        data: {
          instrument: { kind: 'ibcf-plan', id: 'x' },
          authority: { kind: 'delegation', delegationId: 'd1' },
        },
        metadata: assumed('the date stands in'),
      },
      {
        stream: 'approvals-ibcf-plan-y',
        type: 'ApprovalRecorded',
        data: {
          instrument: { kind: 'ibcf-plan', id: 'y' },
          authority: { kind: 'resolution', resolutionId: 'r1' },
        },
        metadata: assumed('the date stands in'),
      },
    ];
    expect(listed(governance, 'kent').slice(3)).toEqual([
      'MeetingRecorded meeting-kent-hwb-2017-09-20',
      'ResolutionIdClaimed resolution-r1',
      'DelegatedDecisionReportedBack delegation-d1',
      'ApprovalRecorded approvals-ibcf-plan-x',
      'ApprovalRecorded approvals-ibcf-plan-y',
    ]);
    expect(listed(governance, 'medway')).toEqual([]);
  });

  it("plans: a plan by its area, and a plan's approvals through the plan", () => {
    const plans = [
      {
        stream: 'plan-kent-2017-19',
        type: 'PlanInitiated',
        data: { planId: 'kent-2017-19', areaId: 'kent' },
      },
      {
        stream: 'plan-kent-2017-19',
        type: 'PlanEntryRecorded',
        data: { planId: 'kent-2017-19', key: 'scheme-1' },
        metadata: cited('000:302-359'),
      },
      {
        stream: 'approvals-bcf-plan-kent-2017-19',
        type: 'ApprovalRecorded',
        data: {
          instrument: { kind: 'bcf-plan', id: 'kent-2017-19' },
          authority: { kind: 'resolution', resolutionId: 'unknown' },
        },
        metadata: assumed('the date of exercise stands in', '000:34-36'),
      },
    ];
    // recorded with no evidence at all: assumed, saying so
    expect(listed(plans, 'kent')).toEqual([
      'PlanInitiated plan-kent-2017-19',
      'ApprovalRecorded approvals-bcf-plan-kent-2017-19',
    ]);
    expect(facts(plans, 'kent')[0]!.evidence.assumed).toMatch(
      /before the ledger kept evidence, or with none/,
    );
    expect(listed(plans, 'medway')).toEqual([]);
  });

  it('fund: an agreement by its area, a pool-year and its transactions through the agreement', () => {
    const fund = [
      {
        stream: 's75-agreement-medway-bcf-s75',
        type: 'S75AgreementEstablished',
        data: { agreementId: 'medway-bcf-s75', areaId: 'medway' },
        metadata: assumed('its host partner and risk-share terms are stand-ins', '001:398'),
      },
      {
        stream: 'pooled-fund-medway-bcf-2017-18',
        type: 'PooledFundYearOpened',
        data: { poolId: 'medway-bcf', year: '2017-18', agreementId: 'medway-bcf-s75' },
        metadata: cited('001:331'),
      },
      {
        stream: 'pooled-fund-medway-bcf-2017-18',
        type: 'FundTransactionPosted',
        data: { transactionId: 't1', amountPence: 100 },
        metadata: assumed('the date stands in'),
      },
      {
        stream: 'pooled-fund-medway-bcf-2017-18',
        type: 'FundFigureStated',
        data: { figureId: 'f1' },
        metadata: cited('001:402-419'),
      },
    ];
    expect(listed(fund, 'medway')).toEqual([
      'S75AgreementEstablished s75-agreement-medway-bcf-s75',
      'FundTransactionPosted pooled-fund-medway-bcf-2017-18',
    ]);
    expect(listed(fund, 'kent')).toEqual([]);
  });

  it('returns: a quarterly return by its area, its entries and its approvals through the return', () => {
    const returns = [
      {
        stream: 'quarterly-return-medway-2017-18-q1',
        type: 'ReturnIssued',
        data: { returnId: 'medway-2017-18-q1', areaId: 'medway', quarter: 1 },
        metadata: assumed('the day after the quarter stands in for its issue'),
      },
      {
        stream: 'quarterly-return-medway-2017-18-q1',
        type: 'ReturnFieldsEntered',
        data: { returnId: 'medway-2017-18-q1' },
        metadata: assumed('information not available stands in'),
      },
      {
        stream: 'quarterly-return-medway-2017-18-q1',
        type: 'ReturnSubmitted',
        data: { returnId: 'medway-2017-18-q1' },
        metadata: cited('001:1-2'),
      },
      {
        stream: 'approvals-quarterly-return-medway-2017-18-q1',
        type: 'ApprovalRecorded',
        data: {
          instrument: { kind: 'quarterly-return', id: 'medway-2017-18-q1', version: 2 },
          authority: { kind: 'chair', bodyId: 'medway-hwb' },
        },
        metadata: assumed('the day it was sent stands in for its sign-off'),
      },
    ];
    expect(listed(returns, 'medway')).toEqual([
      'ReturnIssued quarterly-return-medway-2017-18-q1',
      'ReturnFieldsEntered quarterly-return-medway-2017-18-q1',
      'ApprovalRecorded approvals-quarterly-return-medway-2017-18-q1',
    ]);
    expect(listed(returns, 'kent')).toEqual([]);
  });

  it('says what a fact says in short, never more than 300 characters', () => {
    expect(factSays({ a: 'x', n: 2, nested: { b: 1 }, list: [1], none: null })).toBe('a x, n 2');
    expect(factSays({ text: 'y'.repeat(400) })).toHaveLength(300);
  });
});

describe('every assumed fact of the ledger', () => {
  const ccg = (id: string, area: string) => [
    {
      stream: `hwb-area-${area}`,
      type: 'AreaMemberAdded',
      data: { areaId: area, organisationId: id, role: 'nhs-commissioner', from: '2013-04-01' },
      metadata: cited('000'),
    },
  ];
  const events = [
    ...registry,
    ...ccg('nhs-swale-ccg', 'kent'),
    ...ccg('nhs-medway-ccg', 'medway'),
    {
      stream: 'organisation-nhs-kent-and-medway-ccg',
      type: 'OrganisationRegistered',
      data: { organisationId: 'nhs-kent-and-medway-ccg' },
      metadata: assumed('not in the seed documents: the ODS code stands in'),
    },
    ...['nhs-swale-ccg', 'nhs-medway-ccg'].map((id) => ({
      stream: `organisation-${id}`,
      type: 'OrganisationSucceeded',
      data: { organisationId: id, successorId: 'nhs-kent-and-medway-ccg', effectiveOn: '2020-04-01' },
      metadata: cited('000:40-46'),
    })),
    {
      stream: 'organisation-a-national-body',
      type: 'OrganisationRegistered',
      data: { organisationId: 'a-national-body' },
      metadata: assumed('no source was cited'),
    },
  ];
  const ledger = assumedFactsOfLedger(recordedEvents(events as Parameters<typeof recordedEvents>[0]));

  it("lists each assumed event once, with its areas: a successor is in its predecessors' areas, a body of none in none", () => {
    expect(ledger.map((fact) => [fact.type, fact.stream, fact.areas])).toEqual([
      ['OrganisationRegistered', 'organisation-kent-county-council', ['kent']],
      ['PostHolderAppointed', 'post-kent-hwb-chair', ['kent']],
      ['PersonRegistered', 'person-p-0002', ['kent']],
      ['OrganisationRegistered', 'organisation-nhs-kent-and-medway-ccg', ['kent', 'medway']],
      ['OrganisationRegistered', 'organisation-a-national-body', []],
    ]);
    // each area's own list is the ledger's facts that name the area
    for (const area of ['kent', 'medway'])
      expect(facts(events, area).map((fact) => fact.position)).toEqual(
        ledger.filter((fact) => fact.areas.includes(area)).map((fact) => fact.position),
      );
  });
});
