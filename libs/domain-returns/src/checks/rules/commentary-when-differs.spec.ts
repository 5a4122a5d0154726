import { checkOf, checksOfRule, underCheck } from '../test-template';

describe('commentary-when-differs (Q10: an actual that differs from the plan needs a comment)', () => {
  it('passes an actual equal to the plan', () => {
    expect(checkOf(underCheck(2), 'Q10:ie.income.actual.q2')?.outcome).toBe('pass');
  });

  it('fails an actual a penny off the plan with no comment, naming both figures', () => {
    const check = checkOf(underCheck(2, { 'ie.income.actual.q2': 328_276_199 }), 'Q10:ie.income.actual.q2')!;
    expect(check.outcome).toBe('fail');
    expect(check.message).toBe(
      'ie.income.actual.q2 (ie.income.actual.q2) £3,282,761.99 differs from ie.income.plan.q2 (ie.income.plan.q2) £3,282,762: ie.income.comment (ie.income.comment) is empty',
    );
    expect(check.cells.map((c) => [c.field, c.value])).toEqual([
      ['ie.income.actual.q2', 328_276_199],
      ['ie.income.plan.q2', 328_276_200],
      ['ie.income.comment', null],
    ]);
  });

  it('passes the difference when a comment is given', () => {
    const check = checkOf(
      underCheck(2, { 'ie.income.actual.q2': 1, 'ie.income.comment': 'late invoices' }),
      'Q10:ie.income.actual.q2',
    )!;
    expect(check.outcome).toBe('pass');
    expect(check.message).toContain('explained in ie.income.comment');
  });

  it('cannot compare an empty actual', () => {
    expect(checkOf(underCheck(2, { 'ie.income.actual.q2': null }), 'Q10:ie.income.actual.q2')?.outcome).toBe(
      'not-checkable',
    );
  });

  it("checks each quarter's actual the return has, and no other", () => {
    expect(checksOfRule(underCheck(1), 'Q10').map((c) => c.checkId)).toEqual(['Q10:ie.income.actual.q1']);
    expect(checksOfRule(underCheck(3), 'Q10')).toHaveLength(3);
  });

  it('compares with nothing when the plan is empty', () => {
    const check = checkOf(underCheck(2, { 'ie.income.plan.q2': null }), 'Q10:ie.income.actual.q2')!;
    expect(check.outcome).toBe('pass');
    expect(check.message).toContain('nothing filled to compare with');
  });
});
