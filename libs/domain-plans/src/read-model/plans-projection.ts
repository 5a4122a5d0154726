import {
  EventHandler,
  EventOfType,
  Evidence,
  Recorded,
  ViewKey,
  change,
  defineProjection,
  evidenceOf,
  viewKeyOf,
} from '@bcl/kernel';
import { LifecycleStep, PlanEvent } from '../plan/plan';

/** The plan list's view: one per plan, with its current version and that version's lifecycle steps. */
export interface PlanSummaryView {
  planId: string;
  areaId: string;
  cycle: string;
  version: number;
  /** What the plan's initiation rests on. */
  evidence: Evidence;
  steps: { step: LifecycleStep; on: string; evidence: Evidence }[];
  lastChangedAt: string;
  /** What the last change rests on: citations, or assumed with why. */
  lastChangeEvidence: Evidence;
  /** Stream revision: the plan's ETag. */
  revision: number;
}

export const planSummaryKey = (planId: string): ViewKey<PlanSummaryView> => viewKeyOf(`plan/${planId}`);

type On<T extends PlanEvent['type']> = EventHandler<Recorded<EventOfType<PlanEvent, T>>, PlanSummaryView>;
const summaryOf = (event: { data: { planId: string } }) => planSummaryKey(event.data.planId);
const touched = (event: Recorded<PlanEvent>) => ({
  lastChangedAt: event.recordedAt,
  lastChangeEvidence: evidenceOf(event),
  revision: event.revision,
});

/** Any other change to the plan: only when it last changed, and its revision. */
const touch: On<PlanEvent['type']> = {
  reads: (event) => [summaryOf(event)],
  apply(event, load) {
    const before = load(summaryOf(event))!;
    return [change(summaryOf(event), { ...before, ...touched(event) })];
  },
};

/** Plans by area and cycle, for listing. Plan detail, checks and history are replayed from the plan's stream. */
export const plansProjection = defineProjection<PlanEvent, PlanSummaryView>({
  name: 'plans',
  version: 2,
  handlers: {
    PlanInitiated: {
      apply: (event) => [
        change(summaryOf(event), {
          ...event.data,
          version: 1,
          evidence: evidenceOf(event),
          steps: [],
          ...touched(event),
        }),
      ],
    },
    PlanVersionStarted: {
      reads: (event) => [summaryOf(event)],
      apply(event, load) {
        const before = load(summaryOf(event))!;
        return [
          change(summaryOf(event), { ...before, version: event.data.version, steps: [], ...touched(event) }),
        ];
      },
    },
    PlanLifecycleStepRecorded: {
      reads: (event) => [summaryOf(event)],
      apply(event, load) {
        const before = load(summaryOf(event))!;
        const steps = [
          ...before.steps,
          { step: event.data.step, on: event.data.on, evidence: evidenceOf(event) },
        ];
        return [change(summaryOf(event), { ...before, steps, ...touched(event) })];
      },
    },
    PlanEntryRecorded: touch,
    PlanEntryAmended: touch,
    PlanEntryRemoved: touch,
    PlanWarningAccepted: touch,
  },
});
