import { operatorWriteMark, operatorWriteOf } from './operator-write';

describe('operator writes', () => {
  it('reads the mark an operator write carries, with its reason', () => {
    const metadata = {
      actor: { id: 'os-user:ops' },
      operatorWrite: { reason: 'fix', intoContextStream: true },
    };
    expect(operatorWriteOf(metadata)).toEqual({ reason: 'fix', intoContextStream: true });
    expect(operatorWriteMark(metadata)).toEqual({ operatorWrite: { reason: 'fix' } });
  });

  it('finds no mark on an event a context wrote, nor in missing metadata', () => {
    expect(operatorWriteOf({ actor: { id: 'u' }, reason: 'posted' })).toBeNull();
    expect(operatorWriteOf(undefined)).toBeNull();
    expect(operatorWriteOf(null)).toBeNull();
    expect(operatorWriteMark({ reason: 'posted' })).toEqual({});
  });

  it('still marks a malformed mark, never hiding it: an empty reason, not into a context stream', () => {
    expect(operatorWriteOf({ operatorWrite: { reason: 7 } })).toEqual({
      reason: '',
      intoContextStream: false,
    });
    expect(operatorWriteMark({ operatorWrite: {} })).toEqual({ operatorWrite: { reason: '' } });
  });
});
