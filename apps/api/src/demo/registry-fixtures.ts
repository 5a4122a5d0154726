import {
  AddAreaMember,
  AppointPostHolder,
  CreatePost,
  DefineHwbArea,
  OrganisationKind,
  RecordSuccession,
  RegisterOrganisation,
  RenameOrganisation,
} from '@bcl/domain-registry';

/**
 * The Kent, Medway, Southend-on-Sea and Rutland registry, as commands in the order they must run. Names and
 * post holders come from the seed documents (citations in `reason`). Codes (ONS, ODS), establishment dates,
 * the 2018 Shepway rename, Southend's 2022 city status, the April 2020 Kent and Medway CCG merger and the
 * 1 July 2022 ICBs are public record, not the seeds, and say so.
 */
export type FixtureStep =
  | { kind: 'organisation'; command: RegisterOrganisation; reason: string }
  | { kind: 'rename'; command: RenameOrganisation; reason: string }
  | { kind: 'succession'; command: RecordSuccession; reason: string }
  | { kind: 'area'; command: DefineHwbArea; reason: string }
  | { kind: 'member'; command: AddAreaMember; reason: string }
  | { kind: 'person'; command: { personId: string; displayName: string }; reason: string }
  | { kind: 'post'; command: CreatePost; reason: string }
  | { kind: 'holder'; command: AppointPostHolder; reason: string };

const PUBLIC_RECORD = 'Public record (ONS/ODS registers), not in the seed documents';
const HWB_START = '2013-04-01'; // Health and Wellbeing Boards became statutory on 1 April 2013
const CCG_START = '2013-04-01';
const ICB_START = '2022-07-01';

const org = (
  organisationId: string,
  kind: OrganisationKind,
  name: string,
  establishedOn: string,
  codes: [scheme: 'ons' | 'ods', value: string][],
  reason: string,
  parentOrganisationId: string | null = null,
): FixtureStep => ({
  kind: 'organisation',
  command: {
    organisationId,
    kind,
    name,
    establishedOn,
    parentOrganisationId,
    codes: codes.map(([scheme, value]) => ({ scheme, value })),
  },
  reason,
});

/** Kent's twelve districts (000, §2.2 of the brief), with their ONS codes E07000105-E07000116. */
export const KENT_DISTRICTS: [id: string, name: string][] = [
  ['ashford-borough-council', 'Ashford Borough Council'],
  ['canterbury-city-council', 'Canterbury City Council'],
  ['dartford-borough-council', 'Dartford Borough Council'],
  ['dover-district-council', 'Dover District Council'],
  ['gravesham-borough-council', 'Gravesham Borough Council'],
  ['maidstone-borough-council', 'Maidstone Borough Council'],
  ['sevenoaks-district-council', 'Sevenoaks District Council'],
  ['shepway-district-council', 'Shepway District Council'],
  ['swale-borough-council', 'Swale Borough Council'],
  ['thanet-district-council', 'Thanet District Council'],
  ['tonbridge-and-malling-borough-council', 'Tonbridge and Malling Borough Council'],
  ['tunbridge-wells-borough-council', 'Tunbridge Wells Borough Council'],
];

/** Kent's seven CCGs (000:40-46) with their ODS codes. */
export const KENT_CCGS: [id: string, name: string, ods: string][] = [
  ['nhs-ashford-ccg', 'NHS Ashford CCG', '09C'],
  ['nhs-canterbury-and-coastal-ccg', 'NHS Canterbury and Coastal CCG', '09E'],
  ['nhs-dartford-gravesham-and-swanley-ccg', 'NHS Dartford, Gravesham and Swanley CCG', '09J'],
  ['nhs-south-kent-coast-ccg', 'NHS South Kent Coast CCG', '10A'],
  ['nhs-swale-ccg', 'NHS Swale CCG', '10D'],
  ['nhs-thanet-ccg', 'NHS Thanet CCG', '10E'],
  ['nhs-west-kent-ccg', 'NHS West Kent CCG', '99J'],
];

const member = (
  areaId: string,
  organisationId: string,
  role: AddAreaMember['role'],
  reason: string,
): FixtureStep => ({
  kind: 'member',
  command: { areaId, organisationId, role, from: HWB_START },
  reason,
});

const SEED_DATES =
  'Holder on the seed document date; appointment dates are not in the seeds, so that date stands in';

/** Everyone the Kent HWB minutes of 27 January 2016 name, beyond the people above (p-0001 to p-0003). */
export const KENT_HWB_2016_01_27_PEOPLE = [
  ['p-0101', 'Dr F Armstrong'],
  ['p-0104', 'Dr B Bowes'],
  ['p-0105', 'Ms H Carpenter'],
  ['p-0106', 'Mr P B Carter, CBE'],
  ['p-0107', 'Ms P Davies'],
  ['p-0108', 'Ms P Ford'],
  ['p-0109', 'Mr S Inett'],
  ['p-0110', 'Mr A Ireland'],
  ['p-0111', 'Dr M Jones'],
  ['p-0112', 'Dr N Kumta'],
  ['p-0113', 'Dr E Lunt'],
  ['p-0114', 'Mr G Lymer'],
  ['p-0115', 'Cllr K Pugh'],
  ['p-0116', 'Mr A Scott-Clark'],
  ['p-0117', 'Dr R Stewart'],
  ['p-0118', 'Cllr L Weatherly'],
  ['p-0119', 'Mr T Godfrey'],
  ['p-0120', 'Mr M Lemon'],
  ['p-0121', 'Mrs A Hunter'],
  ['p-0122', 'Ms F Cox'],
  ['p-0123', 'Dr Cocker'],
  ['p-0124', 'Mr G K Gibbens'],
  ['p-0125', 'Dr Martin'],
  ['p-0126', 'Mr Perks'],
] as const;

export const REGISTRY_FIXTURES: FixtureStep[] = [
  // Councils
  org(
    'kent-county-council',
    'county-council',
    'Kent County Council',
    '1889-04-01',
    [['ons', 'E10000016']],
    `Kent BCF plan 2017-19 (000); ${PUBLIC_RECORD}`,
  ),
  ...KENT_DISTRICTS.map(([id, name], index) =>
    org(
      id,
      'district-council',
      name,
      '1974-04-01',
      [['ons', `E070001${String(5 + index).padStart(2, '0')}`]],
      `Kent district (000, brief §2.2); ${PUBLIC_RECORD}`,
      'kent-county-council',
    ),
  ),
  org(
    'medway-council',
    'unitary-council',
    'Medway Council',
    '1998-04-01',
    [['ons', 'E06000035']],
    `Medway HWB agenda 12 Sep 2017 (001); ${PUBLIC_RECORD}`,
  ),
  org(
    'southend-on-sea-borough-council',
    'unitary-council',
    'Southend-on-Sea Borough Council',
    '1998-04-01',
    [['ons', 'E06000033']],
    `Southend HWB pack 21 Jun 2017 (004); ${PUBLIC_RECORD}`,
  ),
  org(
    'rutland-county-council',
    'unitary-council',
    'Rutland County Council',
    '1997-04-01',
    [['ons', 'E06000017']],
    `Rutland HWB report 31 Jan 2017 (003); ${PUBLIC_RECORD}`,
  ),
  // NHS commissioners
  ...KENT_CCGS.map(([id, name, ods]) =>
    org(
      id,
      'ccg',
      name,
      CCG_START,
      [['ods', ods]],
      `Kent CCG, signatory of the 2017-19 plan (000:40-46); ${PUBLIC_RECORD}`,
    ),
  ),
  org(
    'nhs-medway-ccg',
    'ccg',
    'NHS Medway CCG',
    CCG_START,
    [['ods', '09W']],
    `Medway (001:423); ${PUBLIC_RECORD}`,
  ),
  org(
    'nhs-southend-ccg',
    'ccg',
    'NHS Southend CCG',
    CCG_START,
    [['ods', '99G']],
    `Southend (004:35); ${PUBLIC_RECORD}`,
  ),
  org(
    'nhs-east-leicestershire-and-rutland-ccg',
    'ccg',
    'NHS East Leicestershire and Rutland CCG',
    CCG_START,
    [['ods', '03W']],
    `Rutland (003:55); ${PUBLIC_RECORD}`,
  ),
  org(
    'nhs-kent-and-medway-ccg',
    'ccg',
    'NHS Kent and Medway CCG',
    '2020-04-01',
    [['ods', '91Q']],
    `Merger of the eight Kent and Medway CCGs, 1 April 2020; ${PUBLIC_RECORD}`,
  ),
  org(
    'nhs-kent-and-medway-icb',
    'icb',
    'NHS Kent and Medway Integrated Care Board',
    ICB_START,
    [['ods', 'QKS']],
    `Health and Care Act 2022: CCGs abolished 1 July 2022; ${PUBLIC_RECORD}`,
  ),
  org(
    'nhs-mid-and-south-essex-icb',
    'icb',
    'NHS Mid and South Essex Integrated Care Board',
    ICB_START,
    [['ods', 'QH8']],
    `Health and Care Act 2022; ${PUBLIC_RECORD}`,
  ),
  org(
    'nhs-leicester-leicestershire-and-rutland-icb',
    'icb',
    'NHS Leicester, Leicestershire and Rutland Integrated Care Board',
    ICB_START,
    [['ods', 'QK1']],
    `Health and Care Act 2022; ${PUBLIC_RECORD}`,
  ),
  // HWB areas and their members
  {
    kind: 'area',
    command: { areaId: 'kent', name: 'Kent', structure: 'two-tier', establishedOn: HWB_START },
    reason: 'Kent HWB (000)',
  },
  member('kent', 'kent-county-council', 'lead-council', 'Kent HWB lead council (000)'),
  ...KENT_DISTRICTS.map(([id]) => member('kent', id, 'district-council', 'Kent district, brief §2.2')),
  ...KENT_CCGS.map(([id]) => member('kent', id, 'nhs-commissioner', 'Kent CCG, brief §2.2')),
  {
    kind: 'area',
    command: { areaId: 'medway', name: 'Medway', structure: 'unitary', establishedOn: HWB_START },
    reason: 'Medway HWB (001)',
  },
  member('medway', 'medway-council', 'lead-council', 'Medway (001:423)'),
  member('medway', 'nhs-medway-ccg', 'nhs-commissioner', 'Medway (001:423)'),
  {
    kind: 'area',
    command: {
      areaId: 'southend-on-sea',
      name: 'Southend-on-Sea',
      structure: 'unitary',
      establishedOn: HWB_START,
    },
    reason: 'Southend HWB (004)',
  },
  member('southend-on-sea', 'southend-on-sea-borough-council', 'lead-council', 'Southend (004, brief §2.2)'),
  member('southend-on-sea', 'nhs-southend-ccg', 'nhs-commissioner', 'Southend (004, brief §2.2)'),
  {
    kind: 'area',
    command: { areaId: 'rutland', name: 'Rutland', structure: 'unitary', establishedOn: HWB_START },
    reason: 'Rutland HWB (003)',
  },
  member('rutland', 'rutland-county-council', 'lead-council', 'Rutland (003, brief §2.2)'),
  member(
    'rutland',
    'nhs-east-leicestershire-and-rutland-ccg',
    'nhs-commissioner',
    'Rutland (003, brief §2.2)',
  ),
  // Names over time
  {
    kind: 'rename',
    command: {
      organisationId: 'shepway-district-council',
      name: 'Folkestone and Hythe District Council',
      effectiveFrom: '2018-04-01',
    },
    reason: `Shepway renamed Folkestone and Hythe, 1 April 2018; ${PUBLIC_RECORD}`,
  },
  {
    kind: 'rename',
    command: {
      organisationId: 'southend-on-sea-borough-council',
      name: 'Southend-on-Sea City Council',
      effectiveFrom: '2022-03-01',
    },
    reason: `City status, 1 March 2022; ${PUBLIC_RECORD}`,
  },
  // Succession: CCGs → Kent and Medway CCG (2020) → ICB (1 July 2022)
  ...[...KENT_CCGS.map(([id]) => id), 'nhs-medway-ccg'].map((id): FixtureStep => ({
    kind: 'succession',
    command: { organisationId: id, successorId: 'nhs-kent-and-medway-ccg', effectiveOn: '2020-04-01' },
    reason: `Kent and Medway CCG merger; ${PUBLIC_RECORD}`,
  })),
  {
    kind: 'succession',
    command: {
      organisationId: 'nhs-kent-and-medway-ccg',
      successorId: 'nhs-kent-and-medway-icb',
      effectiveOn: ICB_START,
    },
    reason: 'CCGs abolished, duties to ICBs, 1 July 2022 (issue 3)',
  },
  {
    kind: 'succession',
    command: {
      organisationId: 'nhs-southend-ccg',
      successorId: 'nhs-mid-and-south-essex-icb',
      effectiveOn: ICB_START,
    },
    reason: 'CCGs abolished, duties to ICBs, 1 July 2022 (issue 3)',
  },
  {
    kind: 'succession',
    command: {
      organisationId: 'nhs-east-leicestershire-and-rutland-ccg',
      successorId: 'nhs-leicester-leicestershire-and-rutland-icb',
      effectiveOn: ICB_START,
    },
    reason: 'CCGs abolished, duties to ICBs, 1 July 2022 (issue 3)',
  },
  // People (names go to the vault; ids are opaque) and posts
  ...(
    [
      ['p-0001', 'Mr R W Gough'],
      ['p-0002', 'Peter Oakford'],
      ['p-0003', 'Ian Ayres'],
      ['p-0004', 'Ian Stidston'],
      ['p-0005', 'Simon Leftley'],
      ['p-0006', 'Cllr David Brake'],
      ['p-0007', 'Cllr Lesley Salter'],
    ] as const
  ).map(([personId, displayName]): FixtureStep => ({
    kind: 'person',
    command: { personId, displayName },
    reason: 'Named in the seed documents (brief §2.3)',
  })),
  {
    kind: 'post',
    command: {
      postId: 'kent-hwb-chair',
      title: 'Chair, Kent HWB',
      organisationId: 'kent-county-council',
      createdOn: HWB_START,
    },
    reason: 'brief §2.3',
  },
  {
    kind: 'holder',
    command: {
      postId: 'kent-hwb-chair',
      personId: 'p-0001',
      from: '2016-01-27',
      until: '2017-09-11',
      interim: false,
    },
    reason: `Chairman at the HWB of 27 Jan 2016 (002:7). ${SEED_DATES}`,
  },
  {
    kind: 'holder',
    command: {
      postId: 'kent-hwb-chair',
      personId: 'p-0002',
      from: '2017-09-11',
      until: null,
      interim: false,
    },
    reason: `Chairman, signed the plan of 11 Sep 2017 (000:36). ${SEED_DATES}`,
  },
  {
    kind: 'post',
    command: {
      postId: 'west-kent-ccg-accountable-officer',
      title: 'Accountable Officer, NHS West Kent CCG',
      organisationId: 'nhs-west-kent-ccg',
      createdOn: CCG_START,
    },
    reason: 'brief §2.3',
  },
  {
    kind: 'holder',
    command: {
      postId: 'west-kent-ccg-accountable-officer',
      personId: 'p-0003',
      from: '2017-09-11',
      until: null,
      interim: false,
    },
    reason: `Signatory of the Kent plan (000:40-46; extraction reads "lan Ayres"). ${SEED_DATES}`,
  },
  {
    kind: 'post',
    command: {
      postId: 'southend-ccg-accountable-officer',
      title: 'Accountable Officer, NHS Southend CCG',
      organisationId: 'nhs-southend-ccg',
      createdOn: CCG_START,
    },
    reason: 'brief §2.3',
  },
  {
    kind: 'holder',
    command: {
      postId: 'southend-ccg-accountable-officer',
      personId: 'p-0004',
      from: '2017-06-21',
      until: null,
      interim: true,
    },
    reason: `Interim Accountable Officer (004:35). ${SEED_DATES}`,
  },
  {
    kind: 'post',
    command: {
      postId: 'southend-dce-people',
      title: 'Deputy Chief Executive (People), Southend-on-Sea Borough Council',
      organisationId: 'southend-on-sea-borough-council',
      createdOn: HWB_START,
    },
    reason: 'brief §2.3',
  },
  {
    kind: 'holder',
    command: {
      postId: 'southend-dce-people',
      personId: 'p-0005',
      from: '2017-06-21',
      until: null,
      interim: false,
    },
    reason: `Joint report author and delegate (004:35, 004:76). ${SEED_DATES}`,
  },
  {
    kind: 'post',
    command: {
      postId: 'medway-hwb-chair',
      title: 'Chair, Medway HWB',
      organisationId: 'medway-council',
      createdOn: HWB_START,
    },
    reason: 'brief §2.3',
  },
  {
    kind: 'holder',
    command: {
      postId: 'medway-hwb-chair',
      personId: 'p-0006',
      from: '2017-09-12',
      until: null,
      interim: false,
    },
    reason: `Chairman at the HWB of 12 Sep 2017 (001:13). ${SEED_DATES}`,
  },
  {
    kind: 'post',
    command: {
      postId: 'southend-hwb-chair',
      title: 'Chair, Southend-on-Sea HWB',
      organisationId: 'southend-on-sea-borough-council',
      createdOn: HWB_START,
    },
    reason: 'brief §2.3',
  },
  {
    kind: 'holder',
    command: {
      postId: 'southend-hwb-chair',
      personId: 'p-0007',
      from: '2017-06-21',
      until: null,
      interim: false,
    },
    reason: `Chair at the HWB of 21 Jun 2017 (004:864). ${SEED_DATES}`,
  },

  // The Kent HWB of 27 January 2016 (002:7-9, 002:24): members, substitutes, apologies and officers
  ...KENT_HWB_2016_01_27_PEOPLE.map(([personId, displayName]): FixtureStep => ({
    kind: 'person',
    command: { personId, displayName },
    reason: 'Named in the minutes of the Kent HWB, 27 Jan 2016 (002:7-9, 002:24)',
  })),
  {
    kind: 'post',
    command: {
      postId: 'kent-hwb-vice-chair',
      title: 'Vice-Chair, Kent HWB',
      organisationId: 'kent-county-council',
      createdOn: HWB_START,
    },
    reason: 'brief §2.3',
  },
  {
    kind: 'holder',
    command: {
      postId: 'kent-hwb-vice-chair',
      personId: 'p-0104',
      from: '2016-01-27',
      until: null,
      interim: false,
    },
    reason: `Vice-Chairman at the HWB of 27 Jan 2016 (002:7). ${SEED_DATES}`,
  },
  {
    kind: 'post',
    command: {
      postId: 'southend-hwb-vice-chair',
      title: 'Vice-Chair, Southend-on-Sea HWB',
      organisationId: 'southend-on-sea-borough-council',
      createdOn: HWB_START,
    },
    reason: 'A consultee of the 2017 delegations (004:76, 004:2657); the holder is not named in the seeds',
  },
];
