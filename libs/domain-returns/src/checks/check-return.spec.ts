import { checkReturn, sectionValidations } from './check-return';
import { TEST_TEMPLATE, underCheck } from './test-template';
import { ReturnCheck } from './return-check';

const failing = (checks: ReturnCheck[]) => checks.filter((c) => c.outcome === 'fail').map((c) => c.checkId);

describe('checkReturn on a made-up template', () => {
  it.each([1, 2, 3, 4] as const)('a good Q%s return fails nothing', (quarter) => {
    const checks = checkReturn(underCheck(quarter));
    expect(failing(checks)).toEqual([]);
    expect(checks.length).toBeGreaterThan(10);
  });

  it('gives every check a source naming the docs row, the template citation and the template file', () => {
    const check = checkReturn(underCheck(2, { 'cover.signedOffBy': '' })).find(
      (c) => c.checkId === 'Q1:cover.signedOffBy',
    )!;
    expect(check.source).toBe(
      'docs/quarterly-returns.md#the-checks Q1; sign-off (test); libs/domain-returns/reference/test-quarterly-2099-00.json',
    );
    expect(check.section).toBe('cover');
  });

  it('applies a rule only in its quarters: the year-end actual total only in Q4', () => {
    const ids = (q: 1 | 2 | 3 | 4) => checkReturn(underCheck(q)).map((c) => c.checkId);
    expect(ids(3)).not.toContain('Q9:ie.income.actual.q1');
    expect(ids(4)).toContain('Q9:ie.income.actual.q1');
  });

  it('makes check ids unique when two rules report on the same subject: the repeat gets #2', () => {
    const twice = { ...TEST_TEMPLATE, rules: [...TEST_TEMPLATE.rules, TEST_TEMPLATE.rules[0]!] };
    const checks = checkReturn({ ...underCheck(2), template: twice });
    expect(checks.filter((c) => c.checkId.startsWith('Q1:cover')).map((c) => c.checkId)).toEqual([
      'Q1:cover',
      'Q1:cover#2',
    ]);
    expect(new Set(checks.map((c) => c.checkId)).size).toBe(checks.length);
  });

  it('checks only the fields the quarter has: no year-end feedback before Q4', () => {
    const checks = checkReturn(underCheck(3, { 'yearEnd.success.1.text': 'x' }));
    expect(checks.some((c) => c.checkId.startsWith('Q19:'))).toBe(false);
    expect(checks.some((c) => c.section === 'year-end')).toBe(false);
  });
});

describe('sectionValidations', () => {
  it('lists every section of the quarter, green when no blocking rule check fails', () => {
    const q4 = sectionValidations(TEST_TEMPLATE, 4, checkReturn(underCheck(4)));
    expect(q4.map((s) => s.section)).toEqual(TEST_TEMPLATE.quarters.Q4.sections);
    expect(q4.every((s) => s.passed && s.failing.length === 0)).toBe(true);
    expect(sectionValidations(TEST_TEMPLATE, 1, []).map((s) => s.section)).not.toContain('year-end');
  });

  it('turns a section red for a blocking rule failure, naming it', () => {
    const checks = checkReturn(underCheck(2, { 'conditions.1.status': 'No' }));
    const conditions = sectionValidations(TEST_TEMPLATE, 2, checks).find((s) => s.section === 'conditions')!;
    expect(conditions).toEqual({
      section: 'conditions',
      passed: false,
      failing: ['Q6:conditions.1.date', 'Q6:conditions.1.explanation'],
    });
  });

  it('leaves a section green for a failing warning, a consistency finding or a not-checkable rule', () => {
    const checks = checkReturn(
      underCheck(2, { 'additional.phb.chcPercent': '94' }, { submitted: null }), // R2 warning fails
    );
    expect(failing(checks)).toEqual(['R2:additional.phb.chcPercent']);
    expect(checks.find((c) => c.rule === 'Q2')?.outcome).toBe('not-checkable');
    expect(sectionValidations(TEST_TEMPLATE, 2, checks).every((s) => s.passed)).toBe(true);
    const warning: ReturnCheck = { ...checks[0]!, kind: 'rule', severity: 'warning', outcome: 'fail' };
    expect(sectionValidations(TEST_TEMPLATE, 2, [warning]).every((s) => s.passed)).toBe(true);
    const blocking: ReturnCheck = { ...warning, severity: 'blocking' };
    expect(
      sectionValidations(TEST_TEMPLATE, 2, [blocking]).find((s) => s.section === warning.section)?.passed,
    ).toBe(false);
  });
});
