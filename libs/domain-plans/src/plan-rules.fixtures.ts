/** The reference data, area and helpers the plan specs share. */
import reference from '../reference/bcf-2017-19.json';
import {
  AreaFacts,
  PlanEvent,
  PlanState,
  PlanningReference,
  checkPlan,
  evolvePlan,
  recordPlanDocument,
} from './index';

export const REFERENCE = reference as PlanningReference;
export const AREA: AreaFacts = {
  areaId: 'kent',
  organisationIds: ['kcc', 'ccg-a', 'district-a', 'district-b'],
  districtIds: ['district-a', 'district-b'],
  twoTier: true,
  memberships: ['kcc', 'ccg-a', 'district-a', 'district-b'].map((organisationId) => ({
    organisationId,
    from: '2013-04-01',
    until: null,
  })),
};
export const base = { planId: 'kent-2017-19', areaId: 'kent', cycle: '2017-19', justification: 'test' };
export const fold = (events: PlanEvent[], state?: PlanState) =>
  events.reduce<PlanState | undefined>(evolvePlan, state)!;
export const contribution = (pence: number, source = 'nhs-minimum', contributorId = 'ccg-a') => ({
  key: `${source}/${contributorId}`,
  source,
  contributorId,
  amountsPence: { '2017-18': pence },
});
/** A scheme with one 2017-18 NHS out-of-hospital spend line. */
export const spending = (pence: number, key = 'reablement', year = '2017-18') => ({
  key,
  name: key,
  type: 'x',
  leadCommissionerId: null,
  providerId: null,
  nationalConditions: ['3'],
  hicmChanges: [],
  spend: [{ year, source: 'nhs-minimum', category: 'nhs-out-of-hospital' as const, amountPence: pence }],
});
export const total = (table: 'pooled-budget' | 'expenditure', value: number) => ({
  key: `${table}/2017-18`,
  table,
  year: '2017-18',
  value,
  source: 'test',
});
export const checksOf = (content: object) => {
  const state = fold(recordPlanDocument(undefined, { ...base, content }, REFERENCE, AREA));
  return checkPlan(state, REFERENCE, AREA);
};
export const find = (content: object, checkId: string) =>
  checksOf(content).find((c) => c.checkId === checkId);
