import { checkOf, testReturnId, underCheck } from '../test-template';

const ID = 'R6:additional.openApi.goLive.gp';

describe('go-live passed (a projected date already gone when the return was completed, not Live)', () => {
  it('finds a projected date the day before completion, naming the date and the completion date', () => {
    const check = checkOf(underCheck(4, {}, { completedOn: '2017-04-01' }), ID)!;
    expect(check).toMatchObject({ outcome: 'fail', kind: 'consistency', section: 'additional' });
    expect(check.cells.map((c) => [c.field, c.returnId, c.value])).toEqual([
      ['additional.openApi.goLive.gp', testReturnId(4), '2017-03-31'],
      ['completedOn', testReturnId(4), '2017-04-01'],
    ]);
  });

  it('passes a projected date on the completion day, and Live whatever the date', () => {
    expect(checkOf(underCheck(4, {}, { completedOn: '2017-03-31' }), ID)?.outcome).toBe('pass');
    expect(
      checkOf(underCheck(4, { 'additional.openApi.goLive.gp': 'Live' }, { completedOn: '2017-05-31' }), ID)
        ?.outcome,
    ).toBe('pass');
  });

  it('says nothing of an empty field', () => {
    expect(
      checkOf(underCheck(4, { 'additional.openApi.goLive.gp': null }, { completedOn: '2017-05-31' }), ID),
    ).toBeUndefined();
  });
});
