import { TEST_TEMPLATE, checkOf, checksOfRule, testReturnId, underCheck } from '../test-template';

const ID = 'R7:metrics.nea.status';
const CHANGED = { 'metrics.nea.status': 'No improvement in performance' };

describe('changed without commentary', () => {
  it('cannot check the first quarter', () => {
    expect(checkOf(underCheck(1), ID)?.outcome).toBe('not-checkable');
  });

  it('passes once when nothing changed', () => {
    expect(checksOfRule(underCheck(2), 'R7').map((c) => [c.checkId, c.outcome])).toEqual([[ID, 'pass']]);
  });

  it('finds a change whose commentary is the same as before, naming both values and both commentaries', () => {
    const check = checkOf(underCheck(2, CHANGED), ID)!;
    expect(check.outcome).toBe('fail');
    expect(check.message).toContain('is the same as in');
    expect(check.cells.map((c) => [c.field, c.returnId, c.value])).toEqual([
      ['metrics.nea.status', testReturnId(1), 'On track to meet target'],
      ['metrics.nea.status', testReturnId(2), 'No improvement in performance'],
      ['metrics.nea.commentary', testReturnId(1), 'admissions below plan'],
      ['metrics.nea.commentary', testReturnId(2), 'admissions below plan'],
    ]);
  });

  it('finds a change with empty commentary, and passes one with new commentary as explained', () => {
    expect(checkOf(underCheck(2, { ...CHANGED, 'metrics.nea.commentary': '' }), ID)?.message).toContain(
      'is empty',
    );
    const explained = checkOf(
      underCheck(2, { ...CHANGED, 'metrics.nea.commentary': 'winter pressures' }),
      ID,
    )!;
    expect(explained.outcome).toBe('pass');
    expect(explained.message).toContain('explained in metrics.nea.commentary');
  });

  it('with no commentary field, every change is a finding', () => {
    const input = underCheck(2, { ...CHANGED, 'metrics.nea.commentary': 'winter pressures' });
    input.template = {
      ...TEST_TEMPLATE,
      consistency: TEST_TEMPLATE.consistency.map((c) =>
        c.kind === 'changed-without-commentary' ? { ...c, commentary: null } : c,
      ),
    };
    expect(checkOf(input, ID)).toMatchObject({
      outcome: 'fail',
      message: expect.stringContaining('no commentary field'),
    });
  });
});
