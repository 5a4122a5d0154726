import { projectInMemory, recordedEvents } from '@bcl/kernel';
import { PlanEvent } from '../plan/plan';
import { planSummaryKey, plansProjection } from './plans-projection';

describe('the plans projection: given events, then views', () => {
  it('keeps each plan’s current version, that version’s steps, and when it last changed', () => {
    const events: PlanEvent[] = [
      { type: 'PlanInitiated', data: { planId: 'kent-2017-19', areaId: 'kent', cycle: '2017-19' } },
      {
        type: 'PlanLifecycleStepRecorded',
        data: {
          planId: 'kent-2017-19',
          version: 1,
          step: 'submitted',
          on: '2017-09-11',
          parties: ['kent'],
          delegated: false,
        },
      },
      { type: 'PlanVersionStarted', data: { planId: 'kent-2017-19', version: 2, after: 'submitted' } },
      {
        type: 'PlanLifecycleStepRecorded',
        data: {
          planId: 'kent-2017-19',
          version: 2,
          step: 'approved',
          on: '2017-12-01',
          parties: ['nhs-england'],
          delegated: false,
        },
      },
      { type: 'PlanInitiated', data: { planId: 'medway-2017-19', areaId: 'medway', cycle: '2017-19' } },
    ];
    const views = projectInMemory(
      plansProjection,
      recordedEvents(events.map((e) => ({ ...e, stream: `plan-${e.data.planId}` }))),
    );
    expect(views.get(planSummaryKey('kent-2017-19'))).toEqual({
      planId: 'kent-2017-19',
      areaId: 'kent',
      cycle: '2017-19',
      version: 2,
      steps: [{ step: 'approved', on: '2017-12-01' }],
      lastChangedAt: '2024-01-01T00:00:03.000Z',
      revision: 3,
    });
    expect(views.get(planSummaryKey('medway-2017-19'))).toMatchObject({ version: 1, steps: [], revision: 0 });
  });
});
