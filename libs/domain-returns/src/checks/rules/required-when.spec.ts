import { checkOf, checksOfRule, underCheck } from '../test-template';

describe('required-when (Q6, Q7, Q13)', () => {
  it('a No - In Progress with a date and an explanation passes', () => {
    const input = underCheck(2, {
      'conditions.1.status': 'No - In Progress',
      'conditions.1.date': '2017-03-31',
      'conditions.1.explanation': 'agreeing the scheme',
    });
    expect(checkOf(input, 'Q6:conditions.1.status')?.outcome).toBe('pass');
    expect(checksOfRule(input, 'Q6').filter((c) => c.outcome === 'fail')).toEqual([]);
  });

  it('a No without the explanation fails once, naming the explanation and the answer requiring it', () => {
    const checks = checksOfRule(
      underCheck(2, { 'conditions.2.status': 'No', 'conditions.2.date': '2017-03-31' }),
      'Q6',
    ).filter((c) => c.outcome === 'fail');
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ checkId: 'Q6:conditions.2.explanation', section: 'conditions' });
    expect(checks[0]!.message).toBe(
      "conditions.2.status (conditions.2.status) is 'No': conditions.2.explanation (conditions.2.explanation) is required and empty",
    );
    expect(checks[0]!.cells.map((c) => [c.field, c.value])).toEqual([
      ['conditions.2.status', 'No'],
      ['conditions.2.explanation', null],
    ]);
  });

  it('a Yes requires nothing', () => {
    expect(checkOf(underCheck(2), 'Q6:conditions.1.status')?.message).toContain('nothing more is required');
  });

  it('at year end (Q4) a No needs only an explanation: the date field is not in that return', () => {
    const missing = checksOfRule(underCheck(4, { 'conditions.1.status': 'No' }), 'Q7').filter(
      (c) => c.outcome === 'fail',
    );
    expect(missing.map((c) => c.checkId)).toEqual(['Q7:conditions.1.explanation']);
    expect(checksOfRule(underCheck(4, { 'conditions.1.status': 'No' }), 'Q6')).not.toContainEqual(
      expect.objectContaining({ checkId: 'Q6:conditions.1.date' }),
    );
  });

  it('budget not pooled via s75 needs a pooling date (Q13)', () => {
    expect(checkOf(underCheck(1, { 'budget.pooledViaS75': 'No' }), 'Q13:budget.poolingDate')?.outcome).toBe(
      'fail',
    );
    expect(
      checkOf(
        underCheck(1, { 'budget.pooledViaS75': 'No', 'budget.poolingDate': '2016-07-01' }),
        'Q13:budget.pooledViaS75',
      )?.outcome,
    ).toBe('pass');
  });
});
