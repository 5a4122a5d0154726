import { ReturnSubmitted } from '../../return/quarterly-return';
import { checkOf, testReturnId, underCheck } from '../test-template';

const submittedAt = (at: string): ReturnSubmitted => ({
  returnId: testReturnId(2),
  version: 4,
  submittedAt: at,
  deadline: { at: '2016-11-25T12:00:00Z', source: '004:1181', assumed: null },
  late: false,
  channel: 'email to england.bettercaresupport@nhs.net',
  fileName: 'Test HWB',
  approvalId: 'approval-1',
});

describe('deadline (Q2)', () => {
  it('passes a return submitted exactly at the deadline, and one written with another offset for the same instant', () => {
    for (const at of ['2016-11-25T12:00:00Z', '2016-11-25T13:00:00+01:00'])
      expect(checkOf(underCheck(2, {}, { submitted: submittedAt(at) }), 'Q2:deadline')?.outcome).toBe('pass');
  });

  it('fails a return submitted a second late, naming both times', () => {
    const check = checkOf(
      underCheck(2, {}, { submitted: submittedAt('2016-11-25T12:00:01Z') }),
      'Q2:deadline',
    )!;
    expect(check).toMatchObject({ outcome: 'fail', severity: 'warning', section: 'cover' });
    expect(check.message).toBe('submitted 2016-11-25T12:00:01Z; deadline 2016-11-25T12:00:00Z: late');
    expect(check.cells.map((c) => [c.field, c.value])).toEqual([
      ['submittedAt', '2016-11-25T12:00:01Z'],
      ['deadline', '2016-11-25T12:00:00Z'],
    ]);
  });

  it('cannot check a return not yet submitted, and says an assumed deadline is assumed', () => {
    const check = checkOf(underCheck(3), 'Q2:deadline')!;
    expect(check.outcome).toBe('not-checkable');
    expect(check.message).toContain('2017-02-24T12:00:00Z (assumed: test default)');
  });
});
