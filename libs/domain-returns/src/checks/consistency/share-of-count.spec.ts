import { rationalOf } from '../decimal';
import { checkOf, seededRandom, underCheck } from '../test-template';
import { shareFeasibility } from './share-of-count';

const ID = 'R2:additional.phb.chcPercent';
const feasibility = (percent: string, n: number) =>
  shareFeasibility(rationalOf(percent)!, (percent.split('.')[1] ?? '').length, BigInt(n));

/** Brute force, by another formula: some k in 0..n has 2·n·P − n ≤ 200·k·10^d < 2·n·P + n (half up). */
function bruteForce(scaledPercent: bigint, decimals: number, n: bigint): boolean {
  const unit = 200n * 10n ** BigInt(decimals);
  for (let k = 0n; k <= n; k += 1n) {
    const x = unit * k;
    if (2n * n * scaledPercent - n <= x && x < 2n * n * scaledPercent + n) return true;
  }
  return false;
}

describe('share of count (a percentage is a whole number of its base)', () => {
  it('94% of 24 is infeasible: the nearest are 92% (22) and 96% (23), both feasible', () => {
    expect(feasibility('94', 24)).toEqual({
      feasible: false,
      below: { k: 22n, printed: '92' },
      above: { k: 23n, printed: '96' },
    });
    expect(feasibility('96', 24).feasible).toBe(true);
    expect(feasibility('92', 24).feasible).toBe(true);
    expect(feasibility('93', 24).feasible).toBe(false);
  });

  it('0% and 100% are feasible of any base; past them nothing is', () => {
    expect(feasibility('0', 24).feasible).toBe(true);
    expect(feasibility('100', 24).feasible).toBe(true);
    expect(feasibility('100', 1).feasible).toBe(true);
    expect(feasibility('101', 24)).toEqual({
      feasible: false,
      below: { k: 24n, printed: '100' },
      above: null,
    });
    expect(feasibility('-1', 24)).toEqual({ feasible: false, below: null, above: { k: 0n, printed: '0' } });
  });

  it('reads the precision the percentage is printed with', () => {
    expect(feasibility('91.7', 24).feasible).toBe(true); // 22/24 = 91.67
    expect(feasibility('91.6', 24).feasible).toBe(false);
    expect(feasibility('92.0', 24).feasible).toBe(false);
    expect(feasibility('50', 3)).toMatchObject({
      feasible: false,
      below: { printed: '33' },
      above: { printed: '67' },
    });
    expect(feasibility('50.0', 3)).toMatchObject({ below: { printed: '33.3' }, above: { printed: '66.7' } });
  });

  it('rounds half up at the boundary: 1 of 8 is 12.5%, printed 13', () => {
    expect(feasibility('13', 8).feasible).toBe(true);
    expect(feasibility('12', 8).feasible).toBe(false);
  });

  it('reports on the return: a finding naming both figures, a pass, and a base of 0 not checkable', () => {
    const finding = checkOf(underCheck(2, { 'additional.phb.chcPercent': '94' }), ID)!;
    expect(finding).toMatchObject({ outcome: 'fail', kind: 'consistency', section: 'additional' });
    expect(finding.message).toContain('the nearest are 92 (22 of 24) and 96 (23 of 24)');
    expect(finding.cells.map((c) => [c.field, c.value])).toEqual([
      ['additional.phb.chcPercent', '94'],
      ['additional.phb.total', 24],
    ]);
    expect(checkOf(underCheck(2, { 'additional.phb.chcPercent': '96' }), ID)?.outcome).toBe('pass');
    for (const percent of ['0', '100'])
      expect(
        checkOf(underCheck(2, { 'additional.phb.chcPercent': percent, 'additional.phb.total': 0 }), ID)
          ?.outcome,
      ).toBe('not-checkable');
  });

  it('agrees with a brute force over every k on 2,000 seeded random cases', () => {
    const random = seededRandom(13);
    for (let i = 0; i < 2000; i += 1) {
      const n = BigInt(1 + random(300));
      const decimals = random(3);
      const scaled = BigInt(random(102 * 10 ** decimals)); // up to 101.x%
      const text =
        decimals === 0
          ? `${scaled}`
          : `${scaled / 10n ** BigInt(decimals)}.${(scaled % 10n ** BigInt(decimals)).toString().padStart(decimals, '0')}`;
      const result = shareFeasibility(rationalOf(text)!, decimals, n);
      expect([text, n, result.feasible]).toEqual([text, n, bruteForce(scaled, decimals, n)]);
      for (const nearest of [result.below, result.above])
        if (nearest)
          expect(
            bruteForce(
              rationalOf(nearest.printed)!.n * (10n ** BigInt(decimals) / rationalOf(nearest.printed)!.d),
              decimals,
              n,
            ),
          ).toBe(true);
    }
  });
});
