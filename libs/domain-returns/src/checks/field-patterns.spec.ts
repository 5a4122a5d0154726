import { bindPattern, matchPattern, rowsOf } from './field-patterns';

describe('field patterns', () => {
  it('matches one segment per *, and only paths of the same length', () => {
    expect(matchPattern('conditions.*.status', 'conditions.3i.status')).toEqual(['3i']);
    expect(matchPattern('conditions.*.status', 'conditions.3i.date')).toBeNull();
    expect(matchPattern('conditions.*.status', 'conditions.3i.status.x')).toBeNull();
    expect(matchPattern('additional.sharing.*.*', 'additional.sharing.gp.hospital')).toEqual([
      'gp',
      'hospital',
    ]);
    expect(matchPattern('cover.hwb', 'cover.hwb')).toEqual([]);
  });

  it('binds a row into another pattern of the rule', () => {
    expect(bindPattern('conditions.*.date', ['3i'])).toBe('conditions.3i.date');
    expect(bindPattern('a.*.b.*', ['x', 'y'])).toBe('a.x.b.y');
    expect(bindPattern('ie.income.comment', ['q1'])).toBe('ie.income.comment');
  });

  it('lists the rows in the ids order', () => {
    expect(rowsOf('m.*.v', ['m.a.v', 'm.a.t', 'm.b.v'])).toEqual([
      { field: 'm.a.v', bound: ['a'] },
      { field: 'm.b.v', bound: ['b'] },
    ]);
  });
});
