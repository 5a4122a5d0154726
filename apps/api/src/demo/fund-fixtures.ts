import { FinancialYear, Quarter, quarterEnd } from '@bcl/kernel';
import { AgreementTerms, PostTransaction, StatedBy, StatedFigure } from '@bcl/domain-fund';
import { KENT_CCGS } from './registry-fixtures';

/**
 * Section 75 agreements and pooled-fund ledgers from the brief's data (§5.1, §5.5, §5.6, §5.7): Southend-on-Sea
 * 2016-17 quarter by quarter, Rutland 2016-17, Kent's DFG passed down to its twelve districts in 2017-18, and
 * Medway's planned expenditure against its pooled budget for 2017-18 and 2018-19. Where the seeds are silent
 * (which partner hosts a pool, how the income splits between partners, the dates money moved) each step's
 * `reason` says what stands in.
 */
export type FundFixtureStep =
  | {
      kind: 'agreement';
      command: {
        agreementId: string;
        areaId: string;
        variationId: string;
        effectiveOn: string;
        terms: AgreementTerms;
      };
      reason: string;
    }
  | { kind: 'open'; command: { poolId: string; year: FinancialYear; agreementId: string }; reason: string }
  | { kind: 'transaction'; poolId: string; year: FinancialYear; command: PostTransaction; reason: string }
  | { kind: 'figure'; poolId: string; year: FinancialYear; command: StatedFigure; reason: string };

const UNSPLIT =
  'The seeds state the pool income, not each partner\'s share: it is recorded against the host partner with source "unsplit"';
const NO_HOST = 'The seeds do not name the host partner; the council stands in';

const terms = (
  parties: string[],
  poolId: string,
  poolName: string,
  extra: Partial<AgreementTerms>,
  from: string,
): AgreementTerms => ({
  parties,
  hostPartnerId: parties[0]!,
  pooledFundManagerPostId: null,
  pools: [{ poolId, name: poolName }],
  schedules: [],
  contributionRules: [],
  riskShare: { kind: 'incurring-partner' },
  underspend: 'carry-forward',
  term: { from, until: null },
  ...extra,
});

const movement = (
  poolId: string,
  year: FinancialYear,
  transactionId: string,
  effectiveOn: string,
  statedBy: StatedBy,
  move: PostTransaction['movement'],
  reason: string,
): FundFixtureStep => ({
  kind: 'transaction',
  poolId,
  year,
  command: { transactionId, effectiveOn, statedBy, correctionOf: null, movement: move },
  reason,
});

const figure = (
  poolId: string,
  year: FinancialYear,
  figureId: string,
  fields: Omit<StatedFigure, 'figureId' | 'composedOf'> & { composedOf?: string[] },
  reason: string,
): FundFixtureStep => ({
  kind: 'figure',
  poolId,
  year,
  command: { figureId, composedOf: null, ...fields },
  reason,
});

// Southend-on-Sea 2016-17: £13,131,049 pooled; £3,282,763 in Q1 and £3,282,762 in each later quarter (004:1011-2424)
const SOUTHEND = 'southend-bcf';
const SOUTHEND_QUARTERS: [Quarter, number][] = [
  [1, 328_276_300],
  [2, 328_276_200],
  [3, 328_276_200],
  [4, 328_276_200],
];
const Q4_RETURN: StatedBy = {
  kind: 'quarterly-return',
  reference: 'Q4 2016/17 return, Southend-on-Sea (004:2375-2424)',
};
const quarterReturn = (q: Quarter): StatedBy => ({
  kind: 'quarterly-return',
  reference: `Q${q} 2016/17 return, Southend-on-Sea (${['004:1011-1047', '004:1605-1660', '004:1991-2046', '004:2375-2424'][q - 1]})`,
});

const southend: FundFixtureStep[] = [
  {
    kind: 'agreement',
    command: {
      agreementId: 'southend-bcf-s75',
      areaId: 'southend-on-sea',
      variationId: 'southend-bcf-s75-2016',
      effectiveOn: '2016-04-01',
      terms: terms(
        ['southend-on-sea-borough-council', 'nhs-southend-ccg'],
        SOUTHEND,
        'Southend BCF pooled budget',
        {
          schedules: [
            {
              schemeId: 'southend-bcf-schemes',
              poolId: SOUTHEND,
              name: 'BCF schemes 2016-17 (the return reports expenditure for the pool, not by scheme)',
              element: 'bcf',
              leadPartnerId: 'southend-on-sea-borough-council',
              capPence: 1_313_104_900,
            },
          ],
        },
        '2016-04-01',
      ),
    },
    reason: `"The BCF for 2016/17 was established between SCCG and SBC from 1 April 2016" under a Section 75 agreement (004:81). ${NO_HOST}`,
  },
  {
    kind: 'open',
    command: { poolId: SOUTHEND, year: '2016-17', agreementId: 'southend-bcf-s75' },
    reason: 'The 2016-17 pooled budget (004:81)',
  },
  figure(
    SOUTHEND,
    '2016-17',
    'southend-pooled-fund',
    {
      basis: 'plan',
      line: 'pooled-fund',
      subject: 'pool',
      quarter: null,
      amountPence: 1_313_104_900,
      statedBy: Q4_RETURN,
    },
    '"Total BCF pooled budget for 2016-17 (Rounded)"',
  ),
  ...(['plan', 'forecast'] as const).flatMap((basis) =>
    (['income', 'expenditure'] as const).flatMap((line) => [
      ...SOUTHEND_QUARTERS.map(([q, pence]) =>
        figure(
          SOUTHEND,
          '2016-17',
          `southend-${basis}-${line}-q${q}`,
          { basis, line, subject: 'pool', quarter: q, amountPence: pence, statedBy: Q4_RETURN },
          `${basis} ${line}, Q${q}, as the Q4 return states it (unchanged since Q1)`,
        ),
      ),
      figure(
        SOUTHEND,
        '2016-17',
        `southend-${basis}-${line}-year`,
        { basis, line, subject: 'pool', quarter: null, amountPence: 1_313_104_900, statedBy: Q4_RETURN },
        `${basis} ${line}, annual total`,
      ),
    ]),
  ),
  ...SOUTHEND_QUARTERS.flatMap(([q, pence]): FundFixtureStep[] => {
    const on = quarterEnd('2016-17', q);
    const stated = quarterReturn(q);
    return [
      movement(
        SOUTHEND,
        '2016-17',
        `southend-q${q}-committed`,
        on,
        stated,
        {
          kind: 'contribution-committed',
          partnerId: 'southend-on-sea-borough-council',
          source: 'unsplit',
          amountPence: pence,
        },
        `Q${q} actual income. ${UNSPLIT}; the quarter's last day stands in for the dates`,
      ),
      movement(
        SOUTHEND,
        '2016-17',
        `southend-q${q}-received`,
        on,
        stated,
        {
          kind: 'contribution-received',
          partnerId: 'southend-on-sea-borough-council',
          source: 'unsplit',
          amountPence: pence,
        },
        `Q${q} actual income received`,
      ),
      movement(
        SOUTHEND,
        '2016-17',
        `southend-q${q}-spent`,
        on,
        stated,
        { kind: 'expenditure', schemeId: 'southend-bcf-schemes', amountPence: pence },
        `Q${q} actual expenditure`,
      ),
      ...(['income', 'expenditure'] as const).map((line) =>
        figure(
          SOUTHEND,
          '2016-17',
          `southend-actual-${line}-q${q}`,
          { basis: 'actual', line, subject: 'pool', quarter: q, amountPence: pence, statedBy: stated },
          `Q${q} actual ${line}, first stated in the Q${q} return`,
        ),
      ),
    ];
  }),
  ...(['income', 'expenditure'] as const).map((line) =>
    figure(
      SOUTHEND,
      '2016-17',
      `southend-actual-${line}-year`,
      {
        basis: 'actual',
        line,
        subject: 'pool',
        quarter: null,
        amountPence: 1_313_104_900,
        statedBy: Q4_RETURN,
      },
      `"Annual Total £13,131,049" (Q4 return)`,
    ),
  ),
];

// Rutland 2016-17 (003:62-65): £2.061m minimum pool, £317k carried forward (£200k one-off projects, £117k
// contingency), £186k DFG capital, a £101k risk-share fund; "programme value excluding contingency" £2.447m
const RUTLAND = 'rutland-bcf';
const RUTLAND_REPORT: StatedBy = {
  kind: 'decision',
  reference: 'Report to Rutland HWB on the BCF 2016-17 (003:62-65)',
};
const rutland: FundFixtureStep[] = [
  {
    kind: 'agreement',
    command: {
      agreementId: 'rutland-bcf-pool',
      areaId: 'rutland',
      variationId: 'rutland-bcf-pool-2016',
      effectiveOn: '2016-04-01',
      terms: terms(
        ['rutland-county-council', 'nhs-east-leicestershire-and-rutland-ccg'],
        RUTLAND,
        'Rutland minimum pooled fund',
        {
          schedules: [
            {
              schemeId: 'rutland-bcf-programme',
              poolId: RUTLAND,
              name: 'BCF programme 2016-17',
              element: 'bcf',
              leadPartnerId: 'rutland-county-council',
              capPence: null,
            },
            {
              schemeId: 'rutland-one-off-projects',
              poolId: RUTLAND,
              name: 'One-off projects (carried forward)',
              element: 'bcf',
              leadPartnerId: 'rutland-county-council',
              capPence: 20_000_000,
            },
            {
              schemeId: 'rutland-dfg-capital',
              poolId: RUTLAND,
              name: 'DFG capital',
              element: 'dfg',
              leadPartnerId: 'rutland-county-council',
              capPence: 18_600_000,
            },
          ],
          riskShare: { kind: 'risk-share-fund', fundPence: 10_100_000 },
          underspend: 'ring-fence',
        },
        '2016-04-01',
      ),
    },
    reason: `"a minimum pooled fund between RCC and ELRCCG" (003:62); the seeds name no S75 (brief §3.5). ${NO_HOST}`,
  },
  {
    kind: 'open',
    command: { poolId: RUTLAND, year: '2016-17', agreementId: 'rutland-bcf-pool' },
    reason: 'The 2016-17 pool (003:62)',
  },
  movement(
    RUTLAND,
    '2016-17',
    'rutland-carried-forward',
    '2016-04-01',
    RUTLAND_REPORT,
    {
      kind: 'carried-forward-in',
      fromYear: '2015-16',
      parts: [
        { purpose: 'one-off-projects', amountPence: 20_000_000 },
        { purpose: 'contingency', amountPence: 11_700_000 },
      ],
    },
    '£317k carried forward from 2015-16: £200k one-off projects, £117k contingency (003:62)',
  ),
  movement(
    RUTLAND,
    '2016-17',
    'rutland-minimum-pool',
    '2016-04-01',
    RUTLAND_REPORT,
    {
      kind: 'contribution-committed',
      partnerId: 'rutland-county-council',
      source: 'unsplit',
      amountPence: 206_100_000,
    },
    `The £2.061m minimum pooled fund (003:62). ${UNSPLIT}`,
  ),
  movement(
    RUTLAND,
    '2016-17',
    'rutland-dfg-capital',
    '2016-04-01',
    RUTLAND_REPORT,
    {
      kind: 'contribution-committed',
      partnerId: 'rutland-county-council',
      source: 'dfg',
      amountPence: 18_600_000,
    },
    '"RCC capital fund for DFG" £186k (003:62)',
  ),
  movement(
    RUTLAND,
    '2016-17',
    'rutland-risk-share-fund',
    '2016-04-01',
    RUTLAND_REPORT,
    { kind: 'reserve-set-aside', reserve: 'risk-share', amountPence: 10_100_000 },
    'A £101k risk-sharing fund against emergency admission rates, "not been required" in Q1-Q3 (003:63)',
  ),
  ...(
    [
      [
        'rutland-minimum-pooled-fund',
        206_100_000,
        ['income/rutland-county-council/unsplit'],
        'minimum pooled fund',
      ],
      ['rutland-carry-forward', 31_700_000, ['brought-forward/'], 'carry forward from 2015-16'],
      [
        'rutland-programme-value-excluding-contingency',
        244_700_000,
        ['income/', 'brought-forward/one-off-projects'],
        '"Excluding the contingency fund, the value of the programme in 2016-17 was £2.447m"',
      ],
      ['rutland-risk-sharing-fund', 10_100_000, ['budget/reserve/risk-share'], 'risk-sharing fund'],
    ] as const
  ).map(([id, pence, composedOf, what]) =>
    figure(
      RUTLAND,
      '2016-17',
      id,
      {
        basis: 'plan',
        line: 'total',
        subject: id,
        quarter: null,
        amountPence: pence,
        statedBy: RUTLAND_REPORT,
        composedOf: [...composedOf],
      },
      `Stated: ${what} (003:62-63)`,
    ),
  ),
];

// Kent 2017-18: the county's DFG (£14,387,024) passed down to the twelve districts (their shares total £14,387,026)
const KENT = 'kent-bcf';
const KENT_PLAN: StatedBy = {
  kind: 'plan',
  reference: 'Kent BCF plan 2017-19, funding contributions (000:302-359)',
};
const KENT_DISTRICT_DFG: [string, number][] = [
  ['ashford-borough-council', 77_530_400],
  ['canterbury-city-council', 101_772_700],
  ['dartford-borough-council', 51_362_700],
  ['dover-district-council', 111_313_300],
  ['gravesham-borough-council', 88_269_100],
  ['maidstone-borough-council', 113_134_800],
  ['sevenoaks-district-council', 97_675_700],
  ['shepway-district-council', 113_888_200],
  ['swale-borough-council', 218_218_500],
  ['thanet-district-council', 256_868_600],
  ['tonbridge-and-malling-borough-council', 100_723_500],
  ['tunbridge-wells-borough-council', 107_945_100],
];
const kent: FundFixtureStep[] = [
  {
    kind: 'agreement',
    command: {
      agreementId: 'kent-bcf-s75',
      areaId: 'kent',
      variationId: 'kent-bcf-s75-2017',
      effectiveOn: '2017-04-01',
      terms: terms(
        ['kent-county-council', ...KENT_CCGS.map(([id]) => id)],
        KENT,
        'Kent BCF pooled budget',
        {},
        '2017-04-01',
      ),
    },
    reason:
      '"Each health economy via the existing BCF Section 75 agreement…" (000:363); overspends at the risk of the partner that incurs them (000:230). Its date and host are not in the seeds',
  },
  {
    kind: 'open',
    command: { poolId: KENT, year: '2017-18', agreementId: 'kent-bcf-s75' },
    reason: 'The 2017-18 pooled budget (000:302-359)',
  },
  movement(
    KENT,
    '2017-18',
    'kent-dfg-committed',
    '2017-04-01',
    KENT_PLAN,
    {
      kind: 'contribution-committed',
      partnerId: 'kent-county-council',
      source: 'dfg',
      amountPence: 1_438_702_400,
    },
    'The DFG as the county states it (000:302-359); 1 April stands in for the date',
  ),
  movement(
    KENT,
    '2017-18',
    'kent-dfg-received',
    '2017-04-01',
    KENT_PLAN,
    {
      kind: 'contribution-received',
      partnerId: 'kent-county-council',
      source: 'dfg',
      amountPence: 1_438_702_400,
    },
    'DFG received into the pool',
  ),
  ...KENT_DISTRICT_DFG.map(([districtId, pence]) =>
    movement(
      KENT,
      '2017-18',
      `kent-dfg-${districtId}`,
      '2017-04-01',
      KENT_PLAN,
      { kind: 'dfg-pass-down', districtId, amountPence: pence },
      "The district's DFG as the plan states it, passed down in full (brief F13)",
    ),
  ),
];

// Medway 2017-18 and 2018-19: planned expenditure by scheme against the pooled budget (001:331-333, 001:402-419)
const MEDWAY = 'medway-bcf';
const MEDWAY_PLAN: StatedBy = {
  kind: 'plan',
  reference: 'Medway BCF plan 2017-19, expenditure plan (001:402-419)',
};
const MEDWAY_SCHEMES: [name: string, y1718: number, y1819: number][] = [
  ['Joint commissioning infrastructure / programme support', 835_000, 835_000],
  ['Telecare', 80_000, 80_000],
  ['Intermediate care and reablement service', 3_955_515, 3_955_515],
  ['Carers support services', 879_335, 879_335],
  ['Dementia services', 202_032, 202_032],
  ['Maintaining social care & managing demand including community paramedic scheme', 3_562_815, 3_732_815],
  ['Care home support', 550_930, 550_930],
  ['Care Navigator Scheme', 224_886, 224_886],
  ['Facilitating hospital discharge including new community discharge process', 1_635_114, 1_835_465],
  ['Medway Integrated Equipment Service', 2_200_000, 2_200_000],
  ['Disabled facilities grant', 1_854_496, 2_017_933],
  ['Transforming care programme', 387_350, 387_350],
  [
    'Stabilising the care market, including care home placements, extra care, and fair cost of care fee uplifts',
    1_808_129,
    2_997_383,
  ],
  ['Community nursing', 4_451_764, 4_451_764],
  ['Spend currently being finalised', 1_854_496, 2_017_933],
];
const medwayScheme = (index: number) => `medway-scheme-${String(index + 1).padStart(2, '0')}`;
const medway: FundFixtureStep[] = [
  {
    kind: 'agreement',
    command: {
      agreementId: 'medway-bcf-s75',
      areaId: 'medway',
      variationId: 'medway-bcf-s75-2017',
      effectiveOn: '2017-04-01',
      terms: terms(
        ['medway-council', 'nhs-medway-ccg'],
        MEDWAY,
        'Medway BCF pooled budget (including the iBCF)',
        {
          schedules: MEDWAY_SCHEMES.map(([name], i) => ({
            schemeId: medwayScheme(i),
            poolId: MEDWAY,
            name,
            element: i === 10 ? 'dfg' : i === 11 ? 'transforming-care' : 'bcf',
            leadPartnerId: 'medway-council',
            capPence: null,
          })),
        },
        '2017-04-01',
      ),
    },
    reason:
      '"A pooled budget … is administered in accordance with a Section 75 agreement between the CCG and the Council" (001:398), with iBCF and Transforming Care schedules (001:104, 001:333). Its date and host are not in the seeds',
  },
  ...(['2017-18', '2018-19'] as const).flatMap((year, y): FundFixtureStep[] => [
    {
      kind: 'open',
      command: { poolId: MEDWAY, year, agreementId: 'medway-bcf-s75' },
      reason: `The ${year} pooled budget (001:331)`,
    },
    figure(
      MEDWAY,
      year,
      `medway-pooled-${year}`,
      {
        basis: 'plan',
        line: 'pooled-fund',
        subject: 'pool',
        quarter: null,
        amountPence: [2_453_186_200, 2_636_834_100][y]!,
        statedBy: {
          kind: 'plan',
          reference: 'Medway BCF plan 2017-19, proposed pooled BCF budget (001:331-333)',
        },
      },
      'Overall BCF fund / proposed pooled budget (stated)',
    ),
    ...MEDWAY_SCHEMES.map(([, a, b], i) =>
      figure(
        MEDWAY,
        year,
        `medway-plan-${medwayScheme(i)}-${year}`,
        {
          basis: 'plan',
          line: 'expenditure',
          subject: medwayScheme(i),
          quarter: null,
          amountPence: (y === 0 ? a : b) * 100,
          statedBy: MEDWAY_PLAN,
        },
        `Scheme ${i + 1}, ${year}`,
      ),
    ),
  ]),
];

export const FUND_FIXTURES: FundFixtureStep[] = [...southend, ...rutland, ...kent, ...medway];
