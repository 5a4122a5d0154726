import { CalendarDate, FinancialYear } from '@bcl/kernel';

/** The funding elements an S75 schedule can carry (Medway: BCF, iBCF and Transforming Care in one S75). */
export const ELEMENTS = ['bcf', 'ibcf', 'dfg', 'transforming-care', 'other'] as const;
export type Element = (typeof ELEMENTS)[number];

/**
 * A scheme the agreement funds from one of its pools, led by one partner, with an optional budget (what the
 * schedule gives the scheme for a year) and an optional cap (the most the pool pays for it). A scheme's
 * overspend is measured against them (position/overspend.ts).
 */
export interface Schedule {
  schemeId: string;
  poolId: string;
  name: string;
  element: Element;
  leadPartnerId: string;
  /** Absent from agreements recorded before schedules carried a budget: read as null. */
  budgetPence?: number | null;
  capPence: number | null;
}

/** What a partner puts into a pool, from which source, for a year (null: every year of the term). */
export interface ContributionRule {
  partnerId: string;
  poolId: string;
  source: string;
  year: FinancialYear | null;
  amountPence: number;
}

/**
 * Who bears an overspend: the partner that incurs it (Kent, brief R1), a percentage split between partners
 * (basis points summing to 10,000), or a risk-share fund set aside in the pool (Rutland £101k, R5).
 */
export type RiskShare =
  | { kind: 'incurring-partner' }
  | { kind: 'percentage-split'; shares: { partnerId: string; basisPoints: number }[] }
  | { kind: 'risk-share-fund'; fundPence: number };

export const UNDERSPEND_TREATMENTS = ['redeploy', 'ring-fence', 'carry-forward'] as const;
export type UnderspendTreatment = (typeof UNDERSPEND_TREATMENTS)[number];

export interface AgreementTerms {
  parties: string[];
  hostPartnerId: string;
  pooledFundManagerPostId: string | null;
  pools: { poolId: string; name: string }[];
  schedules: Schedule[];
  contributionRules: ContributionRule[];
  riskShare: RiskShare;
  underspend: UnderspendTreatment;
  term: { from: CalendarDate; until: CalendarDate | null };
}

/**
 * An S75 agreement: its establishment and each variation, every one a whole set of terms with the date it
 * takes effect. The variation id is the instrument id under which the parties sign (governance approvals).
 */
export interface AgreementState {
  agreementId: string;
  areaId: string;
  versions: { variationId: string; effectiveOn: CalendarDate; summary: string; terms: AgreementTerms }[];
}

export type AgreementEvent =
  | {
      type: 'S75AgreementEstablished';
      data: {
        agreementId: string;
        areaId: string;
        variationId: string;
        effectiveOn: CalendarDate;
        terms: AgreementTerms;
      };
    }
  | {
      type: 'S75AgreementVaried';
      data: {
        agreementId: string;
        variationId: string;
        effectiveOn: CalendarDate;
        summary: string;
        terms: AgreementTerms;
      };
    };

export const agreementStream = (agreementId: string): string => `s75-agreement-${agreementId}`;

export function evolveAgreement(state: AgreementState | undefined, event: AgreementEvent): AgreementState {
  switch (event.type) {
    case 'S75AgreementEstablished': {
      const { agreementId, areaId, variationId, effectiveOn, terms } = event.data;
      return { agreementId, areaId, versions: [{ variationId, effectiveOn, summary: 'established', terms }] };
    }
    case 'S75AgreementVaried': {
      const { variationId, effectiveOn, summary, terms } = event.data;
      return { ...state!, versions: [...state!.versions, { variationId, effectiveOn, summary, terms }] };
    }
  }
}

/** The terms in effect on a date: the latest-recorded version taking effect on or before it; null before any. */
export function agreementAsAt(state: AgreementState, date: CalendarDate) {
  const inEffect = state.versions.filter((v) => v.effectiveOn <= date);
  if (inEffect.length === 0) return null;
  const latest = inEffect.reduce((a, b) => (b.effectiveOn >= a.effectiveOn ? b : a));
  return latest;
}
