import { ViewKey, projectInMemory, recordedEvents } from '@bcl/kernel';
import { GovernanceEvent, governanceProjection } from './governance-projection';
import { GovernanceView, governanceKey as key } from './governance-views';

// fixture-like: the Kent HWB, its chair's seat, the meeting of 14 June 2017 and the resolution it passed
const events = [
  {
    type: 'DecisionBodyEstablished',
    data: {
      bodyId: 'kent-hwb',
      name: 'Kent Health and Wellbeing Board',
      kind: 'health-and-wellbeing-board',
      areaId: 'kent',
      establishedOn: '2013-04-01',
    },
  },
  {
    type: 'BodySeatAssigned',
    data: { bodyId: 'kent-hwb', postId: 'kent-hwb-chair', role: 'chair', from: '2013-04-01', until: null },
  },
  {
    type: 'MeetingRecorded',
    data: {
      meetingId: 'kent-hwb-2017-06-14',
      bodyId: 'kent-hwb',
      date: '2017-06-14',
      venue: 'Sessions House, Maidstone',
      agenda: [],
    },
  },
  {
    type: 'MeetingAttendanceRecorded',
    data: {
      meetingId: 'kent-hwb-2017-06-14',
      present: [{ personId: 'p-0001', capacity: 'member', substituteFor: null }],
      apologies: ['p-0002'],
      inAttendance: [],
    },
  },
  {
    type: 'ResolutionPassed',
    data: {
      resolutionId: 'kent-hwb-2017-06-14-bcf-sign-off',
      meetingId: 'kent-hwb-2017-06-14',
      bodyId: 'kent-hwb',
      meetingDate: '2017-06-14',
      minuteNo: '12',
      itemNo: '5',
      parts: [{ letter: null, text: 'delegate sign-off of the BCF plan to the Chair' }],
      outcome: 'agreed',
      reportsConsidered: [],
      concerns: [],
      authorises: null,
    },
  },
] as GovernanceEvent[];

describe('the governance projection: given events, then views', () => {
  const views = projectInMemory(
    governanceProjection,
    recordedEvents(events.map((e) => ({ ...e, stream: 'governance' }))),
  );
  const get = <V extends GovernanceView>(k: ViewKey<V>) => views.get(k) as V | undefined;

  it('keeps a body with its seats and meetings, and a meeting with its attendance and resolutions', () => {
    expect(get(key.body('kent-hwb'))).toMatchObject({
      seats: [{ postId: 'kent-hwb-chair', role: 'chair' }],
      meetings: [{ meetingId: 'kent-hwb-2017-06-14', date: '2017-06-14' }],
      revision: 1,
    });
    const meeting = get(key.meeting('kent-hwb-2017-06-14'))!;
    expect(meeting).toMatchObject({
      bodyId: 'kent-hwb',
      recordedAt: '2024-01-01T00:00:02.000Z',
      attendance: { apologies: ['p-0002'] },
      revision: 4,
    });
    expect(meeting.resolutions).toEqual([
      expect.objectContaining({
        resolutionId: 'kent-hwb-2017-06-14-bcf-sign-off',
        outcome: 'agreed',
        recordedAt: '2024-01-01T00:00:04.000Z',
      }),
    ]);
    expect(get(key.resolution('kent-hwb-2017-06-14-bcf-sign-off'))).toEqual({
      resolutionId: 'kent-hwb-2017-06-14-bcf-sign-off',
      meetingId: 'kent-hwb-2017-06-14',
    });
  });

  it('keeps each person’s and post’s actions', () => {
    expect(get(key.postActions('kent-hwb-chair'))!.entries).toEqual([
      expect.objectContaining({
        on: '2013-04-01',
        action: 'seat-assigned',
        detail: "chair seat on 'kent-hwb'",
      }),
    ]);
    expect(get(key.personActions('p-0001'))!.entries.map((e) => [e.on, e.action, e.subject.id])).toEqual([
      ['2017-06-14', 'present', 'kent-hwb-2017-06-14'],
    ]);
    expect(get(key.personActions('p-0002'))!.entries.map((e) => e.action)).toEqual(['apologies']);
  });
});
