import { AreaFacts, checkPlan, recordPlanDocument } from './index';
import { AREA, REFERENCE, base, checksOf, contribution, find, fold, spending } from './plan-rules.fixtures';

describe('a check whose inputs are absent says not-checkable, naming what is missing (F2)', () => {
  const F2 = 'F2:expenditure-equals-pooled:2017-18';

  it('does not fail F2 for a plan with contributions and no scheme-level spend', () => {
    const result = find({ contributions: [contribution(100_00)] }, F2);
    expect(result).toMatchObject({
      severity: REFERENCE.notCheckableSeverity,
      outcome: 'not-checkable',
      figures: { computed: '£100' },
    });
    expect(result!.message).toContain('missing: schemes[].spend for 2017-18');
    expect(result!.message).not.toContain('does not equal');
  });

  it('checks F2 as soon as one spend line is planned for the year, even one of £0', () => {
    expect(find({ contributions: [contribution(100_00)], schemes: [spending(0)] }, F2)).toMatchObject({
      severity: 'blocking',
      outcome: 'fail',
      figures: { difference: '-£100' },
    });
    expect(find({ contributions: [contribution(100_00)], schemes: [spending(100_00)] }, F2)).toMatchObject({
      severity: 'information',
      outcome: 'pass',
    });
  });

  it('judges each year on its own: spend planned only for 2018-19 leaves 2017-18 not checkable', () => {
    const content = { contributions: [contribution(100_00)], schemes: [spending(100_00, 'x', '2018-19')] };
    expect(find(content, F2)!.outcome).toBe('not-checkable');
    expect(find(content, 'F2:expenditure-equals-pooled:2018-19')).toMatchObject({
      severity: 'blocking',
      outcome: 'fail',
    });
  });
});

describe('two lines with identical amounts in every year are a possible duplicate (D1)', () => {
  const twoYears = (key: string, a: number, b: number, source = 'nhs-additional') => ({
    ...contribution(0, source, key),
    amountsPence: { '2017-18': a, '2018-19': b },
  });
  const d1 = (content: object) => checksOf(content).filter((c) => c.rule === 'D1');

  it('warns, naming both lines, when two contributions agree in every year', () => {
    const [result, ...rest] = d1({
      contributions: [twoYears('ccg-a', 500_00, 600_00), twoYears('kcc', 500_00, 600_00)],
    });
    expect(rest).toEqual([]);
    expect(result).toMatchObject({
      checkId: 'D1:possible-duplicate:contributions:nhs-additional/ccg-a+nhs-additional/kcc',
      severity: 'warning',
      outcome: 'fail',
      accepted: false,
    });
    expect(result!.message).toContain("'nhs-additional/ccg-a' and 'nhs-additional/kcc'");
    expect(result!.message).toContain('2017-18 £500, 2018-19 £600');
  });

  it('says nothing when the lines differ by a penny in one year, are zero throughout, or lie in different sections', () => {
    expect(
      d1({ contributions: [twoYears('ccg-a', 500_00, 600_00), twoYears('kcc', 500_00, 600_01)] }),
    ).toEqual([]);
    expect(d1({ contributions: [twoYears('ccg-a', 0, 0), twoYears('kcc', 0, 0)] })).toEqual([]);
    expect(
      d1({
        contributions: [twoYears('ccg-a', 500_00, 0, 'dfg')],
        dfgPassDown: [{ key: 'district-a', districtId: 'district-a', amountsPence: { '2017-18': 500_00 } }],
      }),
    ).toEqual([]);
  });

  it('compares schemes by their total spend in each year', () => {
    const results = d1({ schemes: [spending(700_00, 'a'), spending(700_00, 'b'), spending(700_01, 'c')] });
    expect(results.map((r) => r.checkId)).toEqual(['D1:possible-duplicate:schemes:a+b']);
  });
});

describe('contributors were members of the area throughout the years they contribute to (A1)', () => {
  const state = fold(
    recordPlanDocument(
      undefined,
      {
        ...base,
        content: {
          contributions: [{ ...contribution(0), amountsPence: { '2017-18': 100_00, '2018-19': 100_00 } }],
        },
      },
      REFERENCE,
      AREA,
    ),
  );
  const a1 = (memberships: AreaFacts['memberships']) =>
    checkPlan(state, REFERENCE, { ...AREA, memberships }).filter((c) => c.rule === 'A1');
  const ccg = (from: string, until: string | null = null) => ({ organisationId: 'ccg-a', from, until });

  it('says nothing for a member throughout both years, including one whose membership ends on 1 April 2019', () => {
    expect(a1([ccg('2013-04-01')])).toEqual([]);
    expect(a1([ccg('2017-04-01', '2019-04-01')])).toEqual([]);
    expect(a1([ccg('2017-04-01', '2018-01-01'), ccg('2018-01-01')])).toEqual([]); // successive periods
  });

  it('blocks a contributor established (a member) only from 2030, for each year it contributes to', () => {
    expect(a1([ccg('2030-04-01')]).map((c) => [c.checkId, c.severity, c.outcome])).toEqual([
      ['A1:contributor-membership:nhs-minimum/ccg-a:2017-18', 'blocking', 'fail'],
      ['A1:contributor-membership:nhs-minimum/ccg-a:2018-19', 'blocking', 'fail'],
    ]);
    expect(a1([ccg('2030-04-01')])[0]!.message).toContain('member from 2030-04-01');
    expect(a1([])[0]!.message).toContain('no membership is recorded');
  });

  it('warns for a member during only part of a year: joined on 2 April 2017, or left on 31 March 2019', () => {
    expect(a1([ccg('2017-04-02')]).map((c) => [c.checkId, c.severity])).toEqual([
      ['A1:contributor-membership:nhs-minimum/ccg-a:2017-18', 'warning'],
    ]);
    expect(a1([ccg('2013-04-01', '2019-03-31')]).map((c) => [c.checkId, c.severity])).toEqual([
      ['A1:contributor-membership:nhs-minimum/ccg-a:2018-19', 'warning'],
    ]);
  });

  it('says it cannot check without the membership dates, naming what is missing', () => {
    expect(a1(undefined)).toEqual([
      expect.objectContaining({
        checkId: 'A1:contributor-membership',
        severity: REFERENCE.notCheckableSeverity,
        outcome: 'not-checkable',
        message: expect.stringContaining("missing: the registry's area memberships"),
      }),
    ]);
  });
});
