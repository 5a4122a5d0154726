import { generatedId } from '../../apps/web/src/features/decisions/decision-ids';

/** The decisions forms make a new record's id from what it is, so nobody has to invent or guess one. */
describe('the ids the decisions forms make', () => {
  it('joins the parts as lower-case letters, digits and hyphens', () => {
    expect(generatedId(['kent-2017-19', 'v1', 'kent-hwb-chair', '2017-09-11'], new Set())).toBe(
      'kent-2017-19-v1-kent-hwb-chair-2017-09-11',
    );
    expect(generatedId(['kent-hwb-2017-09-20', 'Min. 12(b)'], new Set())).toBe(
      'kent-hwb-2017-09-20-min-12-b',
    );
  });

  it('adds a short random suffix when the id is taken, and stays within 64 characters', () => {
    const taken = new Set(['southend-hwb-2017-06-21-12']);
    const id = generatedId(['southend-hwb-2017-06-21', '12'], taken);
    expect(id).toMatch(/^southend-hwb-2017-06-21-12-[0-9a-f]{6}$/);
    const long = 'a'.repeat(70);
    const first = generatedId([long], new Set());
    expect(first).toBe('a'.repeat(64));
    expect(generatedId([long], new Set([first]))).toMatch(/^a{57}-[0-9a-f]{6}$/);
  });

  it('never ends in a hyphen where it is cut short', () => {
    expect(generatedId(['a'.repeat(63), 'b'], new Set())).toBe('a'.repeat(63));
  });
});
