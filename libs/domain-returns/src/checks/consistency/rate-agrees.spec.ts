import { rationalOf } from '../decimal';
import { checkOf, seededRandom, underCheck } from '../test-template';
import { rateAgrees, rateOf } from './rate-agrees';

const ID = 'R3:additional.phb.ratePer100k';
const rate = (stated: string, total: number, population: number) =>
  checkOf(
    underCheck(2, {
      'additional.phb.ratePer100k': stated,
      'additional.phb.total': total,
      'additional.phb.population': population,
    }),
    ID,
  )!;

/** Brute force, by another formula: stated S at d places agrees iff (2S − 1)·den ≤ 2·num·per·10^d < (2S + 1)·den. */
const bruteForce = (scaled: bigint, d: number, num: bigint, den: bigint, per: bigint) =>
  (2n * scaled - 1n) * den <= 2n * num * per * 10n ** BigInt(d) &&
  2n * num * per * 10n ** BigInt(d) < (2n * scaled + 1n) * den;

describe('rate agrees (M1, M5: numerator ÷ denominator × per at the printed precision)', () => {
  it("Southend's PHB rate: 24 per 180,589 is 13.29 per 100,000, so 13.3 and 13 agree and 13.2 does not", () => {
    expect(rate('13.3', 24, 180_589)).toMatchObject({ outcome: 'pass', kind: 'consistency' });
    expect(rate('13', 24, 180_589).outcome).toBe('pass');
    const wrong = rate('13.2', 24, 180_589);
    expect(wrong.outcome).toBe('fail');
    expect(wrong.message).toContain('= 13.290, which rounds to 13.3: does not agree with the stated 13.2');
    expect(wrong.cells.map((c) => c.field)).toEqual([
      'additional.phb.ratePer100k',
      'additional.phb.total',
      'additional.phb.population',
    ]);
  });

  it('rounds exactly .x5 half up (53 per 400,000 is 13.25: 13.3), and just below it down', () => {
    expect(rate('13.3', 53, 400_000).outcome).toBe('pass');
    expect(rate('13.2', 53, 400_000).outcome).toBe('fail');
    expect(rate('13.3', 53, 400_000).message).toContain('= 13.250');
    // 53 per 400,001 is 13.2497
    expect(rate('13.2', 53, 400_001).outcome).toBe('pass');
    expect(rate('13.3', 53, 400_001).outcome).toBe('fail');
  });

  it('reads the precision the stated rate is printed with', () => {
    expect(rate('13.29', 24, 180_589).outcome).toBe('pass');
    expect(rate('13.30', 24, 180_589).outcome).toBe('fail');
  });

  it('cannot check with a zero denominator or a missing figure', () => {
    expect(rate('13.3', 24, 0).outcome).toBe('not-checkable');
    expect(checkOf(underCheck(2, { 'additional.phb.ratePer100k': null }), ID)?.outcome).toBe('not-checkable');
  });

  it('agrees with a brute force on 2,000 seeded random cases', () => {
    const random = seededRandom(5);
    for (let i = 0; i < 2000; i += 1) {
      const num = BigInt(random(500));
      const den = BigInt(1 + random(400_000));
      const per = [100n, 1000n, 100_000n][random(3)]!;
      const d = random(3);
      const exact = (num * per * 10n ** BigInt(d)) / den;
      const scaled = exact + BigInt(random(3)) - 1n; // the truncated rate, one below or one above
      const text =
        d === 0
          ? `${scaled}`
          : `${scaled / 10n ** BigInt(d)}.${(scaled % 10n ** BigInt(d)).toString().padStart(d, '0')}`;
      if (scaled < 0n) continue;
      const computed = rateOf({ n: num, d: 1n }, { n: den, d: 1n }, { n: per, d: 1n });
      expect([text, num, den, rateAgrees(rationalOf(text)!, d, computed)]).toEqual([
        text,
        num,
        den,
        bruteForce(scaled, d, num, den, per),
      ]);
    }
  });
});
