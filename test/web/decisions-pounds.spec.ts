import { FormFields } from '../../apps/web/src/features/decisions/decision-form-fields';

const pounds = (value: unknown) => {
  const fields = new FormFields({ amount: value });
  return { pence: fields.optionalPounds('amount'), problems: fields.problems };
};

/** An amount is typed in pounds and recorded in whole pence, read from the text (never a floating-point sum). */
describe('an amount in pounds on the decisions forms', () => {
  it.each([
    ['1,234.56', 123_456],
    ['1234', 123_400],
    ['£50,000', 5_000_000],
    ['0.1', 10],
    ['0.29', 29], // 0.29 * 100 is 28.999999999999996 in floating point
    [' 12.3 ', 1_230],
    ['1,000,000.01', 100_000_001],
    ['007', 700],
  ])('reads %p as %p pence', (typed, expected) => {
    expect(pounds(typed)).toEqual({ pence: expected, problems: [] });
  });

  it('takes an empty field as no amount', () => {
    expect(pounds('')).toEqual({ pence: null, problems: [] });
    expect(pounds(undefined)).toEqual({ pence: null, problems: [] });
  });

  it.each(['12,34', '1,2345', '-5', '1e3', 'ten pounds', '1.2.3', '.50', '1 234', '0x10'])(
    'refuses %p with a message saying how to write it',
    (typed) => {
      expect(pounds(typed)).toEqual({
        pence: undefined,
        problems: [{ field: 'amount', reason: 'must be in pounds, such as 1,234.56 or 1234' }],
      });
    },
  );

  it('refuses more than 2 decimal places, and an amount too large to count exactly', () => {
    expect(pounds('10.999').problems).toEqual([
      { field: 'amount', reason: 'must have at most 2 decimal places (whole pence)' },
    ]);
    expect(pounds('99999999999999999').problems).toEqual([{ field: 'amount', reason: 'is too large' }]);
    expect(pounds('90071992547409.91').pence).toBe(9_007_199_254_740_991);
  });
});
