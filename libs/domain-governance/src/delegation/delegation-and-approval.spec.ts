import { CalendarDate, isWithin } from '@bcl/kernel';
import { refusal } from '@bcl/testing';
import { GOVERNANCE_LIMITS } from '../governance-limits';
import { AuthorityFacts, Delegation } from '../authority';
import { ApprovalsState, AuthorityRefused, approvalsApplyingTo, evolveApprovals } from '../approval/approval';
import { recordApproval } from '../approval/record-approval';
import { recordConsultation } from '../approval/record-consultation';
import { ratifyApproval } from '../approval/ratify-approval';
import { MeetingState, Resolution, evolveMeeting } from '../meeting/meeting';
import { recordMeeting } from '../meeting/record-meeting';
import { recordAttendance } from '../meeting/record-attendance';
import { declareInterests } from '../meeting/declare-interests';
import { passResolution } from '../meeting/pass-resolution';
import { evolveDelegation } from './delegation';
import { GrantFacts, grantDelegation } from './grant-delegation';
import { revokeDelegation } from './revoke-delegation';
import { reportBack } from './report-back';

// Southend-on-Sea HWB, 21 June 2017 (004:62, 004:76): the iBCF plan 2017/18 delegation.
const resolution: Resolution & { meetingDate: string } = {
  resolutionId: 'southend-hwb-2017-06-21-ibcf',
  meetingId: 'southend-hwb-2017-06-21',
  bodyId: 'southend-hwb',
  minuteNo: null,
  itemNo: null,
  parts: [
    {
      letter: '2.3',
      text: 'agree delegated authority … to sign off the iBCF plan for 2017/18 on behalf of HWB',
    },
  ],
  outcome: 'agreed',
  reportsConsidered: [],
  concerns: [],
  authorises: null,
  approvesMinutesOf: null,
  meetingDate: '2017-06-21',
};
const facts: GrantFacts = {
  resolution,
  parentChain: [],
  postExists: (post) => post.startsWith('southend-'),
};
const grant = {
  delegationId: 'southend-ibcf-2017-18',
  grantingBodyId: 'southend-hwb',
  resolutionId: resolution.resolutionId,
  purpose: 'to sign off the iBCF plan for 2017/18 on behalf of HWB',
  delegates: { mode: 'all' as const, posts: ['southend-dce-people', 'southend-ccg-accountable-officer'] },
  consultees: ['southend-hwb-chair', 'southend-hwb-vice-chair'],
  scope: {
    instrumentKind: 'ibcf-plan' as const,
    instrumentId: 'southend-on-sea-2017-18',
    financialLimitPence: null,
  },
  validFrom: '2017-06-21',
  validUntil: null,
  parentDelegationId: null,
  reportBack: { bodyId: 'southend-hwb', by: null },
};
const delegation = grantDelegation(undefined, grant, facts).reduce(
  evolveDelegation,
  undefined as Delegation | undefined,
)!;
const HOLDINGS: Record<string, { personId: string; from: CalendarDate; until: CalendarDate | null }[]> = {
  'southend-dce-people': [{ personId: 'p-0005', from: '2017-06-21', until: null }],
  'southend-ccg-accountable-officer': [{ personId: 'p-0004', from: '2017-06-21', until: null }],
  'southend-hwb-chair': [{ personId: 'p-0007', from: '2017-06-21', until: null }],
  'southend-hwb-vice-chair': [{ personId: 'p-vice', from: '2017-06-21', until: '2017-07-11' }],
};
const authority: AuthorityFacts & { currentVersion: null; obstacles: [] } = {
  holderOn: (post, date) => HOLDINGS[post]?.find((h) => isWithin(date, h.from, h.until))?.personId ?? null,
  delegation: (id) => (id === delegation.delegationId ? delegation : undefined),
  resolution: () => undefined,
  body: () => undefined,
  currentVersion: null,
  obstacles: [],
};
const instrument = { kind: 'ibcf-plan' as const, id: 'southend-on-sea-2017-18', version: 1 };
const consult = (state: ApprovalsState | undefined, postId: string, personId: string, on: string) =>
  recordConsultation(
    state,
    {
      consultationId: `c-${postId}`,
      instrument,
      delegationId: delegation.delegationId,
      postId,
      personId,
      on,
      response: 'concurred',
      note: null,
    },
    { delegation, holderOn: authority.holderOn, currentVersion: null },
  ).reduce(evolveApprovals, state);
const signature = (
  approvalId: string,
  actorPersonId: string,
  actingPostId: string,
  effectiveOn = '2017-07-10',
) => ({
  approvalId,
  instrument,
  actorPersonId,
  actingPostId,
  authority: { kind: 'delegation' as const, delegationId: delegation.delegationId },
  effectiveOn,
  amountPence: null,
  provisionalConditions: null,
});

describe('meetings, resolutions and attendance', () => {
  const meeting = recordMeeting(
    undefined,
    {
      meetingId: 'm',
      bodyId: 'kent-hwb',
      date: '2016-01-27',
      venue: 'Darent Room',
      agenda: [
        { itemNo: '2', title: 'Apologies and Substitutes', urgent: null },
        {
          itemNo: '6',
          title: 'Planning',
          urgent: { reasonForLateness: 'late papers', legalBasis: 's100B LGA 1972' },
        },
      ],
    },
    { body: { establishedOn: '2013-04-01' } },
  ).reduce(evolveMeeting, undefined as MeetingState | undefined)!;

  it('refuses a meeting of an unknown body, before the body existed, or with an item twice', () => {
    const command = { meetingId: 'x', bodyId: 'b', date: '2012-01-01', venue: null, agenda: [] };
    expect(refusal(() => recordMeeting(undefined, command, { body: undefined }))).toBe('not-found bodyId');
    expect(refusal(() => recordMeeting(undefined, command, { body: { establishedOn: '2013-04-01' } }))).toBe(
      'invalid date',
    );
    const twice = { ...command, date: '2016-01-01', agenda: [...meeting.agenda, meeting.agenda[0]!] };
    expect(refusal(() => recordMeeting(undefined, twice, { body: { establishedOn: '2013-04-01' } }))).toBe(
      'invalid agenda[2].itemNo',
    );
  });

  it('links a substitute to a member whose apology is recorded (G3), and refuses one who is not', () => {
    const people = { personExists: (id: string) => id.startsWith('p-') };
    const attendance = {
      meetingId: 'm',
      present: [
        { personId: 'p-gough', capacity: 'chair' as const, substituteFor: null },
        { personId: 'p-ford', capacity: 'member' as const, substituteFor: 'p-cox' },
      ],
      apologies: ['p-cox'],
      inAttendance: [{ personId: 'p-hunter', capacity: 'Principal Democratic Services Officer' }],
    };
    expect(recordAttendance(meeting, attendance, people).map((e) => e.type)).toEqual([
      'MeetingAttendanceRecorded',
    ]);
    expect(refusal(() => recordAttendance(meeting, { ...attendance, apologies: [] }, people))).toBe(
      'invalid present[1].substituteFor',
    );
    expect(
      refusal(() => recordAttendance(meeting, { ...attendance, apologies: ['p-cox', 'p-gough'] }, people)),
    ).toBe('invalid apologies[1]');
    expect(
      refusal(() => recordAttendance(meeting, { ...attendance, apologies: ['x-unknown'] }, people)),
    ).toBe('not-found apologies[0]');
    const twoChairs = {
      ...attendance,
      present: attendance.present.map((p) => ({ ...p, capacity: 'chair' as const })),
    };
    expect(refusal(() => recordAttendance(meeting, twoChairs, people))).toBe('invalid present');
  });

  it('records "none declared" explicitly (G4), and only declarations by members present', () => {
    const attended = recordAttendance(
      meeting,
      {
        meetingId: 'm',
        present: [{ personId: 'p-a', capacity: 'chair', substituteFor: null }],
        apologies: [],
        inAttendance: [],
      },
      { personExists: () => true },
    ).reduce(evolveMeeting, meeting);
    const none = { meetingId: 'm', noneDeclared: true, declarations: [] };
    expect(refusal(() => declareInterests(meeting, none))).toBe('conflict meetingId');
    expect(declareInterests(attended, none)).toEqual([{ type: 'InterestsDeclared', data: none }]);
    expect(refusal(() => declareInterests(attended, { ...none, noneDeclared: false }))).toBe(
      'invalid noneDeclared',
    );
    const declaration = { personId: 'p-b', itemNo: '6', interest: 'employed by a provider' };
    expect(
      refusal(() =>
        declareInterests(attended, { ...none, noneDeclared: false, declarations: [declaration] }),
      ),
    ).toBe('invalid declarations[0].personId');
  });

  it('keeps lettered parts verbatim and refuses duplicates, unknown items and minutes of another body', () => {
    const resolutionFacts = {
      resolutionExists: () => false,
      meeting: (id: string) =>
        id === 'earlier'
          ? { bodyId: 'kent-hwb', date: '2015-11-18' }
          : { bodyId: 'medway-hwb', date: '2015-11-18' },
      postExists: () => true,
    };
    const command = {
      resolutionId: 'r-195',
      meetingId: 'm',
      minuteNo: '195',
      itemNo: '6',
      parts: [
        { letter: 'a', text: 'That the most appropriate planning footprints …' },
        { letter: 'b', text: 'That a range of governance models were emerging be noted …' },
      ],
      outcome: 'resolved' as const,
      reportsConsidered: [],
      concerns: [],
      authorises: null,
      approvesMinutesOf: 'earlier',
    };
    const [passed] = passResolution(meeting, command, resolutionFacts);
    expect(passed).toMatchObject({
      type: 'ResolutionPassed',
      data: { bodyId: 'kent-hwb', meetingDate: '2016-01-27' },
    });
    const state = [passed!].reduce(evolveMeeting, meeting);
    expect(refusal(() => passResolution(state, { ...command, resolutionId: 'r-2' }, resolutionFacts))).toBe(
      'conflict minuteNo',
    );
    expect(refusal(() => passResolution(meeting, { ...command, itemNo: '99' }, resolutionFacts))).toBe(
      'invalid itemNo',
    );
    const unlettered = { ...command, parts: [command.parts[0]!, { letter: null, text: 'x' }] };
    expect(refusal(() => passResolution(meeting, unlettered, resolutionFacts))).toBe('invalid parts');
    expect(
      refusal(() => passResolution(meeting, { ...command, approvesMinutesOf: 'other' }, resolutionFacts)),
    ).toBe('invalid approvesMinutesOf');
    expect(refusal(() => passResolution(undefined, command, resolutionFacts))).toBe('not-found meetingId');
  });
});

describe('delegations', () => {
  it('grants only by a resolution of the granting body, with sound dates, known posts and a real parent', () => {
    expect(delegation).toMatchObject({ delegationId: grant.delegationId, revokedOn: null });
    expect(refusal(() => grantDelegation(undefined, grant, { ...facts, resolution: undefined }))).toBe(
      'not-found resolutionId',
    );
    expect(refusal(() => grantDelegation(undefined, { ...grant, grantingBodyId: 'kent-hwb' }, facts))).toBe(
      'invalid resolutionId',
    );
    expect(refusal(() => grantDelegation(undefined, { ...grant, validFrom: '2017-06-20' }, facts))).toBe(
      'invalid validFrom',
    );
    expect(refusal(() => grantDelegation(undefined, { ...grant, validUntil: '2017-06-21' }, facts))).toBe(
      'invalid validUntil',
    );
    expect(
      refusal(() => grantDelegation(undefined, { ...grant, consultees: ['kent-hwb-chair'] }, facts)),
    ).toBe('not-found posts');
    expect(
      refusal(() => grantDelegation(undefined, { ...grant, consultees: ['southend-dce-people'] }, facts)),
    ).toBe('invalid consultees');
    expect(refusal(() => grantDelegation(undefined, { ...grant, parentDelegationId: 'nope' }, facts))).toBe(
      'not-found parentDelegationId',
    );
    expect(refusal(() => grantDelegation(delegation, grant, facts))).toBe('conflict delegationId');
  });

  it('grants a sub-delegation only while the chain of authority stays within its limit', () => {
    const max = GOVERNANCE_LIMITS.delegationChainLengthMax;
    const child = { ...grant, delegationId: 'child', parentDelegationId: grant.delegationId };
    const chainOf = (length: number) => Array.from({ length }, () => delegation);
    expect(grantDelegation(undefined, child, { ...facts, parentChain: chainOf(max - 1) })).toHaveLength(1);
    expect(refusal(() => grantDelegation(undefined, child, { ...facts, parentChain: chainOf(max) }))).toBe(
      'invalid parentDelegationId',
    );
  });

  it('revokes once, not before the grant, and takes a report-back only at a meeting of the body it is due to', () => {
    const revoke = { delegationId: grant.delegationId, on: '2017-06-20', resolutionId: null };
    expect(refusal(() => revokeDelegation(delegation, revoke))).toBe('invalid on');
    const revoked = revokeDelegation(delegation, { ...revoke, on: '2017-08-01' }).reduce(
      evolveDelegation,
      delegation,
    );
    expect(refusal(() => revokeDelegation(revoked, { ...revoke, on: '2017-08-02' }))).toBe(
      'conflict delegationId',
    );
    const back = { delegationId: grant.delegationId, meetingId: 'm', resolutionId: null };
    expect(reportBack(delegation, back, { meeting: { bodyId: 'southend-hwb', date: '2017-09-20' } })).toEqual(
      [{ type: 'DelegatedDecisionReportedBack', data: { ...back, on: '2017-09-20' } }],
    );
    expect(
      refusal(() => reportBack(delegation, back, { meeting: { bodyId: 'kent-hwb', date: '2017-09-20' } })),
    ).toBe('invalid meetingId');
  });
});

describe('approvals', () => {
  it('takes each delegate’s own signature; the last one completes the approval, after both consultees concurred', () => {
    let state = consult(undefined, 'southend-hwb-chair', 'p-0007', '2017-07-05');
    expect(() => recordApproval(state, signature('dce', 'p-0005', 'southend-dce-people'), authority)).toThrow(
      new AuthorityRefused([
        {
          condition: 'consultee-missing',
          message: "no consultation of post 'southend-hwb-vice-chair' by its holder on or before 2017-07-10",
        },
      ]),
    );
    // a consultee cannot record a consultation in a post they do not hold that day
    expect(refusal(() => consult(state, 'southend-hwb-vice-chair', 'p-vice', '2017-07-11'))).toBe(
      'conflict authority',
    );
    state = consult(state, 'southend-hwb-vice-chair', 'p-vice', '2017-07-05');
    const first = recordApproval(state, signature('dce', 'p-0005', 'southend-dce-people'), authority);
    expect(first).toMatchObject([
      {
        data: {
          complete: false,
          coSignatureIds: [],
          consultationIds: ['c-southend-hwb-chair', 'c-southend-hwb-vice-chair'],
        },
      },
    ]);
    state = first.reduce(evolveApprovals, state);
    expect(
      refusal(() => recordApproval(state, signature('again', 'p-0005', 'southend-dce-people'), authority)),
    ).toBe('conflict actingPostId');
    const second = recordApproval(
      state,
      signature('ao', 'p-0004', 'southend-ccg-accountable-officer', '2017-07-12'),
      authority,
    );
    expect(second).toMatchObject([{ data: { complete: true, coSignatureIds: ['dce'] } }]);
    // the wrong person in the post is refused, whatever else is in order
    expect(
      refusal(() =>
        recordApproval(state, signature('x', 'p-0007', 'southend-ccg-accountable-officer'), authority),
      ),
    ).toBe('conflict authority');
  });

  it('applies an approval to its version only, and refuses one of a superseded version', () => {
    const versioned = {
      ...signature('v1', 'p-0005', 'southend-dce-people'),
      instrument: { ...instrument, version: 1 },
    };
    expect(approvalsApplyingTo([versioned], 2)).toEqual([]);
    expect(approvalsApplyingTo([versioned], 1)).toEqual([versioned]);
    expect(refusal(() => recordApproval(undefined, versioned, { ...authority, currentVersion: 2 }))).toBe(
      'conflict instrument.version',
    );
  });

  it('ratifies a provisional approval by a later resolution of the body that gave the authority, once', () => {
    const provisional = {
      ...signature('p', 'p-0005', 'southend-dce-people'),
      provisionalConditions: 'subject to the s151 letter',
    };
    const state = [
      {
        type: 'ApprovalRecorded' as const,
        data: { ...provisional, consultationIds: [], coSignatureIds: [], complete: false },
      },
    ].reduce(evolveApprovals, undefined as ApprovalsState | undefined);
    const ratify = { instrument, approvalId: 'p', resolutionId: 'r' };
    const later = { ...resolution, resolutionId: 'r', meetingDate: '2017-09-20' };
    const ratified = ratifyApproval(state, ratify, { resolution: later, authorisingBodyId: 'southend-hwb' });
    expect(ratified).toEqual([{ type: 'ApprovalRatified', data: { ...ratify, on: '2017-09-20' } }]);
    expect(
      refusal(() =>
        ratifyApproval(ratified.reduce(evolveApprovals, state), ratify, {
          resolution: later,
          authorisingBodyId: 'southend-hwb',
        }),
      ),
    ).toBe('conflict approvalId');
    expect(
      refusal(() => ratifyApproval(state, ratify, { resolution: later, authorisingBodyId: 'kent-hwb' })),
    ).toBe('invalid resolutionId');
    expect(
      refusal(() =>
        ratifyApproval(state, ratify, {
          resolution: { ...later, meetingDate: '2017-07-01' },
          authorisingBodyId: 'southend-hwb',
        }),
      ),
    ).toBe('invalid resolutionId');
  });
});
