import {
  DATE_YEAR_MAX,
  DATE_YEAR_MIN,
  isCalendarDate,
  isFinancialYear,
  isInstant,
  isVisibleText,
  normaliseText,
  textProblem,
} from './index';

describe('the bounds on dates and financial years', () => {
  it('takes real dates within the years the ledger knows, and refuses the rest', () => {
    expect(
      ['1889-04-01', '2016-06-30', `${DATE_YEAR_MIN}-01-01`, `${DATE_YEAR_MAX}-12-31`].every(isCalendarDate),
    ).toBe(true);
    expect(
      ['0000-01-01', '9999-12-31', `${DATE_YEAR_MIN - 1}-12-31`, `${DATE_YEAR_MAX + 1}-01-01`].some(
        isCalendarDate,
      ),
    ).toBe(false);
  });

  it('takes ISO 8601 instants with a time zone on real dates, and refuses dates alone, zoneless times and unreal days', () => {
    expect(
      ['2026-01-01T00:00:00Z', '2017-09-11T09:30+01:00', '2017-09-11T09:30:00.123456Z'].every(isInstant),
    ).toBe(true);
    expect(
      [
        '2017-09-11',
        '2017-09-11T09:30:00',
        '2016-02-30T00:00:00Z',
        '2016-13-01T00:00Z',
        'now',
        20170911,
      ].some(isInstant),
    ).toBe(false);
  });

  it('takes financial years from 1990-91 to 2100-01, and refuses 9999-00, 0000-01 and non-consecutive years', () => {
    expect(['2016-17', '1990-91', '1999-00', '2100-01'].every(isFinancialYear)).toBe(true);
    expect(
      ['9999-00', '0000-01', '1989-90', '2101-02', '2016-18', '2016/17', 2016, null].some(isFinancialYear),
    ).toBe(false);
  });
});

describe('free text', () => {
  it('refuses control characters, line breaks in single-line text, lone surrogates and bidi controls', () => {
    for (const text of [
      'a\u0000b',
      'a\nb',
      'a\rb',
      'a\tb',
      'a\u0085b',
      'a\ud800b',
      'a\udc00',
      'abc\u202e',
      'x\u2066y',
    ])
      expect([text, textProblem(text)]).toEqual([text, expect.any(String)]);
    expect(textProblem('line one\nline two', { multiline: true })).toBeUndefined();
    expect(textProblem('line one\r\nline two', { multiline: true })).toMatch(/control characters/);
  });

  it('requires a visible character: spaces, no-break spaces and zero-width characters alone are not text', () => {
    for (const text of ['', ' ', '   ', '\u00a0', '\u200b', '\u3000', '\n'])
      expect(isVisibleText(text, { multiline: true })).toBe(false);
    for (const text of ['Café', '£', '…', '7', 'Ashford Borough Council', '😀 ok'])
      expect(isVisibleText(text)).toBe(true);
  });

  it('normalises to NFC', () => {
    expect(normaliseText('Cafe\u0301')).toBe('Café');
    expect(normaliseText('Café')).toBe('Café');
  });
});
