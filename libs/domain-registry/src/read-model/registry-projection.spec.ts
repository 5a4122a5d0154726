import { ViewKey, evidenceOf, projectInMemory, recordedEvents } from '@bcl/kernel';
import { registryProjection } from './registry-projection';
import { RegistryEvent, RegistryView, viewKey } from './registry-views';

const given = (events: (RegistryEvent & { stream: string; metadata?: Record<string, unknown> })[]) =>
  projectInMemory(registryProjection, recordedEvents(events));
/** The evidence of an event recorded without any (these events have no metadata). */
const none = evidenceOf({});

describe('the registry projection: given events, then views', () => {
  const views = given([
    {
      stream: 'organisation-nhs-west-kent-ccg',
      type: 'OrganisationRegistered',
      data: {
        organisationId: 'nhs-west-kent-ccg',
        kind: 'ccg',
        name: 'NHS West Kent CCG',
        codes: [{ scheme: 'ods', value: '99J' }],
        establishedOn: '2013-04-01',
        parentOrganisationId: null,
      },
    },
    {
      stream: 'organisation-nhs-kent-and-medway-icb',
      type: 'OrganisationRegistered',
      data: {
        organisationId: 'nhs-kent-and-medway-icb',
        kind: 'icb',
        name: 'NHS Kent and Medway Integrated Care Board',
        codes: [],
        establishedOn: '2022-07-01',
        parentOrganisationId: null,
      },
    },
    {
      stream: 'hwb-area-kent',
      type: 'HwbAreaDefined',
      data: { areaId: 'kent', name: 'Kent', structure: 'two-tier', establishedOn: '2013-04-01' },
    },
    {
      stream: 'hwb-area-kent',
      type: 'AreaMemberAdded',
      data: {
        areaId: 'kent',
        organisationId: 'nhs-west-kent-ccg',
        role: 'nhs-commissioner',
        from: '2013-04-01',
      },
    },
    {
      stream: 'hwb-area-kent',
      type: 'AreaMembershipEnded',
      data: { areaId: 'kent', organisationId: 'nhs-west-kent-ccg', until: '2022-06-30' },
    },
    {
      stream: 'organisation-nhs-west-kent-ccg',
      type: 'OrganisationSucceeded',
      data: {
        organisationId: 'nhs-west-kent-ccg',
        successorId: 'nhs-kent-and-medway-icb',
        effectiveOn: '2022-07-01',
      },
    },
    {
      stream: 'organisation-nhs-kent-and-medway-icb',
      type: 'OrganisationRenamed',
      data: {
        organisationId: 'nhs-kent-and-medway-icb',
        name: 'NHS Kent and Medway',
        previousName: 'NHS Kent and Medway Integrated Care Board',
        effectiveFrom: '2023-01-01',
      },
    },
    {
      stream: 'post-kent-hwb-chair',
      type: 'PostCreated',
      data: {
        postId: 'kent-hwb-chair',
        title: 'Chair, Kent HWB',
        organisationId: 'nhs-kent-and-medway-icb',
        createdOn: '2013-04-01',
      },
    },
    { stream: 'person-p-0001', type: 'PersonRegistered', data: { personId: 'p-0001' } },
    {
      stream: 'post-kent-hwb-chair',
      type: 'PostHolderAppointed',
      data: { postId: 'kent-hwb-chair', personId: 'p-0001', from: '2017-05-25', until: null, interim: false },
    },
    {
      stream: 'post-kent-hwb-chair',
      type: 'PostHoldingEnded',
      data: { postId: 'kent-hwb-chair', personId: 'p-0001', until: '2021-05-05' },
    },
    { stream: 'person-p-0001', type: 'PersonalDataErased', data: { personId: 'p-0001' } },
  ] as (RegistryEvent & { stream: string })[]);
  const get = <V extends RegistryView>(key: ViewKey<V>) => views.get(key) as V | undefined;
  const at = (second: number) => `2024-01-01T00:00:${String(second).padStart(2, '0')}.000Z`;

  it('keeps an area with its members, each ending stamped with when it was recorded', () => {
    expect(views.get(viewKey.area('kent'))).toEqual({
      areaId: 'kent',
      name: 'Kent',
      structure: 'two-tier',
      establishedOn: '2013-04-01',
      evidence: none,
      members: [
        {
          organisationId: 'nhs-west-kent-ccg',
          role: 'nhs-commissioner',
          from: '2013-04-01',
          recordedAt: at(3),
          evidence: none,
          until: '2022-06-30',
          untilRecordedAt: at(4),
          untilEvidence: none,
        },
      ],
      revision: 2,
    });
  });

  it('keeps an organisation with its areas, successor and timeline, and its successor with its predecessors', () => {
    const ccg = get(viewKey.organisation('nhs-west-kent-ccg'));
    expect(ccg).toMatchObject({
      names: [{ name: 'NHS West Kent CCG', from: '2013-04-01', recordedAt: at(0) }],
      succession: { successorId: 'nhs-kent-and-medway-icb', effectiveOn: '2022-07-01', recordedAt: at(5) },
      areas: [{ areaId: 'kent', role: 'nhs-commissioner', until: '2022-06-30', untilRecordedAt: at(4) }],
      revision: 1,
    });
    expect(ccg!.history.map((h) => [h.type, h.effectiveOn, h.position, h.detail])).toEqual([
      ['OrganisationRegistered', '2013-04-01', '1', "registered as ccg 'NHS West Kent CCG'"],
      ['AreaMemberAdded', '2013-04-01', '4', "joined area 'kent' as nhs-commissioner"],
      ['AreaMembershipEnded', '2022-06-30', '5', "left area 'kent'"],
      ['OrganisationSucceeded', '2022-07-01', '6', "succeeded by 'nhs-kent-and-medway-icb'"],
    ]);
    const icb = get(viewKey.organisation('nhs-kent-and-medway-icb'));
    expect(icb).toMatchObject({
      names: [
        { name: 'NHS Kent and Medway Integrated Care Board', from: '2022-07-01' },
        { name: 'NHS Kent and Medway', from: '2023-01-01', recordedAt: at(6) },
      ],
      predecessors: [{ organisationId: 'nhs-west-kent-ccg', effectiveOn: '2022-07-01', recordedAt: at(5) }],
      revision: 1,
    });
    expect(icb!.history.map((h) => h.type)).toEqual([
      'OrganisationRegistered',
      'SucceededTo',
      'OrganisationRenamed',
    ]);
  });

  it('keeps a post with its holdings, and a person as erased or not (no personal data)', () => {
    expect(views.get(viewKey.post('kent-hwb-chair'))).toEqual({
      postId: 'kent-hwb-chair',
      title: 'Chair, Kent HWB',
      organisationId: 'nhs-kent-and-medway-icb',
      createdOn: '2013-04-01',
      evidence: none,
      holdings: [
        {
          personId: 'p-0001',
          from: '2017-05-25',
          interim: false,
          recordedAt: at(9),
          evidence: none,
          until: '2021-05-05',
          untilRecordedAt: at(10),
          untilEvidence: none,
        },
      ],
      revision: 2,
    });
    expect(views.get(viewKey.person('p-0001'))).toEqual({
      personId: 'p-0001',
      erased: true,
      evidence: none,
      revision: 1,
    });
    expect(views.size).toBe(5);
  });

  it('shows beside each fact what it rests on: its citations, or that it is assumed and why', () => {
    const cited = { citations: ['004:2619'], assumed: null };
    const assumed = { citations: ['002:7'], assumed: 'the minutes date stands in for his appointment' };
    const evidenced = given([
      {
        stream: 'post-southend-dce-people',
        type: 'PostCreated',
        data: { postId: 'southend-dce-people', title: 'DCE', organisationId: 'sbc', createdOn: '2013-04-01' },
        metadata: { evidence: { citations: [], assumed: 'a stand-in date' } },
      },
      {
        stream: 'post-southend-dce-people',
        type: 'PostHolderAppointed',
        data: {
          postId: 'southend-dce-people',
          personId: 'p-0005',
          from: '2017-03-22',
          until: '2019-01-01',
          interim: false,
        },
        metadata: { evidence: assumed },
      },
      {
        stream: 'post-southend-dce-people',
        type: 'PostHoldingEnded',
        data: { postId: 'southend-dce-people', personId: 'p-0005', until: '2018-06-01' },
        metadata: { evidence: cited },
      },
    ]);
    const post = evidenced.get(viewKey.post('southend-dce-people'))!;
    expect(post).toMatchObject({
      evidence: { citations: [], assumed: 'a stand-in date' },
      holdings: [{ personId: 'p-0005', evidence: assumed, until: '2018-06-01', untilEvidence: cited }],
    });
  });
});
