import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AgreementTerms } from '../agreement/s75-agreement';
import { FundEvent, PooledFundState, StatedFigure, evolvePooledFund } from '../ledger/pooled-fund';
import { MoneyMovement, postTransaction } from '../ledger/post-transaction';
import { openYear } from '../ledger/open-close-year';
import { stateFigure } from '../ledger/state-figure';
import { splitPence } from '../shared/split-pence';
import { fundPosition } from './fund-position';
import { measureOverspend } from './overspend';
import { partnerView } from './partner-view';

/** The demo's steps (demo/fund.json): the seeds' agreements and figures for Medway and Rutland. */
interface Step {
  command: string;
  input: {
    agreementId?: string;
    terms?: AgreementTerms;
    poolId?: string;
    year?: string;
    entry?: { kind: string; figure: StatedFigure };
    transaction?: { transactionId: string; movement: MoneyMovement };
  };
}
const steps: Step[] = JSON.parse(readFileSync(join(__dirname, '../../../../demo/fund.json'), 'utf8')).steps;
const termsOf = (agreementId: string) =>
  steps.find((s) => s.command === 'RecordAgreement' && s.input.agreementId === agreementId)!.input.terms!;
const MEDWAY = termsOf('medway-bcf-s75');
const RUTLAND = termsOf('rutland-bcf-pool');
/** Medway's planned expenditure by scheme for 2017-18 (001:402-419), as the demo states it. */
const medwayPlan = steps
  .filter((s) => s.input.poolId === 'medway-bcf' && s.input.year === '2017-18' && s.input.entry)
  .map((s) => s.input.entry!.figure)
  .filter((f) => f.line === 'expenditure');
const plannedPence = (schemeId: string) => medwayPlan.find((f) => f.subject === schemeId)!.amountPence;

const VIEW = { asAt: '2018-03-31', axis: 'effective' as const };
const stamp = (e: FundEvent) => ({ ...e, recordedAt: '2018-04-01T00:00:00Z' });

/** A pool-year built from stated figures and money movements under the given terms (fresh state each call). */
function book(
  poolId: string,
  year: '2016-17' | '2017-18',
  terms: AgreementTerms,
  figures: StatedFigure[],
  movements: MoneyMovement[],
): PooledFundState {
  let state = openYear(undefined, { poolId, year, agreementId: 's75' }, { poolEstablished: true })
    .map(stamp)
    .reduce(evolvePooledFund, undefined as PooledFundState | undefined)!;
  for (const f of figures) state = stateFigure(state, f).map(stamp).reduce(evolvePooledFund, state);
  const facts = { terms, organisationExists: () => true };
  movements.forEach((movement, i) => {
    const command = {
      transactionId: `t${i}`,
      effectiveOn: year === '2017-18' ? '2018-03-31' : '2017-03-31',
      statedBy: { kind: 'decision' as const, reference: 'scenario' },
      correctionOf: null,
      movement,
    };
    state = postTransaction(state, command, facts).map(stamp).reduce(evolvePooledFund, state);
  });
  return state;
}

/**
 * A fresh Medway 2017-18 scenario on the seeds' figures: the £24,531,862 pooled budget committed and received
 * (£3,962,308 iBCF from the council, the rest from the CCG), every scheme spending its plan except scheme 3
 * (Intermediate care, led by the council) overspending by `overPence` and scheme 14 (Community nursing, led in
 * this scenario by the CCG) underspending by `underPence`.
 */
const IBCF = 396_230_800;
const POOLED = 2_453_186_200;
function medway(terms: AgreementTerms, overPence: number, underPence: number, extra: MoneyMovement[] = []) {
  const schedules = terms.schedules.map((s) =>
    s.schemeId === 'medway-scheme-14' ? { ...s, leadPartnerId: 'nhs-medway-ccg' } : s,
  );
  const spend = medwayPlan.map((f) => ({
    kind: 'expenditure' as const,
    schemeId: f.subject,
    amountPence:
      f.amountPence +
      (f.subject === 'medway-scheme-03' ? overPence : 0) -
      (f.subject === 'medway-scheme-14' ? underPence : 0),
  }));
  const money = (partnerId: string, source: string, amountPence: number): MoneyMovement[] => [
    { kind: 'contribution-committed', partnerId, source, amountPence },
    { kind: 'contribution-received', partnerId, source, amountPence },
  ];
  const withSchedules = { ...terms, schedules };
  return {
    terms: withSchedules,
    state: book('medway-bcf', '2017-18', withSchedules, medwayPlan, [
      ...money('medway-council', 'ibcf', IBCF),
      ...money('nhs-medway-ccg', 'minimum', POOLED - IBCF),
      ...spend,
      ...extra,
    ]),
  };
}
const scheme = (position: ReturnType<typeof fundPosition>, id: string) =>
  position.schemes.find((s) => s.schemeId === id)!;

describe("a scheme's overspend is measured against its budget, else its plan, else its cap", () => {
  const schedule = MEDWAY.schedules[2]!;
  it.each([
    ['the budget in the schedule', { budgetPence: 100, capPence: null }, 90, 'budget', 100, 5],
    ['the plan where the schedule gives no budget', { capPence: null }, 90, 'plan', 90, 15],
    ['a cap lower than the plan', { capPence: 80 }, 90, 'cap', 80, 25],
    ['not a cap higher than the budget', { budgetPence: 100, capPence: 120 }, null, 'budget', 100, 5],
    ['the cap alone', { capPence: 100 }, null, 'cap', 100, 5],
  ] as const)('%s', (_, terms, planned, basis, basisPence, overspend) => {
    expect(measureOverspend({ ...schedule, ...terms }, planned, 105)).toEqual({
      overspendBasis: basis,
      overspendBasisPence: basisPence,
      overspendNotMeasured: null,
      overspendPence: overspend,
    });
  });
  it('says why nothing is measured, and spend up to the basis is no overspend', () => {
    expect(measureOverspend({ ...schedule, capPence: null }, null, 105)).toMatchObject({
      overspendBasis: 'none',
      overspendNotMeasured: expect.stringContaining('no budget and no cap'),
      overspendPence: 0,
    });
    expect(measureOverspend(null, 90, 105).overspendNotMeasured).toContain('not in the agreement');
    expect(measureOverspend({ ...schedule, budgetPence: 105 }, null, 105).overspendPence).toBe(0);
  });
});

describe("Medway 2017-18 under its 'incurring-partner' terms (a scenario on the seeds' figures)", () => {
  const OVER = 12_000_000; // £120,000 over scheme 3's plan of £3,955,515
  const UNDER = 20_000_000; // £200,000 under scheme 14's plan of £4,451,764
  const { state, terms } = medway(MEDWAY, OVER, UNDER);
  const position = fundPosition(state, terms, VIEW);

  it("measures scheme 3 against the plan's figure and names the council as its bearer", () => {
    expect(scheme(position, 'medway-scheme-03')).toMatchObject({
      plannedPence: plannedPence('medway-scheme-03'),
      actualPence: plannedPence('medway-scheme-03') + OVER,
      overspendBasis: 'plan',
      overspendBasisPence: 395_551_500,
      overspendPence: OVER,
      borneBy: [{ bearer: 'medway-council', amountPence: OVER }],
    });
    expect(scheme(position, 'medway-scheme-14')).toMatchObject({ overspendPence: 0, borneBy: [] });
  });

  it("carries the overspend outside the pool, not netted against scheme 14's underspend", () => {
    // £50,000 of the pooled budget is unplanned (001:331-419), and scheme 14 spent £200,000 less
    expect(position.underspendPence).toBe(5_000_000 + UNDER);
    expect(position.overspendPence).toBe(0);
    expect(position.riskShare).toMatchObject({
      kind: 'incurring-partner',
      nettedAcrossSchemes: false,
      carriedOutsidePoolPence: OVER,
      bearers: [
        { bearer: 'medway-council', amountPence: OVER, chargedPence: 0, schemes: ['medway-scheme-03'] },
      ],
    });
    expect(position.poolExpenditurePence).toBe(position.expenditurePence - OVER);
    expect(position.incomePence - position.poolExpenditurePence).toBe(position.underspendPence);
  });

  it('charging the overspend keeps the spend, shows the charge apart, and the totals reconcile', () => {
    const charged = fundPosition(
      medway(MEDWAY, OVER, UNDER, [
        { kind: 'overspend-charged', schemeId: 'medway-scheme-03', amountPence: OVER, partnerId: null },
      ]).state,
      terms,
      VIEW,
    );
    expect(scheme(charged, 'medway-scheme-03')).toMatchObject({
      actualPence: scheme(position, 'medway-scheme-03').actualPence,
      chargedPence: OVER,
      netOfChargesPence: plannedPence('medway-scheme-03'),
      overspendPence: OVER,
    });
    expect(charged.expenditurePence).toBe(position.expenditurePence);
    expect(charged.overspendChargedPence).toBe(OVER);
    expect(charged.recoverable).toEqual([{ partnerId: 'medway-council', amountPence: OVER }]);
    expect(charged.riskShare.bearers[0]).toMatchObject({ chargedPence: OVER, notYetChargedPence: 0 });
    expect(charged.underspendPence).toBe(position.underspendPence);
    expect(charged.schemes.reduce((sum, s) => sum + s.netOfChargesPence, 0)).toBe(
      charged.expenditurePence - charged.overspendChargedPence,
    );
    expect(charged.sumOfAllBalancesPence).toBe(0);
  });

  it('gives each partner its own overspend and shares only the pooled spend by contribution', () => {
    const council = partnerView(position, 'medway-council');
    const ccg = partnerView(position, 'nhs-medway-ccg');
    expect(council.overspendBornePence).toBe(OVER);
    expect(ccg.overspendBornePence).toBe(0);
    expect(council.shareOfPooledExpenditurePence + ccg.shareOfPooledExpenditurePence).toBe(
      position.expenditurePence - OVER,
    );
    expect(council.shareOfExpenditurePence + ccg.shareOfExpenditurePence).toBe(position.expenditurePence);
    const weights = [
      { key: 'medway-council', weight: IBCF },
      { key: 'nhs-medway-ccg', weight: POOLED - IBCF },
    ];
    expect(council.shareOfExpenditurePence).toBe(
      splitPence(position.expenditurePence - OVER, weights).get('medway-council')! + OVER,
    );
    // pro rata, the council would carry only its iBCF share (16.15%) of its own overspend
    expect(splitPence(position.expenditurePence, weights).get('medway-council')).toBeLessThan(
      council.shareOfExpenditurePence - 10_000_000,
    );
  });
});

describe("an overspend of the pool that no scheme's budget accounts for, under 'incurring-partner' terms", () => {
  it('names no bearer, says why, and leaves it in the pool', () => {
    // only the council's iBCF (£3,962,308) is committed, and every scheme spends exactly its plan
    const state = book('medway-bcf', '2017-18', MEDWAY, medwayPlan, [
      { kind: 'contribution-committed', partnerId: 'medway-council', source: 'ibcf', amountPence: IBCF },
      ...medwayPlan.map((f) => ({
        kind: 'expenditure' as const,
        schemeId: f.subject,
        amountPence: f.amountPence,
      })),
    ]);
    const position = fundPosition(state, MEDWAY, VIEW);
    const short = 2_448_186_200 - IBCF; // £24,481,862 planned spend less the iBCF
    expect(position.schemes.every((s) => s.overspendPence === 0)).toBe(true);
    expect(position.overspendPence).toBe(short);
    expect(position.riskShare).toMatchObject({
      carriedOutsidePoolPence: 0,
      bearers: [{ bearer: null, amountPence: short, schemes: [], why: expect.stringContaining('no bearer') }],
    });
    expect(partnerView(position, 'medway-council').overspendBornePence).toBe(0);
  });
});

describe('Medway 2017-18 under a percentage split (a fresh scenario: CCG 60%, council 40%)', () => {
  const SPLIT: AgreementTerms = {
    ...MEDWAY,
    riskShare: {
      kind: 'percentage-split',
      shares: [
        { partnerId: 'nhs-medway-ccg', basisPoints: 6_000 },
        { partnerId: 'medway-council', basisPoints: 4_000 },
      ],
    },
  };
  const OVER = 30_000_001; // £300,000.01 over scheme 3's plan
  const { state, terms } = medway(SPLIT, OVER, 0);
  const position = fundPosition(state, terms, VIEW);

  it('nets the pool and splits its overspend by the agreed shares, to the penny', () => {
    const net = OVER - 5_000_000; // less the £50,000 unplanned
    expect(position.overspendPence).toBe(net);
    expect(position.riskShare).toMatchObject({
      kind: 'percentage-split',
      nettedAcrossSchemes: true,
      carriedOutsidePoolPence: 0,
      bearers: [
        { bearer: 'nhs-medway-ccg', amountPence: 15_000_001 },
        { bearer: 'medway-council', amountPence: 10_000_000 },
      ],
    });
    expect(position.riskShare.bearers.reduce((sum, b) => sum + b.amountPence, 0)).toBe(net);
    expect(scheme(position, 'medway-scheme-03').borneBy).toEqual([
      { bearer: 'nhs-medway-ccg', amountPence: 18_000_001 },
      { bearer: 'medway-council', amountPence: 12_000_000 },
    ]);
  });

  it("shares the partners' expenditure by the agreed shares of the overspend", () => {
    const council = partnerView(position, 'medway-council');
    const ccg = partnerView(position, 'nhs-medway-ccg');
    expect([council.overspendBornePence, ccg.overspendBornePence]).toEqual([10_000_000, 15_000_001]);
    expect(council.shareOfExpenditurePence + ccg.shareOfExpenditurePence).toBe(position.expenditurePence);
  });

  it('the same spend under incurring-partner terms is not netted', () => {
    const incurring = medway(MEDWAY, OVER, 0);
    const p = fundPosition(incurring.state, incurring.terms, VIEW);
    expect([p.underspendPence, p.overspendPence, p.riskShare.carriedOutsidePoolPence]).toEqual([
      5_000_000,
      0,
      OVER,
    ]);
  });
});

describe('Rutland 2016-17 under its £101k risk-share fund (003:62-65, a fresh overspend)', () => {
  const seeded = steps
    .filter((s) => s.input.poolId === 'rutland-bcf' && s.input.transaction)
    .map((s) => s.input.transaction!.movement);
  // £2.061m + £186k committed and £317k brought forward: £2,564,000 in all
  const rutland = (programmePence: number) =>
    fundPosition(
      book(
        'rutland-bcf',
        '2016-17',
        RUTLAND,
        [],
        [
          ...seeded,
          { kind: 'expenditure', schemeId: 'rutland-one-off-projects', amountPence: 25_000_000 },
          { kind: 'expenditure', schemeId: 'rutland-dfg-capital', amountPence: 18_600_000 },
          { kind: 'expenditure', schemeId: 'rutland-bcf-programme', amountPence: programmePence },
        ],
      ),
      RUTLAND,
      { asAt: '2017-03-31', axis: 'effective' },
    );

  it('measures the one-off projects against their £200k cap, met from the fund; the programme has no basis', () => {
    const p = rutland(200_000_000);
    expect(scheme(p, 'rutland-one-off-projects')).toMatchObject({
      overspendBasis: 'cap',
      overspendPence: 5_000_000,
      borneBy: [{ bearer: 'risk-share-fund', amountPence: 5_000_000 }],
    });
    expect(scheme(p, 'rutland-bcf-programme')).toMatchObject({
      overspendBasis: 'none',
      overspendNotMeasured: expect.any(String),
    });
    expect(p.riskShare.nettedAcrossSchemes).toBe(true);
    expect(p.underspendPence).toBe(256_400_000 - 200_000_000 - 25_000_000 - 18_600_000);
    expect(p.riskShare.bearers).toEqual([]);
  });

  it('meets a pool overspend from the fund up to £101k and names no bearer beyond it', () => {
    expect(rutland(220_000_000).riskShare.bearers).toEqual([
      expect.objectContaining({ bearer: 'risk-share-fund', amountPence: 7_200_000 }),
    ]);
    expect(rutland(230_000_000).riskShare.bearers).toEqual([
      expect.objectContaining({ bearer: 'risk-share-fund', amountPence: 10_100_000 }),
      expect.objectContaining({
        bearer: null,
        amountPence: 7_100_000,
        why: expect.stringContaining('beyond'),
      }),
    ]);
  });
});
