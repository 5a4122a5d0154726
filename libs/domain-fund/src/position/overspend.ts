import { AgreementTerms, RiskShare, Schedule } from '../agreement/s75-agreement';
import { splitByShares, splitPence } from '../shared/split-pence';

/**
 * What a scheme's overspend is measured against: the budget in the agreement's schedule, else the scheme's
 * planned expenditure as the fund records it (the stated annual `plan` figure); a cap lower than that, or the
 * cap alone where neither is given, takes its place (`cap`). Else nothing (`none`), and why.
 */
export type OverspendBasis = 'budget' | 'plan' | 'cap' | 'none';

export interface OverspendMeasure {
  overspendBasis: OverspendBasis;
  /** The figure the spend is measured against (null for `none`). */
  overspendBasisPence: number | null;
  /** Why no overspend is measured (only for `none`). */
  overspendNotMeasured: string | null;
  overspendPence: number;
}

export function measureOverspend(
  schedule: Schedule | null,
  plannedPence: number | null,
  actualPence: number,
): OverspendMeasure {
  const none = (why: string): OverspendMeasure => ({
    overspendBasis: 'none',
    overspendBasisPence: null,
    overspendNotMeasured: why,
    overspendPence: 0,
  });
  if (!schedule) return none("the scheme is not in the agreement's schedules for this pool");
  const budget = schedule.budgetPence ?? null;
  const cap = schedule.capPence;
  const given: { basis: OverspendBasis; pence: number } | null =
    budget !== null
      ? { basis: 'budget', pence: budget }
      : plannedPence !== null
        ? { basis: 'plan', pence: plannedPence }
        : null;
  const basis =
    cap !== null && (given === null || cap < given.pence) ? { basis: 'cap' as const, pence: cap } : given;
  if (!basis)
    return none(
      "the agreement's schedule gives the scheme no budget and no cap, and no planned expenditure is stated for it",
    );
  return {
    overspendBasis: basis.basis,
    overspendBasisPence: basis.pence,
    overspendNotMeasured: null,
    overspendPence: Math.max(0, actualPence - basis.pence),
  };
}

/** A bearer of (part of) an overspend: a partner, the risk-share fund, or null where the terms name none. */
export interface Bearer {
  bearer: string | null;
  amountPence: number;
}

/** Who bears an overspend of a scheme under the risk-share terms (no terms: nobody named). */
export function schemeBearers(
  terms: AgreementTerms | null,
  schedule: Schedule | null,
  pence: number,
): Bearer[] {
  if (pence <= 0) return [];
  if (!terms) return [{ bearer: null, amountPence: pence }];
  const share = terms.riskShare;
  if (share.kind === 'incurring-partner')
    return [{ bearer: schedule?.leadPartnerId ?? null, amountPence: pence }];
  if (share.kind === 'percentage-split')
    return splitByShares(pence, share.shares).map((s) => ({
      bearer: s.partnerId,
      amountPence: s.amountPence,
    }));
  return fromRiskShareFund(share.fundPence, pence);
}

/** Met from the risk-share fund up to its size; beyond it the terms name no bearer. */
function fromRiskShareFund(fundPence: number, pence: number): Bearer[] {
  const fromFund = Math.min(fundPence, pence);
  return [
    ...(fromFund > 0 ? [{ bearer: 'risk-share-fund', amountPence: fromFund }] : []),
    ...(pence > fromFund ? [{ bearer: null, amountPence: pence - fromFund }] : []),
  ];
}

interface SchemeOverspend {
  schemeId: string;
  overspendPence: number;
  borneBy: Bearer[];
}

/**
 * The pool's risk share as at the viewpoint. Under `incurring-partner` terms (Kent, brief R1) each scheme's
 * overspend is carried by its bearer outside the pool and never netted against other schemes' underspends: the
 * pool's own position is shown without it. Under shared terms (`percentage-split`, `risk-share-fund`) the risk
 * is pooled: the pool's overspend after netting is split per the terms, to the penny.
 * `surplusPence` is income and brought forward less all spend and carried forward, before any charge.
 */
export function poolRiskShare(
  terms: AgreementTerms | null,
  schemes: SchemeOverspend[],
  surplusPence: number,
  chargedToPartner: (partnerId: string) => number,
) {
  const kind: RiskShare['kind'] | null = terms?.riskShare.kind ?? null;
  const overspent = schemes.filter((s) => s.overspendPence > 0);
  const carriedOutsidePoolPence =
    kind === 'incurring-partner' ? overspent.reduce((sum, s) => sum + s.overspendPence, 0) : 0;
  const poolSurplusPence = surplusPence + carriedOutsidePoolPence;
  const poolOverspendPence = Math.max(0, -poolSurplusPence);
  const bearers = new Map<string | null, { amountPence: number; schemes: string[] }>();
  const add = (b: Bearer, schemeId: string | null) => {
    const entry = bearers.get(b.bearer) ?? { amountPence: 0, schemes: [] };
    entry.amountPence += b.amountPence;
    if (schemeId) entry.schemes.push(schemeId);
    bearers.set(b.bearer, entry);
  };
  if (kind === 'incurring-partner') {
    for (const s of overspent) for (const b of s.borneBy) add(b, s.schemeId);
    // what no scheme's budget explains (spend on unmeasured schemes, DFG, carry-forward): no partner incurred it
    if (poolOverspendPence > 0) add({ bearer: null, amountPence: poolOverspendPence }, null);
  } else if (terms && poolOverspendPence > 0)
    for (const b of schemeBearers(terms, null, poolOverspendPence)) add(b, null);
  else if (poolOverspendPence > 0) add({ bearer: null, amountPence: poolOverspendPence }, null);
  return {
    kind,
    /** Whether one scheme's overspend is netted against others' underspends (shared terms only). */
    nettedAcrossSchemes: kind !== null && kind !== 'incurring-partner',
    /** Overspends carried by their bearers outside the pool (incurring-partner terms). */
    carriedOutsidePoolPence,
    poolSurplusPence,
    bearers: [...bearers.entries()].map(([bearer, { amountPence, schemes: ids }]) => {
      const chargedPence = bearer && bearer !== 'risk-share-fund' ? chargedToPartner(bearer) : 0;
      return {
        bearer,
        amountPence,
        chargedPence,
        notYetChargedPence: Math.max(0, amountPence - chargedPence),
        schemes: ids,
        why:
          bearer === null
            ? kind === 'incurring-partner'
              ? "the pool's overspend that no scheme's budget accounts for: the terms name no bearer"
              : kind === 'risk-share-fund'
                ? 'beyond the risk-share fund: the terms name no bearer'
                : 'no S75 agreement is in effect'
            : null,
      };
    }),
  };
}

export type PoolRiskShare = ReturnType<typeof poolRiskShare>;

/** Pence split in proportion to each partner's committed contributions (the pooled part of the spend). */
export function byContributions(pence: number, committed: Map<string, number>): Map<string, number> {
  return splitPence(
    pence,
    [...committed.entries()].map(([key, weight]) => ({ key, weight })),
  );
}
