import { assert } from '@bcl/kernel';
/**
 * Splits whole pence in proportion to weights, the largest remainders taking the odd pennies (ties by order),
 * so the parts add up to the whole exactly. Integer arithmetic throughout (BigInt for the products).
 */
export function splitPence(
  wholePence: number,
  weights: { key: string; weight: number }[],
): Map<string, number> {
  const totalWeight = BigInt(weights.reduce((sum, w) => sum + w.weight, 0));
  const result = new Map<string, number>();
  if (totalWeight === 0n) return result;
  const parts = weights.map((w, order) => {
    const product = BigInt(wholePence) * BigInt(w.weight);
    return { key: w.key, order, pence: Number(product / totalWeight), remainder: product % totalWeight };
  });
  let left = wholePence - parts.reduce((sum, p) => sum + p.pence, 0);
  const byRemainder = [...parts].sort((a, b) =>
    a.remainder === b.remainder ? a.order - b.order : a.remainder > b.remainder ? -1 : 1,
  );
  for (const part of byRemainder) {
    if (left === 0) break;
    part.pence += 1;
    left -= 1;
  }
  for (const part of parts) result.set(part.key, (result.get(part.key) ?? 0) + part.pence);
  assert(left === 0, `the parts of ${wholePence} pence must add up to it exactly`);
  return result;
}

/** An overspend split between partners by the basis points of the risk-share terms. */
export const splitByShares = (amountPence: number, shares: { partnerId: string; basisPoints: number }[]) =>
  [
    ...splitPence(
      amountPence,
      shares.map((s) => ({ key: s.partnerId, weight: s.basisPoints })),
    ).entries(),
  ].map(([partnerId, pence]) => ({ partnerId, amountPence: pence }));
