import { REFERENCE, contribution, find, spending } from './plan-rules.fixtures';

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
