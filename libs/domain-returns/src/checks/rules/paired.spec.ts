import { checkOf, underCheck } from '../test-template';

const ID = 'Q19:yearEnd.success.1.text';

describe('paired (Q19: a success or challenge has a category)', () => {
  it('fails a success without its category', () => {
    const check = checkOf(underCheck(4, { 'yearEnd.success.1.category': null }), ID)!;
    expect(check).toMatchObject({ outcome: 'fail', section: 'year-end' });
    expect(check.cells.map((c) => c.field)).toEqual(['yearEnd.success.1.text', 'yearEnd.success.1.category']);
  });

  it('passes a success with its category, and no success at all', () => {
    expect(checkOf(underCheck(4), ID)?.outcome).toBe('pass');
    expect(
      checkOf(underCheck(4, { 'yearEnd.success.1.text': ' ', 'yearEnd.success.1.category': null }), ID)
        ?.outcome,
    ).toBe('pass');
  });

  it('is not a rule of a return without the section', () => {
    expect(checkOf(underCheck(3, { 'yearEnd.success.1.text': 'x' }), ID)).toBeUndefined();
  });
});
