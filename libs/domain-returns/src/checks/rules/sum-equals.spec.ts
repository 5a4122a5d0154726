import { checkOf, underCheck } from '../test-template';

const PLAN = 'Q9:ie.income.plan.q1';
const ACTUAL = 'Q9:ie.income.actual.q1';

describe('sum-equals (Q9: the year-end totals equal the pooled fund)', () => {
  it('passes when Σ parts equals the total to the penny', () => {
    const check = checkOf(underCheck(2), PLAN)!;
    expect(check).toMatchObject({ outcome: 'pass', section: 'ie' });
    expect(check.message).toBe('Σ 4 part(s) £13,131,049; ie.pooledFund (ie.pooledFund) £13,131,049: equal');
    expect(check.cells.map((c) => c.field)).toEqual([
      'ie.income.plan.q1',
      'ie.income.plan.q2',
      'ie.income.plan.q3',
      'ie.income.plan.q4',
      'ie.pooledFund',
    ]);
  });

  it('fails a penny out with no commentary, giving the difference', () => {
    const check = checkOf(underCheck(2, { 'ie.income.plan.q4': 328_276_201 }), PLAN)!;
    expect(check.outcome).toBe('fail');
    expect(check.message).toContain('they differ by £0.01');
    expect(check.message).toContain('ie.income.comment (ie.income.comment) is empty');
  });

  it('passes a difference the commentary explains, saying so', () => {
    const check = checkOf(
      underCheck(2, { 'ie.pooledFund': 1_313_105_000, 'ie.income.comment': 'rounding' }),
      PLAN,
    )!;
    expect(check.outcome).toBe('pass');
    expect(check.message).toContain(
      'they differ by -£1, and the difference is explained in ie.income.comment',
    );
    expect(check.cells.at(-1)).toMatchObject({ field: 'ie.income.comment', value: 'rounding' });
  });

  it('cannot check with a part or the total missing', () => {
    const part = checkOf(underCheck(2, { 'ie.income.plan.q3': null }), PLAN)!;
    expect(part.outcome).toBe('not-checkable');
    expect(part.message).toContain('missing: ie.income.plan.q3');
    expect(checkOf(underCheck(2, { 'ie.pooledFund': null }), PLAN)?.message).toContain(
      'missing: ie.pooledFund',
    );
  });

  it('checks the actuals only at year end, over all four quarters', () => {
    expect(checkOf(underCheck(3), ACTUAL)).toBeUndefined();
    expect(checkOf(underCheck(4), ACTUAL)?.outcome).toBe('pass');
    expect(checkOf(underCheck(4, { 'ie.income.actual.q4': 0 }), ACTUAL)?.outcome).toBe('fail');
  });

  it('a part the quarter does not have makes the sum not checkable', () => {
    const input = underCheck(4);
    input.template = {
      ...input.template,
      rules: input.template.rules.map((r) =>
        r.kind === 'sum-equals' && r.quarters ? { ...r, quarters: undefined } : r,
      ),
    };
    const q3 = { ...input, ...underCheck(3), template: input.template };
    expect(checkOf(q3, ACTUAL)?.message).toContain('missing: ie.income.actual.q4');
  });
});
