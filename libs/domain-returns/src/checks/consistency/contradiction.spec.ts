import { checkOf, underCheck } from '../test-template';

const ID = 'R5:additional.openApi.status.gp+additional.nhsNumber.correspondence.gp';

describe('contradiction (two answers of the same return that cannot both stand)', () => {
  it('finds Live on the Open API while the NHS Number is not used, naming both answers', () => {
    const check = checkOf(
      underCheck(2, {
        'additional.openApi.status.gp': 'Live',
        'additional.nhsNumber.correspondence.gp': 'No',
      }),
      ID,
    )!;
    expect(check).toMatchObject({ outcome: 'fail', kind: 'consistency', section: 'additional' });
    expect(check.cells.map((c) => [c.field, c.value])).toEqual([
      ['additional.openApi.status.gp', 'Live'],
      ['additional.nhsNumber.correspondence.gp', 'No'],
    ]);
  });

  it('passes when either answer is outside its set', () => {
    expect(checkOf(underCheck(2, { 'additional.openApi.status.gp': 'Live' }), ID)?.outcome).toBe('pass');
    expect(checkOf(underCheck(2, { 'additional.nhsNumber.correspondence.gp': 'No' }), ID)?.outcome).toBe(
      'pass',
    );
  });
});
