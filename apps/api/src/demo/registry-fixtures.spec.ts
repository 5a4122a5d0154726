import {
  AreaView,
  OrganisationView,
  PostView,
  RegistryEvent,
  RegistryView,
  addAreaMember,
  appointPostHolder,
  areaOrganisationsAsAt,
  createPost,
  defineHwbArea,
  evolveHwbArea,
  evolveOrganisation,
  evolvePerson,
  evolvePost,
  hwbAreaStream,
  nameAsAt,
  organisationHistory,
  organisationStream,
  personStream,
  postHolderOn,
  postStream,
  registryProjection,
  recordSuccession,
  registerOrganisation,
  registerPerson,
  renameOrganisation,
  viewKey,
} from '@bcl/domain-registry';
import { projectInMemory } from '@bcl/kernel';
import { DemoStep, readDemoFile } from './demo-files';

/** Kent's twelve districts and seven CCGs (000, brief §2.2), as the demo registry must hold them. */
const KENT_DISTRICTS = [
  'ashford-borough-council',
  'canterbury-city-council',
  'dartford-borough-council',
  'dover-district-council',
  'gravesham-borough-council',
  'maidstone-borough-council',
  'sevenoaks-district-council',
  'shepway-district-council',
  'swale-borough-council',
  'thanet-district-council',
  'tonbridge-and-malling-borough-council',
  'tunbridge-wells-borough-council',
].map((id) => [id]);
const KENT_CCGS = [
  ['nhs-ashford-ccg', 'NHS Ashford CCG'],
  ['nhs-canterbury-and-coastal-ccg', 'NHS Canterbury and Coastal CCG'],
  ['nhs-dartford-gravesham-and-swanley-ccg', 'NHS Dartford, Gravesham and Swanley CCG'],
  ['nhs-south-kent-coast-ccg', 'NHS South Kent Coast CCG'],
  ['nhs-swale-ccg', 'NHS Swale CCG'],
  ['nhs-thanet-ccg', 'NHS Thanet CCG'],
  ['nhs-west-kent-ccg', 'NHS West Kent CCG'],
];

/**
 * Runs the fixtures through the pure domain and the projection only (no store, no HTTP): the registry's
 * answers for the four areas, in milliseconds. Each step is "recorded" one second after the previous.
 */
function replayFixtures(steps: DemoStep[]) {
  const streams = new Map<string, RegistryEvent[]>();
  const views = new Map<string, RegistryView>();
  let position = 0;
  const fold = <S>(stream: string, evolve: (s: S | undefined, e: never) => S): S | undefined =>
    (streams.get(stream) ?? []).reduce<S | undefined>(
      (state, event) => evolve(state, event as never),
      undefined,
    );
  const org = (id: string) => fold(organisationStream(id), evolveOrganisation);
  const recordedAt = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString();

  for (const step of steps) {
    let stream: string;
    let events: RegistryEvent[];
    switch (step.command) {
      case 'RegisterOrganisation':
        stream = organisationStream(step.input.organisationId);
        events = registerOrganisation(
          org(step.input.organisationId),
          step.input,
          step.input.parentOrganisationId ? org(step.input.parentOrganisationId) : undefined,
        );
        break;
      case 'RenameOrganisation':
        stream = organisationStream(step.input.organisationId);
        events = renameOrganisation(org(step.input.organisationId), step.input);
        break;
      case 'RecordSuccession':
        stream = organisationStream(step.input.organisationId);
        events = recordSuccession(org(step.input.organisationId), step.input, org(step.input.successorId));
        break;
      case 'DefineHwbArea':
        stream = hwbAreaStream(step.input.areaId);
        events = defineHwbArea(fold(stream, evolveHwbArea), step.input);
        break;
      case 'AddAreaMember':
        stream = hwbAreaStream(step.input.areaId);
        events = addAreaMember(fold(stream, evolveHwbArea), step.input, org(step.input.organisationId));
        break;
      case 'RegisterPerson':
        stream = personStream(step.input.personId);
        events = registerPerson(fold(stream, evolvePerson), step.input);
        break;
      case 'CreatePost':
        stream = postStream(step.input.postId);
        events = createPost(fold(stream, evolvePost), step.input, org(step.input.organisationId));
        break;
      case 'AppointPostHolder':
        stream = postStream(step.input.postId);
        events = appointPostHolder(
          fold(stream, evolvePost),
          step.input,
          fold(personStream(step.input.personId), evolvePerson),
        );
        break;
      default:
        throw new Error(`not a registry command: ${step.command}`);
    }
    for (const event of events) {
      const history = [...(streams.get(stream) ?? []), event];
      streams.set(stream, history);
      position += 1;
      const recorded = {
        ...event,
        stream,
        revision: history.length - 1,
        position: BigInt(position),
        recordedAt: recordedAt(position),
      };
      projectInMemory(registryProjection, [recorded], views);
    }
  }
  const organisation = (id: string) => views.get(viewKey.organisation(id)) as OrganisationView | undefined;
  return {
    views,
    recordedAt,
    organisation,
    area: (asAt: string, areaId: string, knownAt?: string) =>
      areaOrganisationsAsAt(views.get(viewKey.area(areaId)) as AreaView, organisation, { asAt, knownAt }),
    holder: (postId: string, asAt: string) =>
      postHolderOn(views.get(viewKey.post(postId)) as PostView, { asAt }),
  };
}

describe('the registry fixtures (Kent, Medway, Southend-on-Sea, Rutland) through the pure domain', () => {
  const registry = replayFixtures(readDemoFile('registry.json'));

  it('gives Kent its county council, twelve districts and seven CCGs in 2017', () => {
    const kent = registry.area('2017-09-11', 'kent');
    expect(kent.filter((o) => o.role === 'lead-council').map((o) => o.name)).toEqual(['Kent County Council']);
    expect(
      kent
        .filter((o) => o.role === 'district-council')
        .map((o) => o.organisationId)
        .sort(),
    ).toEqual(KENT_DISTRICTS.map(([id]) => id).sort());
    expect(
      kent
        .filter((o) => o.role === 'nhs-commissioner')
        .map((o) => o.name)
        .sort(),
    ).toEqual(KENT_CCGS.map(([, name]) => name).sort());
    expect(kent.every((o) => o.standsFor.length === 0)).toBe(true);
  });

  it('shows the CCGs as they were before 1 July 2022 and their ICB from that day', () => {
    const commissioners = (asAt: string, area: string) =>
      registry.area(asAt, area).filter((o) => o.role === 'nhs-commissioner');
    const before = commissioners('2022-06-30', 'kent');
    expect(before.map((o) => o.organisationId)).toEqual(['nhs-kent-and-medway-ccg']);
    expect(before[0]!.standsFor).toHaveLength(7);
    const after = commissioners('2022-07-01', 'kent');
    expect(after.map((o) => [o.organisationId, o.kind, o.name])).toEqual([
      ['nhs-kent-and-medway-icb', 'icb', 'NHS Kent and Medway Integrated Care Board'],
    ]);
    expect(after[0]!.standsFor.map((s) => s.organisationId).sort()).toEqual(
      KENT_CCGS.map(([id]) => id).sort(),
    );
    expect(commissioners('2023-01-01', 'medway').map((o) => o.organisationId)).toEqual([
      'nhs-kent-and-medway-icb',
    ]);
    expect(commissioners('2022-06-30', 'southend-on-sea').map((o) => o.name)).toEqual(['NHS Southend CCG']);
    expect(commissioners('2022-07-01', 'southend-on-sea').map((o) => o.organisationId)).toEqual([
      'nhs-mid-and-south-essex-icb',
    ]);
    expect(commissioners('2022-07-01', 'rutland').map((o) => o.organisationId)).toEqual([
      'nhs-leicester-leicestershire-and-rutland-icb',
    ]);
  });

  it('keeps names valid over date ranges', () => {
    const shepway = registry.organisation('shepway-district-council')!;
    expect(nameAsAt(shepway, { asAt: '2018-03-31' })).toBe('Shepway District Council');
    expect(nameAsAt(shepway, { asAt: '2018-04-01' })).toBe('Folkestone and Hythe District Council');
    expect(registry.area('2017-09-11', 'kent').some((o) => o.name === 'Shepway District Council')).toBe(true);
    expect(nameAsAt(registry.organisation('southend-on-sea-borough-council')!, { asAt: '2017-06-21' })).toBe(
      'Southend-on-Sea Borough Council',
    );
  });

  it('answers who held a post on a date', () => {
    expect(registry.holder('kent-hwb-chair', '2017-06-14')?.personId).toBe('p-0001');
    expect(registry.holder('kent-hwb-chair', '2017-09-11')?.personId).toBe('p-0002');
    expect(registry.holder('kent-hwb-chair', '2015-01-01')).toBeNull();
    expect(registry.holder('southend-ccg-accountable-officer', '2017-06-21')).toMatchObject({
      personId: 'p-0004',
      interim: true,
    });
  });

  it('tells an organisation history in effective-date order, and as known at an earlier instant', () => {
    const ccg = registry.organisation('nhs-west-kent-ccg')!;
    expect(organisationHistory(ccg).map((h) => [h.type, h.effectiveOn])).toEqual([
      ['OrganisationRegistered', '2013-04-01'],
      ['AreaMemberAdded', '2013-04-01'],
      ['OrganisationSucceeded', '2020-04-01'],
    ]);
    const registeredAt = ccg.history[0]!.recordedAt;
    expect(organisationHistory(ccg, registeredAt).map((h) => h.type)).toEqual(['OrganisationRegistered']);
  });

  it('answers "as known at": before the succession was recorded, 2023 still shows the CCGs', () => {
    const succession = registry.organisation('nhs-west-kent-ccg')!.succession!;
    const justBefore = new Date(Date.parse(succession.recordedAt) - 1).toISOString();
    expect(registry.organisation('nhs-west-kent-ccg')!.areas[0]!.recordedAt < justBefore).toBe(true);
    const commissioners = registry
      .area('2023-01-01', 'kent', justBefore)
      .filter((o) => o.role === 'nhs-commissioner');
    expect(commissioners.map((o) => o.organisationId)).toContain('nhs-west-kent-ccg');
    expect(registry.area('2023-01-01', 'kent').filter((o) => o.role === 'nhs-commissioner')).toHaveLength(1);
  });
});
