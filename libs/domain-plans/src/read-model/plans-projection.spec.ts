import { evidenceOf, projectInMemory, recordedEvents } from '@bcl/kernel';
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
      evidence: evidenceOf({}), // recorded without metadata: assumed, saying so
      steps: [{ step: 'approved', on: '2017-12-01', evidence: evidenceOf({}) }],
      lastChangedAt: '2024-01-01T00:00:03.000Z',
      lastChangeEvidence: evidenceOf({}),
      revision: 3,
    });
    expect(views.get(planSummaryKey('medway-2017-19'))).toMatchObject({ version: 1, steps: [], revision: 0 });
  });

  it('shows beside the plan, each step and the last change what it rests on', () => {
    const cited = { citations: ['000:34-36'], assumed: null };
    const assumed = { citations: ['000:442'], assumed: 'an intention read as done' };
    const views = projectInMemory(
      plansProjection,
      recordedEvents([
        {
          stream: 'plan-kent-2017-19',
          type: 'PlanInitiated',
          data: { planId: 'kent-2017-19', areaId: 'kent', cycle: '2017-19' },
          metadata: { evidence: { citations: ['000'], assumed: null } },
        },
        {
          stream: 'plan-kent-2017-19',
          type: 'PlanLifecycleStepRecorded',
          data: {
            planId: 'kent-2017-19',
            version: 1,
            step: 'signed-off',
            on: '2017-09-11',
            parties: [],
            delegated: true,
          },
          metadata: { evidence: cited },
        },
        {
          stream: 'plan-kent-2017-19',
          type: 'PlanLifecycleStepRecorded',
          data: {
            planId: 'kent-2017-19',
            version: 1,
            step: 'reported-back',
            on: '2017-09-20',
            parties: [],
            delegated: false,
          },
          metadata: { evidence: assumed },
        },
      ]),
    );
    expect(views.get(planSummaryKey('kent-2017-19'))).toMatchObject({
      evidence: { citations: ['000'], assumed: null },
      steps: [
        { step: 'signed-off', evidence: cited },
        { step: 'reported-back', evidence: assumed },
      ],
      lastChangeEvidence: assumed,
    });
  });
});
