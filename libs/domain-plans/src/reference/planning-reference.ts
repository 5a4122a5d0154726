/**
 * Versioned national reference data for one planning cycle: financial years, national conditions, funding
 * sources, metric definitions, validation ranges and uplift rules. It is data (libs/domain-plans/reference/
 * *.json), not code, so a later cycle is recorded by adding a file. The domain receives it as an argument.
 */
export type MetricUnit = 'count' | 'rate-per-100000' | 'percent';

export interface PlanningReference {
  cycle: string;
  title: string;
  source: string;
  financialYears: string[];
  nationalConditions: { id: string; title: string; source: string }[];
  fundingSources: string[];
  metrics: {
    code: string;
    unit: MetricUnit;
    decimals?: number;
    population?: string;
    periodicity: string;
    source: string;
  }[];
  /** Bound on any one plan figure, in pounds (£10bn, twice the national fund). The 0-100,000,000 range of
   * 004:1195 is the quarterly return template's, and Kent's pooled budget alone exceeds it. */
  amountPoundsMax: number;
  /** |stated − computed| at or under this is rounding; over it, a discrepancy (brief §6; default £2). */
  roundingTolerancePence: number;
  /** The same for counts such as admissions. */
  countTolerance: number;
  /** NHS minimum contribution to adult social care: uplift per financial year, in basis points (1.79% = 179). */
  ascUpliftBasisPoints: Record<string, number>;
  ascUpliftSource: string;
  /**
   * Required growth of each contributor's contribution from a funding source between two of the cycle's years
   * (U1), in basis points, with the severity of a shortfall beyond the rounding tolerance and where the figure
   * comes from. A source and pair of years with no entry has no required uplift (U1 says it cannot check).
   */
  contributionUplifts?: ContributionUplift[];
  /** Severity of a rule that cannot be checked because the plan lacks the figures it needs. */
  notCheckableSeverity: 'blocking' | 'warning' | 'information';
}

export interface ContributionUplift {
  fundingSource: string;
  from: string;
  to: string;
  basisPoints: number;
  severity: 'blocking' | 'warning';
  source: string;
}

export const MONEY_LIMIT_PENCE = (reference: PlanningReference): number => reference.amountPoundsMax * 100;
