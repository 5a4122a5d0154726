import { ViewKey, projectInMemory, recordedEvents } from '@bcl/kernel';
import { GovernanceEvent, governanceProjection } from './governance-projection';
import { GovernanceView, governanceKey as key } from './governance-views';

const cited = (...citations: string[]) => ({ citations, assumed: null });
const assumed = (why: string, ...citations: string[]) => ({ citations, assumed: why });

/** Kent's delegation of sign-off (cited), the Board of 20 Sep 2017 and the report-back (both assumed). */
const given: { event: GovernanceEvent; evidence: ReturnType<typeof cited | typeof assumed> }[] = [
  {
    event: {
      type: 'DecisionBodyEstablished',
      data: {
        bodyId: 'kent-hwb',
        name: 'Kent HWB',
        kind: 'health-and-wellbeing-board',
        areaId: 'kent',
        establishedOn: '2013-04-01',
      },
    },
    evidence: cited('public record'),
  },
  {
    event: {
      type: 'BodySeatAssigned',
      data: { bodyId: 'kent-hwb', postId: 'kent-hwb-chair', role: 'chair', from: '2013-04-01' },
    },
    evidence: assumed('the seat start date stands in', '002:7'),
  },
  {
    event: {
      type: 'MeetingRecorded',
      data: {
        meetingId: 'kent-hwb-2017-09-20',
        bodyId: 'kent-hwb',
        date: '2017-09-20',
        venue: null,
        agenda: [],
      },
    },
    evidence: assumed('the plan only says it will go before the Board (000:442)', '000:442'),
  },
  {
    event: {
      type: 'DelegationGranted',
      data: {
        delegationId: 'kent-sign-off',
        grantingBodyId: 'kent-hwb',
        resolutionId: 'kent-hwb-2017-06-14-bcf-sign-off',
        purpose: 'formal sign off',
        delegates: { mode: 'one', posts: ['kent-hwb-chair'] },
        consultees: [],
        scope: { instrumentKind: 'bcf-plan', instrumentId: 'kent-2017-19', financialLimitPence: null },
        validFrom: '2017-06-14',
        validUntil: null,
        parentDelegationId: null,
        reportBack: { bodyId: 'kent-hwb', by: null },
      },
    },
    evidence: cited('000:440'),
  },
  {
    event: {
      type: 'DelegatedDecisionReportedBack',
      data: {
        delegationId: 'kent-sign-off',
        on: '2017-09-20',
        meetingId: 'kent-hwb-2017-09-20',
        resolutionId: null,
      },
    },
    evidence: assumed('an intention (000:442) read as done', '000:442'),
  },
];

describe('the governance projection shows beside each fact what it rests on', () => {
  const views = projectInMemory(
    governanceProjection,
    recordedEvents(
      given.map(({ event, evidence }) => ({ ...event, stream: 'governance', metadata: { evidence } })),
    ),
  );
  const get = <V extends GovernanceView>(k: ViewKey<V>) => views.get(k) as V;

  it('a body, its seats and its meetings, each with its own evidence', () => {
    expect(get(key.body('kent-hwb'))).toMatchObject({
      evidence: cited('public record'),
      seats: [{ postId: 'kent-hwb-chair', evidence: assumed('the seat start date stands in', '002:7') }],
    });
    expect(get(key.meeting('kent-hwb-2017-09-20')).evidence).toEqual(given[2]!.evidence);
  });

  it('a delegation as granted (cited) and its report-back (assumed: never shown as documented)', () => {
    const delegation = get(key.delegation('kent-sign-off'));
    expect(delegation.evidence).toEqual(cited('000:440'));
    expect(delegation.reportedBack).toEqual({
      on: '2017-09-20',
      meetingId: 'kent-hwb-2017-09-20',
      resolutionId: null,
      recordedAt: expect.any(String),
      evidence: assumed('an intention (000:442) read as done', '000:442'),
    });
    expect(delegation.revokedEvidence).toBeNull();
  });

  it("each post's actions, with the evidence of the fact that named it", () => {
    expect(get(key.postActions('kent-hwb-chair')).entries.map((e) => [e.action, e.evidence.assumed])).toEqual(
      [
        ['seat-assigned', 'the seat start date stands in'],
        ['named-delegate', null],
      ],
    );
  });
});

describe('the governance projection marks what an operator wrote raw (bcl append)', () => {
  const views = projectInMemory(
    governanceProjection,
    recordedEvents(
      given.map(({ event, evidence }, index) => ({
        ...event,
        stream: 'governance',
        metadata:
          index === 3
            ? {
                evidence,
                operatorWrite: { reason: 'restoring the 2017 delegation', intoContextStream: true },
              }
            : { evidence },
      })),
    ),
  );

  it('on the fact the operator wrote, with the reason given, and on no other', () => {
    const delegation = views.get(key.delegation('kent-sign-off')) as GovernanceView & {
      operatorWrite?: unknown;
      reportedBack: { operatorWrite?: unknown };
    };
    expect(delegation.operatorWrite).toEqual({ reason: 'restoring the 2017 delegation' });
    expect(delegation.reportedBack.operatorWrite).toBeUndefined();
    expect((views.get(key.body('kent-hwb')) as { operatorWrite?: unknown }).operatorWrite).toBeUndefined();
  });
});
