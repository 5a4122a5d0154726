import { NOT_AVAILABLE } from '../template/return-template';
import { FieldValue } from './quarterly-return';
import { TEST_TEMPLATE } from './test-template';
import { TEXT_LENGTH_MAX_DEFAULT, valueProblems } from './value-rules';

/** The reason a single value is refused in the Q1 return (or Qn), or 'ok'. */
const check = (field: string, value: FieldValue, quarter: 1 | 2 | 3 | 4 = 1): string => {
  const problems = valueProblems(TEST_TEMPLATE, quarter, { [field]: value });
  expect(problems.length).toBeLessThanOrEqual(1);
  return problems[0]?.reason ?? 'ok';
};

describe('valueProblems: which fields a quarter has', () => {
  it('refuses a field the template does not have', () => {
    expect(check('cover.nickname', 'x')).toMatch(/not a field of template bcf-quarterly-test/);
  });
  it("refuses a field of a section not in the quarter's list (year-end before Q4), takes it in Q4", () => {
    expect(check('yearEnd.statement.1', 'Agree', 3)).toMatch(/not in the Q3 return/);
    expect(check('yearEnd.statement.1', 'Agree', 4)).toBe('ok');
  });
  it('refuses a field whose own quarters exclude the quarter (Q2 actual in Q1; Q1-Q3 status in Q4)', () => {
    expect(check('ie.income.actual.q2', 100, 1)).toMatch(/not in the Q1 return/);
    expect(check('ie.income.actual.q2', 100, 2)).toBe('ok');
    expect(check('conditions.1.status', 'Yes', 3)).toBe('ok');
    expect(check('conditions.1.status', 'Yes', 4)).toMatch(/not in the Q4 return/);
    expect(check('conditions.1.statusYearEnd', 'Yes', 4)).toBe('ok');
  });
  it('takes null (a cleared cell) for any field of the quarter, but not for a field it lacks', () => {
    expect(check('ie.pooledFund', null)).toBe('ok');
    expect(check('narrative.text', null)).toBe('ok');
    expect(check('yearEnd.statement.1', null, 1)).toMatch(/not in the Q1 return/);
  });
  it('gives one problem per bad cell, every cell at once', () => {
    const problems = valueProblems(TEST_TEMPLATE, 1, {
      'ie.pooledFund': 1.5,
      'cover.email': 'nickfaint@southend.gov.uk',
      'budget.pooledViaS75': 'Maybe',
    });
    expect(problems.map((p) => p.field)).toEqual(['ie.pooledFund', 'budget.pooledViaS75']);
  });
});

describe('valueProblems: money (integer pence) and counts', () => {
  it('takes whole pence, refuses a fraction of a penny and text', () => {
    expect(check('ie.pooledFund', 12345)).toBe('ok');
    expect(check('ie.pooledFund', 123.4)).toMatch(/whole number of pence/);
    expect(check('ie.pooledFund', '12345')).toMatch(/whole number of pence/);
  });
  it('applies the number bounds in pounds to pence: -10 and 1,000 pounds just inside, a penny beyond refused', () => {
    expect(check('ie.pooledFund', 100_000)).toBe('ok');
    expect(check('ie.pooledFund', 100_001)).toMatch(/at most 1000 pounds \(Q5\)/);
    expect(check('ie.pooledFund', -1_000)).toBe('ok');
    expect(check('ie.pooledFund', -1_001)).toMatch(/at least -10 pounds \(Q5\)/);
  });
  it('takes a count of 0 and up to the bound, refuses -1, a fraction and 1,001', () => {
    expect(check('additional.phb.total', 0)).toBe('ok');
    expect(check('additional.phb.total', -1)).toMatch(/whole number, 0 or more/);
    expect(check('additional.phb.total', 2.5)).toMatch(/whole number, 0 or more/);
    expect(check('additional.phb.total', 1000)).toBe('ok');
    expect(check('additional.phb.total', 1001)).toMatch(/at most 1000 \(Q5\)/);
  });
});

describe('valueProblems: decimals and percentages, as written', () => {
  it('takes a decimal string with at most its places, refuses one more place and a float', () => {
    expect(check('metrics.nea.value', '13.3')).toBe('ok');
    expect(check('metrics.nea.value', '13')).toBe('ok');
    expect(check('metrics.nea.value', '13.35')).toMatch(/at most 1 decimal place \(it has 2\)/);
    expect(check('metrics.nea.value', 13.3)).toMatch(/written as text/);
    expect(check('metrics.nea.value', '13,3')).toMatch(/written as text/);
  });
  it('compares decimals with the bounds exactly: 1000.0 inside, 1000.1 outside', () => {
    expect(check('metrics.nea.value', '1000.0')).toBe('ok');
    expect(check('metrics.nea.value', '1000.1')).toMatch(/at most 1000 \(Q5\)/);
    expect(check('metrics.nea.value', '-10.0')).toBe('ok');
    expect(check('metrics.nea.value', '-10.1')).toMatch(/at least -10 \(Q5\)/);
  });
  it("takes 'information not available' only where the field allows it", () => {
    expect(check('metrics.nea.value', NOT_AVAILABLE)).toBe('ok');
    expect(check('additional.phb.chcPercent', NOT_AVAILABLE)).toMatch(
      /may not be 'information not available'/,
    );
  });
  it('takes a percentage from 0 to 100 with no places (0 dp), refuses 101, -1 and a place', () => {
    expect(check('additional.phb.chcPercent', '100')).toBe('ok');
    expect(check('additional.phb.chcPercent', '0')).toBe('ok');
    expect(check('additional.phb.chcPercent', '101')).toMatch(/from 0 to 100/);
    expect(check('additional.phb.chcPercent', '-1')).toMatch(/from 0 to 100/);
    expect(check('additional.phb.chcPercent', '94.5')).toMatch(/at most 0 decimal places/);
  });
});

describe('valueProblems: dates, choices, live-or-date', () => {
  it('takes a real date, refuses 29 February 2017 and DD/MM/YYYY', () => {
    expect(check('budget.poolingDate', '2016-02-29')).toBe('ok');
    expect(check('budget.poolingDate', '2017-02-29')).toMatch(/real date/);
    expect(check('budget.poolingDate', '01/04/2016')).toMatch(/real date/);
  });
  it("takes an answer on the field's list, refuses one off it (case matters)", () => {
    expect(check('conditions.1.status', 'No - In Progress')).toBe('ok');
    expect(check('conditions.1.status', 'no - in progress')).toMatch(
      /must be one of: 'Yes', 'No', 'No - In Progress'/,
    );
    expect(check('conditions.1.statusYearEnd', 'No - In Progress', 4)).toMatch(
      /must be one of: 'Yes', 'No'$/,
    );
  });
  it("takes 'Live' or a date for a go-live, refuses 'live' and 'soon'", () => {
    expect(check('additional.openApi.goLive.gp', 'Live')).toBe('ok');
    expect(check('additional.openApi.goLive.gp', '2017-03-31')).toBe('ok');
    expect(check('additional.openApi.goLive.gp', 'live')).toMatch(/'Live' or a date/);
    expect(check('additional.openApi.goLive.gp', 'soon')).toMatch(/'Live' or a date/);
  });
});

describe('valueProblems: text, email and phone', () => {
  it('takes text up to its lengthMax, refuses one character more and blank text', () => {
    expect(check('narrative.text', 'x'.repeat(20))).toBe('ok');
    expect(check('narrative.text', 'x'.repeat(21))).toMatch(/at most 20 characters \(it has 21\)/);
    expect(check('narrative.text', '   ')).toMatch(/must not be blank/);
    expect(check('narrative.text', 12)).toMatch(/must be text/);
  });
  it('measures text trimmed: surrounding spaces do not count toward the length', () => {
    expect(check('narrative.text', ` ${'x'.repeat(20)} `)).toBe('ok');
  });
  it(`defaults a text's length to ${TEXT_LENGTH_MAX_DEFAULT}`, () => {
    expect(check('ie.commentary', 'x'.repeat(TEXT_LENGTH_MAX_DEFAULT))).toBe('ok');
    expect(check('ie.commentary', 'x'.repeat(TEXT_LENGTH_MAX_DEFAULT + 1))).toMatch(/at most 4000/);
  });
  it('takes line feeds in a text, refuses control characters', () => {
    expect(check('ie.commentary', 'one\ntwo')).toBe('ok');
    expect(check('ie.commentary', 'one\u0007two')).toMatch(/control characters/);
  });
  it('checks the shape of an email address and a telephone number (the seed: 004:861-862)', () => {
    expect(check('cover.email', 'nickfaint@southend.gov.uk')).toBe('ok');
    expect(check('cover.email', 'nickfaint at southend')).toMatch(/email address/);
    expect(check('cover.phone', '01702 212 113')).toBe('ok');
    expect(check('cover.phone', '01702 212113 ext 22')).toBe('ok');
    expect(check('cover.phone', '12345')).toMatch(/telephone number/);
    expect(check('cover.phone', 'call Nick')).toMatch(/telephone number/);
  });
});
