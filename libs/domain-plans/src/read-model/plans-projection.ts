import { LifecycleStep, PlanEvent } from '../plan/plan';

/** The plan list's view: one per plan, with its current version and that version's lifecycle steps. */
export interface PlanSummaryView {
  planId: string;
  areaId: string;
  cycle: string;
  version: number;
  steps: { step: LifecycleStep; on: string }[];
  lastChangedAt: string;
  /** Stream revision: the plan's ETag. */
  revision: number;
}

interface LoggedEvent {
  type: string;
  data: object;
  revision: number;
  recordedAt: string;
}

export const planSummaryKey = (planId: string): string => `plan/${planId}`;
const PLAN_EVENT_TYPES = new Set<PlanEvent['type']>([
  'PlanInitiated',
  'PlanVersionStarted',
  'PlanEntryRecorded',
  'PlanEntryAmended',
  'PlanEntryRemoved',
  'PlanLifecycleStepRecorded',
  'PlanWarningAccepted',
]);

/** Plans by area and cycle, for listing. Plan detail, checks and history are replayed from the plan's stream. */
export const plansProjection = {
  name: 'plans',
  version: 1,
  handles: (event: LoggedEvent): boolean => PLAN_EVENT_TYPES.has(event.type as PlanEvent['type']),
  keysRead: (event: LoggedEvent): string[] => [planSummaryKey((event.data as { planId: string }).planId)],
  apply(
    event: LoggedEvent,
    load: (key: string) => object | undefined,
  ): { key: string; view: PlanSummaryView }[] {
    const planEvent = { type: event.type, data: event.data } as PlanEvent;
    const key = planSummaryKey(planEvent.data.planId);
    const before = load(key) as PlanSummaryView | undefined;
    const touched = { lastChangedAt: event.recordedAt, revision: event.revision };
    switch (planEvent.type) {
      case 'PlanInitiated':
        return [{ key, view: { ...planEvent.data, version: 1, steps: [], ...touched } }];
      case 'PlanVersionStarted':
        return [{ key, view: { ...before!, version: planEvent.data.version, steps: [], ...touched } }];
      case 'PlanLifecycleStepRecorded':
        return [
          {
            key,
            view: {
              ...before!,
              steps: [...before!.steps, { step: planEvent.data.step, on: planEvent.data.on }],
              ...touched,
            },
          },
        ];
      default:
        return [{ key, view: { ...before!, ...touched } }];
    }
  },
};
