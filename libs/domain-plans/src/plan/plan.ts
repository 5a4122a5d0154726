import { MetricUnit } from '../reference/planning-reference';

/** Money is integer pence throughout; amounts per financial year ("2017-18"). */
export type AmountsByYear = Record<string, number>;

export const SPEND_CATEGORIES = ['nhs-out-of-hospital', 'adult-social-care', 'other'] as const;
export type SpendCategory = (typeof SPEND_CATEGORIES)[number];

export interface Contribution {
  key: string;
  source: string;
  contributorId: string;
  amountsPence: AmountsByYear;
}
export interface DfgPassDown {
  key: string;
  districtId: string;
  amountsPence: AmountsByYear;
}
export interface Scheme {
  key: string;
  name: string;
  type: string;
  leadCommissionerId: string | null;
  providerId: string | null;
  nationalConditions: string[];
  hicmChanges: string[];
  /** Planned spend lines; source and category are null where the document does not say. */
  spend: { year: string; source: string | null; category: SpendCategory | null; amountPence: number }[];
}
export interface MetricTrajectory {
  key: string;
  metric: string;
  /** "2017-18" for annual figures, "2017-18 Q1" for quarterly ones. */
  period: string;
  numerator: number | null;
  denominator: number | null;
  /** As printed, e.g. "510.2" or "40002": kept as text so its precision is the document's. */
  statedValue: string;
  unit: MetricUnit;
}
export interface ConditionStatement {
  key: string;
  condition: string;
  text: string;
}
export interface Risk {
  key: string;
  description: string;
  likelihood: number;
  impact: number;
  /** The "overall risk factor" as printed, if printed. */
  statedScore: number | null;
  mitigations: string;
  owner: string | null;
}
export interface HicmAssessment {
  key: string;
  change: string;
  level: 'not-yet-established' | 'plans-in-place' | 'established' | 'mature' | 'exemplary';
  actionPlan: string;
}
export interface Narrative {
  key: string;
  heading: string;
  text: string;
}
/** A total as printed in the submitted document, kept beside the total computed from its parts. */
export interface StatedTotal {
  key: string;
  table:
    | 'pooled-budget'
    | 'nhs-minimum'
    | 'nhs-additional'
    | 'dfg'
    | 'council-additional'
    | 'ibcf'
    | 'expenditure'
    | 'nea-annual';
  year: string;
  /** Pence for money tables; a count for 'nea-annual'. */
  value: number;
  source: string;
}
export interface AscBaseline {
  key: string;
  /** The assured 2016-17 NHS-to-adult-social-care figure (or an IPB-agreed alternative), in pence. */
  baselinePence: number;
  frontloaded: boolean;
  source: string;
}

/**
 * The planned NHS-minimum contribution to adult social care (national condition 2), per year, in pence: the
 * figure C2 compares with the required minimum. Where it is not given, C2 falls back to scheme spend lines.
 */
export interface AscNhsMinimum {
  key: string;
  amountsPence: AmountsByYear;
  source: string;
}

/** A declared variant: this plan is another version of plan `of` for the same area and cycle, and why (V1). */
export interface PlanVariant {
  key: string;
  of: string;
  why: string;
}

/** A recorded joint agreement to keep DFG money with the county rather than pass it all down (F13). */
export interface DfgJointAgreement {
  key: string;
  year: string;
  source: string;
}

/** Every part of a plan, by section. Each entry has a key unique within its section. */
export interface PlanContent {
  contributions: Contribution[];
  dfgPassDown: DfgPassDown[];
  schemes: Scheme[];
  metrics: MetricTrajectory[];
  conditionStatements: ConditionStatement[];
  risks: Risk[];
  hicm: HicmAssessment[];
  narratives: Narrative[];
  statedTotals: StatedTotal[];
  ascBaseline: AscBaseline[];
  dfgJointAgreements: DfgJointAgreement[];
  /** At most one entry. */
  ascNhsMinimum: AscNhsMinimum[];
  /** At most one entry. */
  variant: PlanVariant[];
}
export type PlanSection = keyof PlanContent;
export const PLAN_SECTIONS: PlanSection[] = [
  'contributions',
  'dfgPassDown',
  'schemes',
  'metrics',
  'conditionStatements',
  'risks',
  'hicm',
  'narratives',
  'statedTotals',
  'ascBaseline',
  'dfgJointAgreements',
  'ascNhsMinimum',
  'variant',
];
export type PlanEntry = PlanContent[PlanSection][number];

export const LIFECYCLE_STEPS = [
  'jointly-agreed',
  'signed-off',
  'reported-back',
  'submitted',
  'regionally-assured',
  'approved',
  'not-approved',
] as const;
export type LifecycleStep = (typeof LIFECYCLE_STEPS)[number];

export type PlanEvent =
  | { type: 'PlanInitiated'; data: { planId: string; areaId: string; cycle: string } }
  | {
      type: 'PlanVersionStarted';
      /** `after`: what settled the previous version: its last lifecycle step, or an approval (governance). */
      data: { planId: string; version: number; after: LifecycleStep | 'approval' };
    }
  | {
      type: 'PlanEntryRecorded' | 'PlanEntryAmended';
      data: {
        planId: string;
        version: number;
        section: PlanSection;
        key: string;
        entry: PlanEntry;
        previous: PlanEntry | null;
        justification: string;
      };
    }
  | {
      type: 'PlanEntryRemoved';
      data: {
        planId: string;
        version: number;
        section: PlanSection;
        key: string;
        previous: PlanEntry;
        justification: string;
      };
    }
  | {
      type: 'PlanLifecycleStepRecorded';
      data: {
        planId: string;
        version: number;
        step: LifecycleStep;
        on: string;
        /** Who agreed or signed: organisation ids (joint agreement) or a description of the signatory. */
        parties: string[];
        /** Signed off by a delegate (so the Board must hear of it: P12). */
        delegated: boolean;
      };
    }
  | { type: 'PlanWarningAccepted'; data: { planId: string; version: number; checkId: string } };

export interface PlanState {
  planId: string;
  areaId: string;
  cycle: string;
  version: number;
  content: PlanContent;
  /** Lifecycle steps recorded in the current version, in order. */
  steps: { step: LifecycleStep; on: string; parties: string[]; delegated: boolean }[];
  /** Check ids a finance officer accepted in the current version. */
  acceptedWarnings: string[];
}

export const planStream = (planId: string): string => `plan-${planId}`;

const emptyContent = (): PlanContent => ({
  contributions: [],
  dfgPassDown: [],
  schemes: [],
  metrics: [],
  conditionStatements: [],
  risks: [],
  hicm: [],
  narratives: [],
  statedTotals: [],
  ascBaseline: [],
  dfgJointAgreements: [],
  ascNhsMinimum: [],
  variant: [],
});

export function evolvePlan(state: PlanState | undefined, event: PlanEvent): PlanState {
  if (event.type === 'PlanInitiated')
    return { ...event.data, version: 1, content: emptyContent(), steps: [], acceptedWarnings: [] };
  if (!state) throw new Error('invariant violated: plan event before PlanInitiated');
  switch (event.type) {
    case 'PlanVersionStarted':
      return { ...state, version: event.data.version, steps: [], acceptedWarnings: [] };
    case 'PlanEntryRecorded':
    case 'PlanEntryAmended':
    case 'PlanEntryRemoved': {
      const { section, key } = event.data;
      const others = (state.content[section] as PlanEntry[]).filter((entry) => entry.key !== key);
      const entries = event.type === 'PlanEntryRemoved' ? others : [...others, event.data.entry];
      entries.sort((a, b) => a.key.localeCompare(b.key));
      return { ...state, content: { ...state.content, [section]: entries } };
    }
    case 'PlanLifecycleStepRecorded': {
      const { step, on, parties, delegated } = event.data;
      return { ...state, steps: [...state.steps, { step, on, parties, delegated }] };
    }
    case 'PlanWarningAccepted':
      return { ...state, acceptedWarnings: [...state.acceptedWarnings, event.data.checkId] };
  }
}
