import { PlanOfCycle, checkPlan, recordPlanDocument } from './index';
import { AREA, REFERENCE, base, checksOf, find, fold, spending } from './plan-rules.fixtures';

const byYears = (key: string, y17: number | undefined, y18: number | undefined, source = 'nhs-minimum') => ({
  key,
  source,
  contributorId: 'ccg-a',
  amountsPence: {
    ...(y17 === undefined ? {} : { '2017-18': y17 }),
    ...(y18 === undefined ? {} : { '2018-19': y18 }),
  },
});
const stated = (table: string, year: string, value: number) => ({
  key: `${table}/${year}`,
  table,
  year,
  value,
  source: 'test',
});

describe("each contributor's required uplift between years, where the reference data sets one (U1)", () => {
  const u1 = (y17: number | undefined, y18: number | undefined, source = 'nhs-minimum') =>
    find(
      { contributions: [byYears(`${source}/ccg-a`, y17, y18, source)] },
      `U1:required-uplift:${source}/ccg-a:2017-18..2018-19`,
    )!;

  it('passes at exactly 1.9% more, rounded up to the penny, and above it', () => {
    // £100,000.00 × 1.019 = £101,900.00
    expect([u1(100_000_00, 101_900_00).severity, u1(100_000_00, 101_900_00).outcome]).toEqual([
      'information',
      'pass',
    ]);
    // £7,324,821 × 1.019 = £7,463,992.5999: "at least" means £7,463,992.60
    expect(u1(7_324_821_00, 7_463_992_60).outcome).toBe('pass');
    expect(u1(7_324_821_00, 7_463_992_59).outcome).toBe('rounding');
  });

  it('is rounding when short by at most £2, and blocks (the reference sets blocking) when short by more', () => {
    expect(u1(100_000_00, 101_898_00)).toMatchObject({ severity: 'information', outcome: 'rounding' });
    const short = u1(100_000_00, 101_897_99);
    expect([short.severity, short.outcome, short.figures?.difference]).toEqual([
      'blocking',
      'fail',
      '-£2.01',
    ]);
    expect(short.message).toContain('required at least £101,900 (£100,000 + 1.9%)');
    expect(short.source).toBe(
      'docs/plan-format.md#the-checks U1; contributionUplifts (nhs-minimum 2017-18 to 2018-19) of libs/domain-plans/reference/bcf-2017-19.json',
    );
  });

  it('says it cannot check where a year is missing, and where the reference sets no uplift for the source', () => {
    const missing = u1(100_000_00, undefined);
    expect([missing.severity, missing.outcome]).toEqual(['warning', 'not-checkable']);
    expect(missing.message).toContain("missing: contributions 'nhs-minimum/ccg-a' amountsPence.2018-19");
    const none = u1(100_00, 50, 'ibcf');
    expect([none.severity, none.outcome]).toEqual(['information', 'not-checkable']);
    expect(none.message).toContain('sets no required uplift for ibcf contributions from 2017-18 to 2018-19');
  });
});

describe('the year-on-year movement of a stated total against the movement of its lines (Y1)', () => {
  const y1 = (y17: number, y18: number, s17: number, s18: number) =>
    find(
      {
        contributions: [byYears('nhs-minimum/ccg-a', y17, y18)],
        statedTotals: [stated('pooled-budget', '2017-18', s17), stated('pooled-budget', '2018-19', s18)],
      },
      'Y1:pooled-budget:2017-18..2018-19',
    )!;

  it('agrees when both move alike, and is rounding within twice the £2 tolerance (each year may round)', () => {
    expect(y1(100_00, 150_00, 100_00, 150_00)).toMatchObject({ severity: 'information', outcome: 'pass' });
    expect(y1(100_00, 150_00, 102_00, 148_00)).toMatchObject({
      severity: 'information',
      outcome: 'rounding',
    });
  });

  it('warns, naming both movements in pence, when they disagree by more', () => {
    const result = y1(100_00, 150_00, 102_00, 147_99);
    expect([result.severity, result.outcome]).toEqual(['warning', 'fail']);
    expect(result.message).toBe(
      'pooled-budget 2017-18 to 2018-19: stated movement +4599p, movement of its lines +5000p (they disagree)',
    );
    expect(result.figures).toEqual({ stated: '+4599p', computed: '+5000p', difference: '-401p' });
  });

  it("says what is missing: the other year's stated total, or the lines of a year", () => {
    const oneYear = find(
      {
        contributions: [byYears('nhs-minimum/ccg-a', 100_00, 150_00)],
        statedTotals: [stated('pooled-budget', '2017-18', 100_00)],
      },
      'Y1:pooled-budget:2017-18..2018-19',
    )!;
    expect([oneYear.severity, oneYear.outcome]).toEqual(['warning', 'not-checkable']);
    expect(oneYear.message).toContain('missing: a stated pooled-budget total for 2018-19');
    const noLines = find(
      {
        contributions: [byYears('nhs-minimum/ccg-a', 100_00, undefined)],
        statedTotals: [stated('nhs-minimum', '2017-18', 100_00), stated('nhs-minimum', '2018-19', 150_00)],
      },
      'Y1:nhs-minimum:2017-18..2018-19',
    )!;
    expect(noLines.outcome).toBe('not-checkable');
    expect(noLines.message).toContain('missing: nhs-minimum contributions for 2018-19');
  });
});

describe('a stated total whose parts are stated subtotals and lines is checked against both (S6)', () => {
  const content = (subtotal: number) => ({
    contributions: [
      byYears('nhs-minimum/ccg-a', 100_00, undefined),
      byYears('ibcf/ccg-a', 50_00, undefined, 'ibcf'),
    ],
    statedTotals: [stated('pooled-budget', '2017-18', 160_00), stated('nhs-minimum', '2017-18', subtotal)],
  });

  it('shows the result against the stated subtotals beside the result against the lines', () => {
    // lines: £100 + £50 = £150 (a £10 discrepancy); subtotals: £110 stated + £50 of iBCF lines = £160 (agrees)
    expect(find(content(110_00), 'S6:pooled-budget:2017-18')).toMatchObject({
      outcome: 'fail',
      severity: 'warning',
    });
    const both = find(content(110_00), 'S6:pooled-budget:2017-18:subtotals')!;
    expect([both.severity, both.outcome]).toEqual(['information', 'pass']);
    expect(both.message).toBe(
      '2017-18 pooled-budget: stated £160; from the stated subtotals (nhs-minimum) £160 (agrees); from the lines £150 (discrepancy)',
    );
    expect(find(content(107_99), 'S6:pooled-budget:2017-18:subtotals')).toMatchObject({
      outcome: 'fail',
      severity: 'warning',
    });
  });

  it('keeps the lines of a source without a stated-subtotal table (carry-forward) in the figure from the subtotals', () => {
    const { contributions, statedTotals } = content(110_00);
    const carried = { ...byYears('carry-forward/ccg-a', 5_00, undefined, 'carry-forward') };
    const result = find(
      { contributions: [...contributions, carried], statedTotals },
      'S6:pooled-budget:2017-18:subtotals',
    )!;
    // £110 stated + £50 iBCF lines + £5 carried forward = £165, against £160 stated: a £5 discrepancy
    expect([result.outcome, result.figures?.computed, result.figures?.difference]).toEqual([
      'fail',
      '£165',
      '-£5',
    ]);
  });

  it('adds nothing where no part of the total is a stated subtotal, or the subtotals agree with their lines', () => {
    expect(find(content(100_00), 'S6:pooled-budget:2017-18:subtotals')).toBeUndefined();
    const { statedTotals, ...rest } = content(0);
    expect(
      find({ ...rest, statedTotals: [statedTotals[0]] }, 'S6:pooled-budget:2017-18:subtotals'),
    ).toBeUndefined();
  });
});

describe('one plan per area and cycle unless a variant is declared (V1)', () => {
  const planOf = (content: object, planId = base.planId) =>
    fold(recordPlanDocument(undefined, { ...base, planId, content }, REFERENCE, AREA));
  const v1 = (content: object, plansOfCycle?: PlanOfCycle[]) =>
    checkPlan(planOf(content), REFERENCE, { ...AREA, plansOfCycle }).filter((c) => c.rule === 'V1');
  const kent = { planId: 'kent-2017-19', variantOf: null };
  const other = { planId: 'kent-2017-19-b', variantOf: null };

  it('blocks when another plan of the area and cycle is recorded and neither declares a variant', () => {
    expect(v1({}, [kent])).toEqual([]);
    const clash = v1({}, [kent, other]);
    expect(clash.map((c) => [c.severity, c.outcome])).toEqual([['blocking', 'fail']]);
    expect(clash[0]!.message).toContain("'kent-2017-19-b' is also recorded for kent 2017-19");
  });

  it('lets a declared variant stand, and the plan it is a variant of', () => {
    expect(v1({}, [kent, { planId: 'kent-2017-19-b', variantOf: 'kent-2017-19' }])).toEqual([]);
    const variant = { variant: [{ key: 'variant', of: 'kent-2017-19-b', why: 'a revised submission' }] };
    expect(v1(variant, [kent, other])).toEqual([]);
    expect(v1(variant, [kent]).map((c) => [c.severity, c.outcome])).toEqual([['information', 'fail']]);
  });

  it('says the other plans were not consulted when the caller gives none (a write decision)', () => {
    expect(v1({}).map((c) => [c.severity, c.outcome])).toEqual([['information', 'not-checkable']]);
  });

  it('refuses a variant of the plan itself, or with no reason, or two declarations', () => {
    const refused = (variant: object[]) => () => planOf({ variant });
    expect(refused([{ key: 'v', of: base.planId, why: 'x' }])).toThrow('must name another plan');
    expect(refused([{ key: 'v', of: 'other', why: ' ' }])).toThrow('must say why');
    expect(
      refused([
        { key: 'v', of: 'a', why: 'x' },
        { key: 'w', of: 'b', why: 'x' },
      ]),
    ).toThrow('one entry at most');
  });
});

describe("Condition 2 uses the plan's own NHS-minimum contribution to adult social care where given (C2)", () => {
  const baseline = [{ key: 'b', baselinePence: 100_000_00, frontloaded: false, source: 't' }];
  const asc = (amountsPence: Record<string, number>) => [{ key: 'asc', amountsPence, source: 'test' }];

  it('checks the given figure against baseline × 1.0179, ignoring scheme spend', () => {
    const at = (pence: number) =>
      find(
        { ascBaseline: baseline, ascNhsMinimum: asc({ '2017-18': pence }), schemes: [spending(1)] },
        'C2:asc-minimum:2017-18',
      )!;
    expect([at(101_790_00).severity, at(101_790_00).outcome]).toEqual(['information', 'pass']);
    expect([at(101_789_99).severity, at(101_789_99).outcome]).toEqual(['blocking', 'fail']);
    expect(at(101_790_00).message).toContain('contribution to adult social care (ascNhsMinimum) £101,790');
  });

  it('is not checkable, naming both inputs, with neither the figure nor adult-social-care spend lines', () => {
    const c2 = find(
      { ascBaseline: baseline, ascNhsMinimum: asc({ '2017-18': 1 }) },
      'C2:asc-minimum:2018-19',
    )!;
    expect([c2.severity, c2.outcome]).toEqual(['warning', 'not-checkable']);
    expect(c2.message).toContain(
      'ascNhsMinimum.amountsPence.2018-19, or adult-social-care spend lines for 2018-19',
    );
  });

  it('refuses a second entry and a year outside the cycle', () => {
    expect(() => checksOf({ ascNhsMinimum: [...asc({}), { ...asc({})[0], key: 'b' }] })).toThrow(
      'one entry at most',
    );
    expect(() => checksOf({ ascNhsMinimum: asc({ '2019-20': 1 }) })).toThrow(
      'must be one of 2017-18, 2018-19',
    );
  });
});
