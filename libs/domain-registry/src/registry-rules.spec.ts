import { DomainError, isCalendarDate } from '@bcl/kernel';
import {
  HwbAreaState,
  OrganisationEvent,
  OrganisationState,
  PostState,
  addAreaMember,
  appointPostHolder,
  endPostHolding,
  evolveHwbArea,
  evolveOrganisation,
  evolvePost,
  recordSuccession,
  registerOrganisation,
  renameOrganisation,
} from './index';
import { DeciderSpecification, refusedAs } from '@bcl/testing';

const registered = (
  organisationId: string,
  kind: OrganisationState['kind'],
  establishedOn = '2013-04-01',
): OrganisationEvent => ({
  type: 'OrganisationRegistered',
  data: {
    organisationId,
    kind,
    name: organisationId,
    codes: [],
    establishedOn,
    parentOrganisationId: null,
  },
});
const organisation = (...args: Parameters<typeof registered>): OrganisationState =>
  evolveOrganisation(undefined, registered(...args));
const organisations = DeciderSpecification.for({ evolve: evolveOrganisation });

function refusal(run: () => unknown): { kind: string; field: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { kind: error.kind, field: error.field };
    throw error;
  }
  throw new Error('expected the command to be refused');
}

describe('calendar dates', () => {
  it('accepts real dates only', () => {
    expect(['2022-07-01', '2024-02-29'].every(isCalendarDate)).toBe(true);
    expect(
      ['2022-02-29', '2022-13-01', '2022-7-1', '20220701', '', null, 20220701].some(isCalendarDate),
    ).toBe(false);
  });
});

describe('organisations', () => {
  const kent = organisation('kent-county-council', 'county-council', '1889-04-01');
  const district = {
    organisationId: 'ashford-borough-council',
    kind: 'district-council' as const,
    name: 'Ashford Borough Council',
    codes: [{ scheme: 'ons' as const, value: 'E07000105' }],
    establishedOn: '1974-04-01',
    parentOrganisationId: 'kent-county-council',
  };

  it('registers a district under its county, and refuses a district without one or under a non-county', () => {
    organisations
      .given([])
      .when((state) => registerOrganisation(state, district, kent))
      .then([{ type: 'OrganisationRegistered', data: district }]);
    organisations
      .given([])
      .when((state) => registerOrganisation(state, { ...district, parentOrganisationId: null }, undefined))
      .thenThrows(refusedAs('invalid', 'parentOrganisationId'));
    organisations
      .given([])
      .when((state) => registerOrganisation(state, district, organisation('medway', 'unitary-council')))
      .thenThrows(refusedAs('invalid', 'parentOrganisationId'));
    organisations
      .given([registered('kent-county-council', 'county-council', '1889-04-01')])
      .when((state) =>
        registerOrganisation(state, { ...district, organisationId: 'kent-county-council' }, kent),
      )
      .thenThrows(refusedAs('conflict', 'organisationId'));
  });

  it('renames from a later date only, and keeps the earlier name in the state', () => {
    const shepway = organisation('shepway-district-council', 'district-council', '1974-04-01');
    const command = {
      organisationId: shepway.organisationId,
      name: 'Folkestone and Hythe District Council',
      effectiveFrom: '2018-04-01',
    };
    const renamed = renameOrganisation(shepway, command).reduce(evolveOrganisation, shepway);
    expect(renamed.names.map((n) => n.from)).toEqual(['1974-04-01', '2018-04-01']);
    expect(
      refusal(() => renameOrganisation(renamed, { ...command, name: 'Other', effectiveFrom: '2018-04-01' })),
    ).toEqual({
      kind: 'conflict',
      field: 'effectiveFrom',
    });
  });

  it('records succession once, forward in time, to a successor that exists and was not itself succeeded', () => {
    const ccg = organisation('nhs-west-kent-ccg', 'ccg');
    const icb = organisation('nhs-kent-and-medway-icb', 'icb', '2022-07-01');
    const command = {
      organisationId: ccg.organisationId,
      successorId: icb.organisationId,
      effectiveOn: '2022-07-01',
    };
    const succession = recordSuccession(ccg, command, icb);
    const succeeded = succession.reduce(evolveOrganisation, ccg);
    expect(succeeded.succession).toEqual({ successorId: icb.organisationId, effectiveOn: '2022-07-01' });

    const westKent = organisations.given([registered('nhs-west-kent-ccg', 'ccg')]);
    organisations
      .given([registered('nhs-west-kent-ccg', 'ccg'), ...succession])
      .when((state) => recordSuccession(state, command, icb))
      .thenThrows(refusedAs('conflict', 'organisationId'));
    westKent
      .when((state) => recordSuccession(state, { ...command, effectiveOn: '2022-06-30' }, icb))
      .thenThrows(refusedAs('invalid', 'effectiveOn'));
    expect(
      refusal(() => recordSuccession(ccg, { ...command, successorId: ccg.organisationId }, ccg)),
    ).toEqual({
      kind: 'invalid',
      field: 'successorId',
    });
    expect(refusal(() => recordSuccession(ccg, command, undefined))).toEqual({
      kind: 'not-found',
      field: 'successorId',
    });
    const abolished = { ...icb, succession: { successorId: 'x', effectiveOn: '2022-07-01' } };
    expect(refusal(() => recordSuccession(ccg, command, abolished))).toEqual({
      kind: 'conflict',
      field: 'successorId',
    });
  });
});

describe('HWB areas', () => {
  const defined = (structure: HwbAreaState['structure']) =>
    evolveHwbArea(undefined, {
      type: 'HwbAreaDefined',
      data: { areaId: 'kent', name: 'Kent', structure, establishedOn: '2013-04-01' },
    });

  it('admits organisations only in roles that fit their kind and the area', () => {
    const add = {
      areaId: 'kent',
      organisationId: 'ashford',
      role: 'district-council' as const,
      from: '2013-04-01',
    };
    const district = organisation('ashford', 'district-council', '1974-04-01');
    const area = addAreaMember(defined('two-tier'), add, district).reduce(evolveHwbArea, defined('two-tier'));
    expect(area.members).toEqual([
      { organisationId: 'ashford', role: 'district-council', from: '2013-04-01', until: null },
    ]);
    expect(refusal(() => addAreaMember(area, add, district))).toEqual({
      kind: 'conflict',
      field: 'organisationId',
    });
    expect(refusal(() => addAreaMember(defined('unitary'), add, district))).toEqual({
      kind: 'invalid',
      field: 'role',
    });
    expect(
      refusal(() => addAreaMember(defined('two-tier'), { ...add, role: 'nhs-commissioner' }, district)),
    ).toEqual({
      kind: 'invalid',
      field: 'role',
    });
    expect(refusal(() => addAreaMember(defined('two-tier'), add, undefined))).toEqual({
      kind: 'not-found',
      field: 'organisationId',
    });
  });
});

describe('posts', () => {
  const post: PostState = evolvePost(undefined, {
    type: 'PostCreated',
    data: {
      postId: 'kent-hwb-chair',
      title: 'Chair, Kent HWB',
      organisationId: 'kcc',
      createdOn: '2013-04-01',
    },
  });
  const person = { personId: 'p-1', erased: false };

  it('has one holder at a time, and ends a holding after it began', () => {
    const appoint = { postId: post.postId, personId: 'p-1', from: '2016-01-27', until: null, interim: false };
    const held = appointPostHolder(post, appoint, person).reduce(evolvePost, post);
    const clash = { ...appoint, personId: 'p-2', from: '2017-01-01' };
    expect(refusal(() => appointPostHolder(held, clash, { personId: 'p-2', erased: false }))).toEqual({
      kind: 'conflict',
      field: 'from',
    });
    expect(
      refusal(() => endPostHolding(held, { postId: post.postId, personId: 'p-1', until: '2016-01-27' })),
    ).toEqual({
      kind: 'invalid',
      field: 'until',
    });
    const ended = endPostHolding(held, { postId: post.postId, personId: 'p-1', until: '2017-09-11' }).reduce(
      evolvePost,
      held,
    );
    expect(
      appointPostHolder(ended, { ...clash, from: '2017-09-11' }, { personId: 'p-2', erased: false }),
    ).toHaveLength(1);
    expect(
      refusal(() =>
        appointPostHolder(ended, { ...clash, from: '2017-09-10' }, { personId: 'p-2', erased: false }),
      ),
    ).toEqual({
      kind: 'conflict',
      field: 'from',
    });
    expect(refusal(() => appointPostHolder(post, appoint, undefined))).toEqual({
      kind: 'not-found',
      field: 'personId',
    });
  });
});
