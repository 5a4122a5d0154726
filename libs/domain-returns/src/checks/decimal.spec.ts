import { NOT_AVAILABLE } from '../template/return-template';
import {
  compareRational,
  decimalsOf,
  formatRational,
  formatScaled,
  printRational,
  rationalOf,
  roundScaled,
} from './decimal';

describe('exact decimals', () => {
  it('reads whole numbers and decimal strings as written, nothing else', () => {
    expect(rationalOf('13.3')).toEqual({ n: 133n, d: 10n });
    expect(rationalOf(' 94 ')).toEqual({ n: 94n, d: 1n });
    expect(rationalOf('-0.05')).toEqual({ n: -5n, d: 100n });
    expect(rationalOf(24)).toEqual({ n: 24n, d: 1n });
    for (const value of ['1e3', 'abc', '', '13.', '.5', NOT_AVAILABLE, null, 1.5])
      expect(rationalOf(value)).toBeNull();
  });

  it('counts the printed places', () => {
    expect([decimalsOf('13.3'), decimalsOf('94'), decimalsOf('94.00'), decimalsOf(24)]).toEqual([1, 0, 2, 0]);
  });

  it('compares as rationals, not as text or floats', () => {
    expect(compareRational(rationalOf('13.30')!, rationalOf('13.3')!)).toBe(0);
    expect(compareRational(rationalOf('0.1')!, rationalOf('0.10000000000000001')!)).toBe(-1);
    expect(compareRational(rationalOf('9')!, rationalOf('10')!)).toBe(-1);
  });

  it('rounds half away from zero at exactly .5 and not just below it', () => {
    expect(roundScaled({ n: 1325n, d: 100n }, 1)).toBe(133n);
    expect(roundScaled({ n: 132499n, d: 10000n }, 1)).toBe(132n);
    expect(roundScaled({ n: -1325n, d: 100n }, 1)).toBe(-133n);
    expect(roundScaled({ n: 1n, d: 3n }, 0)).toBe(0n);
  });

  it('prints scaled and rational figures', () => {
    expect(formatScaled(1329n, 2)).toBe('13.29');
    expect(formatScaled(-5n, 2)).toBe('-0.05');
    expect(formatRational({ n: 2400000n, d: 180589n }, 3)).toBe('13.290');
    expect(printRational({ n: 14n, d: 1n })).toBe('14');
    expect(printRational({ n: 1325n, d: 100n })).toBe('13.25');
    expect(printRational({ n: 1n, d: 3n })).toBe('0.333333');
  });
});
