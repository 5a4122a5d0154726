import { NOT_AVAILABLE } from '../../template/return-template';
import { TEST_TEMPLATE, checkOf, testReturnId, underCheck } from '../test-template';

const ID = 'R4:metrics.nea.status';
const ON_TRACK = { 'metrics.nea.status': 'On track to meet target' };

describe('status against target (lower is better for admissions)', () => {
  it('finds "on track" while the only quarter so far is worse than target', () => {
    const check = checkOf(underCheck(1, { ...ON_TRACK, 'metrics.nea.value': '4200.1' }), ID)!;
    expect(check).toMatchObject({ outcome: 'fail', section: 'metrics', kind: 'consistency' });
    expect(check.message).toContain('Q1 4200.1 against 4200');
    expect(check.cells.map((c) => [c.field, c.returnId, c.value])).toEqual([
      ['metrics.nea.status', testReturnId(1), 'On track to meet target'],
      ['metrics.nea.value', testReturnId(1), '4200.1'],
      ['metrics.nea.target', testReturnId(1), '4200'],
    ]);
  });

  it('passes a value equal to target: equal is not worse', () => {
    expect(checkOf(underCheck(1, { ...ON_TRACK, 'metrics.nea.value': '4200.0' }), ID)?.outcome).toBe('pass');
  });

  it('passes once any quarter so far is not worse, and finds it when every one is', () => {
    const worseQ1 = { 1: { 'metrics.nea.value': '4300' } };
    expect(checkOf(underCheck(2, ON_TRACK, { earlier: worseQ1 }), ID)?.outcome).toBe('pass');
    const both = checkOf(
      underCheck(2, { ...ON_TRACK, 'metrics.nea.value': '4250' }, { earlier: worseQ1 }),
      ID,
    )!;
    expect(both.outcome).toBe('fail');
    expect(both.cells.map((c) => c.returnId)).toEqual([
      testReturnId(2),
      testReturnId(1),
      testReturnId(1),
      testReturnId(2),
      testReturnId(2),
    ]);
  });

  it('skips quarters whose value is not available; none left is not checkable', () => {
    const worseQ1 = { 1: { 'metrics.nea.value': '4300' } };
    expect(
      checkOf(underCheck(2, { ...ON_TRACK, 'metrics.nea.value': NOT_AVAILABLE }, { earlier: worseQ1 }), ID)
        ?.outcome,
    ).toBe('fail');
    expect(
      checkOf(
        underCheck(
          2,
          { ...ON_TRACK, 'metrics.nea.value': NOT_AVAILABLE },
          { earlier: { 1: { 'metrics.nea.value': NOT_AVAILABLE } } },
        ),
        ID,
      )?.outcome,
    ).toBe('not-checkable');
  });

  it('a status that does not claim to be on track passes', () => {
    const check = checkOf(
      underCheck(1, { 'metrics.nea.status': 'No improvement in performance', 'metrics.nea.value': '9999' }),
      ID,
    )!;
    expect(check.outcome).toBe('pass');
    expect(check.message).toContain('does not claim to be on track');
  });

  it('reads higher as better where the template says so', () => {
    const input = underCheck(1, { ...ON_TRACK, 'metrics.nea.value': '4199.9' });
    input.template = {
      ...TEST_TEMPLATE,
      consistency: TEST_TEMPLATE.consistency.map((c) =>
        c.kind === 'status-against-target' ? { ...c, higherIsBetter: true } : c,
      ),
    };
    expect(checkOf(input, ID)?.outcome).toBe('fail');
    expect(
      checkOf({ ...input, cells: underCheck(1, { ...ON_TRACK, 'metrics.nea.value': '4200' }).cells }, ID)
        ?.outcome,
    ).toBe('pass');
  });
});
