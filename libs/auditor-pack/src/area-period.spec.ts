import { EventRecord } from '@bcl/kernel';
import { areaStreams, overlaps, yearSpan } from './area-period';

const event = (stream: string, type: string, data: object): EventRecord => ({
  stream,
  type,
  data,
  revision: 0,
  position: 1n,
  recordedAt: '2026-01-01T00:00:00Z',
});

describe('the period of a pack', () => {
  it('spans a financial year or a planning cycle from 1 April to 31 March', () => {
    expect(yearSpan('2017-18')).toEqual({ from: '2017-04-01', to: '2018-03-31' });
    expect(yearSpan('2017-19')).toEqual({ from: '2017-04-01', to: '2019-03-31' });
    expect(yearSpan('1999-00')).toEqual({ from: '1999-04-01', to: '2000-03-31' });
    expect(yearSpan('kent')).toBeNull();
  });

  it('overlaps another span when they share a day', () => {
    const year = { from: '2017-04-01', to: '2018-03-31' };
    expect(overlaps(year, { from: '2018-03-31', to: '2018-04-30' })).toBe(true);
    expect(overlaps(year, { from: '2018-04-01', to: '2018-04-30' })).toBe(false);
  });
});

describe("an area's streams", () => {
  const log = [
    event('body-kent-hwb', 'DecisionBodyEstablished', { bodyId: 'kent-hwb', areaId: 'kent' }),
    event('meeting-kent-hwb-2017-06-14', 'MeetingRecorded', {
      bodyId: 'kent-hwb',
      meetingId: 'kent-hwb-2017-06-14',
    }),
    event('resolution-r1', 'ResolutionIdClaimed', { meetingId: 'kent-hwb-2017-06-14', resolutionId: 'r1' }),
    event('delegation-d1', 'DelegationGranted', { grantingBodyId: 'kent-hwb', delegationId: 'd1' }),
    event('plan-kent-2017-19', 'PlanInitiated', { areaId: 'kent', planId: 'kent-2017-19' }),
    event('approvals-bcf-plan-kent-2017-19', 'ApprovalRecorded', {
      instrument: { kind: 'bcf-plan', id: 'kent-2017-19' },
    }),
    event('s75-agreement-kent-s75', 'S75AgreementEstablished', { agreementId: 'kent-s75', areaId: 'kent' }),
    event('pooled-fund-kent-bcf-2017-18', 'PooledFundYearOpened', {
      agreementId: 'kent-s75',
      poolId: 'kent-bcf',
    }),
    event('body-medway-hwb', 'DecisionBodyEstablished', { bodyId: 'medway-hwb', areaId: 'medway' }),
    event('meeting-medway-hwb-1', 'MeetingRecorded', { bodyId: 'medway-hwb', meetingId: 'medway-hwb-1' }),
    event('organisation-kent-county-council', 'AreaMemberAdded', { areaId: 'kent' }),
  ];

  it("holds the streams established for it and those reached through them, and no other area's", () => {
    expect([...areaStreams(log, 'kent')].sort()).toEqual(
      [
        'approvals-bcf-plan-kent-2017-19',
        'body-kent-hwb',
        'delegation-d1',
        'meeting-kent-hwb-2017-06-14',
        'plan-kent-2017-19',
        'pooled-fund-kent-bcf-2017-18',
        'resolution-r1',
        's75-agreement-kent-s75',
      ].sort(),
    );
    expect([...areaStreams(log, 'medway')].sort()).toEqual(['body-medway-hwb', 'meeting-medway-hwb-1']);
  });
});
