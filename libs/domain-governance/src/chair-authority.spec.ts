import { CalendarDate, isWithin } from '@bcl/kernel';
import { ApprovalRequest, AuthorityBody, AuthorityFacts, CHAIR_SIGNS, checkAuthority } from './authority';
import { ApprovalsState, evolveApprovals } from './approval/approval';
import { RecordApproval, recordApproval } from './approval/record-approval';
import { LoggedGovernanceEvent, signOffActs } from './sign-off/sign-off-acts';
import { ApprovalEvent } from './approval/approval';

// Southend's HWB and its Chair's post; the seat moves to another post from 1 June 2017 (made up, to test the
// seat's own boundary apart from the holding's).
const SOUTHEND_HWB: AuthorityBody = {
  bodyId: 'southend-hwb',
  kind: 'health-and-wellbeing-board',
  areaId: 'southend-on-sea',
  seats: [
    { postId: 'southend-hwb-chair', role: 'chair', from: '2013-04-01', until: '2017-06-01' },
    { postId: 'southend-hwb-new-chair', role: 'chair', from: '2017-06-01', until: null },
    { postId: 'southend-hwb-vice-chair', role: 'vice-chair', from: '2013-04-01', until: null },
  ],
};
const JCG: AuthorityBody = { ...SOUTHEND_HWB, bodyId: 'southend-jcg', kind: 'joint-commissioning-group' };
const HOLDINGS: Record<string, { personId: string; from: CalendarDate; until: CalendarDate | null }[]> = {
  'southend-hwb-chair': [
    { personId: 'p-0007', from: '2017-03-03', until: '2017-05-01' },
    { personId: 'p-0009', from: '2017-05-01', until: null },
  ],
  'southend-hwb-new-chair': [{ personId: 'p-0008', from: '2017-05-01', until: null }],
  'southend-hwb-vice-chair': [{ personId: 'p-vice', from: '2013-04-01', until: null }],
};
const facts = (instrumentAreaId: string | null | undefined = 'southend-on-sea'): AuthorityFacts => ({
  holderOn: (post, date) => HOLDINGS[post]?.find((h) => isWithin(date, h.from, h.until))?.personId ?? null,
  delegation: () => undefined,
  resolution: () => undefined,
  body: (id) => [SOUTHEND_HWB, JCG].find((b) => b.bodyId === id),
  instrumentAreaId,
});
// The Q3 2016-17 return, signed by the Chair on the day it was made (004:1807, 004:2663).
const q3: ApprovalRequest = {
  instrument: { kind: 'quarterly-return', id: 'southend-on-sea-2016-17-q3', version: 4 },
  actorPersonId: 'p-0007',
  actingPostId: 'southend-hwb-chair',
  alsoActing: [],
  authority: { kind: 'chair', bodyId: 'southend-hwb' },
  consultations: [],
  effectiveOn: '2017-03-03',
  amountPence: null,
};
const conditions = (request: ApprovalRequest, known?: string | null) =>
  checkAuthority(request, facts(known)).map((f) => f.condition);

describe("the chair's standing authority to sign a quarterly return on the Board's behalf", () => {
  it('the chair signs only what CHAIR_SIGNS names: the quarterly return', () => {
    expect(CHAIR_SIGNS).toEqual(['quarterly-return']);
  });

  it('accepts the holder of the chair seat on the day, for a return of the Board own area', () => {
    expect(conditions(q3)).toEqual([]);
    // the last day of her holding (it ends, exclusive, on 1 May 2017)
    expect(conditions({ ...q3, effectiveOn: '2017-04-30' })).toEqual([]);
  });

  it("refuses the day before the holding begins and the day it ends, naming the day's holder", () => {
    expect(conditions({ ...q3, effectiveOn: '2017-03-02' })).toEqual(['not-post-holder']);
    const after = checkAuthority({ ...q3, effectiveOn: '2017-05-01' }, facts());
    expect(after.map((f) => f.condition)).toEqual(['not-post-holder']);
    expect(after[0]!.message).toBe(
      "'p-0007' did not hold post 'southend-hwb-chair' on 2017-05-01 ('p-0009' did)",
    );
  });

  it('refuses a post off the chair seat: before the seat is its, and after the seat moves', () => {
    const newChair = { ...q3, actorPersonId: 'p-0008', actingPostId: 'southend-hwb-new-chair' };
    // p-0008 holds the new post from 1 May; the seat is that post's from 1 June
    const before = checkAuthority({ ...newChair, effectiveOn: '2017-05-31' }, facts());
    expect(before.map((f) => f.condition)).toEqual(['not-chair']);
    expect(before[0]!.message).toBe(
      "post 'southend-hwb-new-chair' did not hold the chair seat of 'southend-hwb' on 2017-05-31 ('southend-hwb-chair' did)",
    );
    expect(conditions({ ...newChair, effectiveOn: '2017-06-01' })).toEqual([]);
    // the old post's holder signs on the seat's last day, not on the day it moves
    const oldChair = { ...q3, actorPersonId: 'p-0009' };
    expect(conditions({ ...oldChair, effectiveOn: '2017-05-31' })).toEqual([]);
    expect(conditions({ ...oldChair, effectiveOn: '2017-06-01' })).toEqual(['not-chair']);
    // the vice-chair's seat is not the chair's
    expect(conditions({ ...q3, actorPersonId: 'p-vice', actingPostId: 'southend-hwb-vice-chair' })).toEqual([
      'not-chair',
    ]);
  });

  it('refuses a body that is not recorded, or is not a Health and Wellbeing Board', () => {
    const unknown = checkAuthority({ ...q3, authority: { kind: 'chair', bodyId: 'nowhere-hwb' } }, facts());
    expect(unknown).toEqual([
      { condition: 'authority-unknown', message: "body 'nowhere-hwb' is not recorded" },
    ]);
    expect(conditions({ ...q3, authority: { kind: 'chair', bodyId: 'southend-jcg' } })).toEqual([
      'not-a-board',
    ]);
  });

  it('refuses a return of another area, and accepts one whose area the ledger does not know', () => {
    const other = { ...q3, instrument: { ...q3.instrument, id: 'kent-2016-17-q3' } };
    const refused = checkAuthority(other, facts('kent'));
    expect(refused.map((f) => f.condition)).toEqual(['other-area']);
    expect(refused[0]!.message).toBe(
      "quarterly-return 'kent-2016-17-q3' is for area 'kent'; body 'southend-hwb' is the Board of 'southend-on-sea'",
    );
    expect(conditions(q3, null)).toEqual([]);
    expect(conditions(q3, undefined)).toEqual([]);
  });

  it('refuses a plan signed under the chair authority: a plan needs a resolution or a delegation', () => {
    const plan = {
      ...q3,
      instrument: { kind: 'bcf-plan' as const, id: 'southend-on-sea-2017-19', version: 1 },
    };
    const refused = checkAuthority(plan, facts(null));
    expect(refused.map((f) => f.condition)).toEqual(['out-of-scope']);
    expect(refused[0]!.message).toContain('needs a resolution or a delegation');
  });
});

describe("a chair's signature recorded and read back as a sign-off act", () => {
  const command: RecordApproval = {
    approvalId: 'q3-chair',
    instrument: q3.instrument,
    actorPersonId: 'p-0007',
    actingPostId: 'southend-hwb-chair',
    authority: { kind: 'chair', bodyId: 'southend-hwb' },
    effectiveOn: '2017-03-03',
    amountPence: null,
    provisionalConditions: null,
  };
  const approvalFacts = { ...facts(), currentVersion: 4, obstacles: [] };

  it('records a complete approval with no co-signatures, and refuses the same signature twice', () => {
    const events = recordApproval(undefined, command, approvalFacts);
    expect(events).toEqual([
      {
        type: 'ApprovalRecorded',
        data: { ...command, consultationIds: [], coSignatureIds: [], complete: true },
      },
    ]);
    const state = events.reduce(evolveApprovals, undefined as ApprovalsState | undefined);
    expect(() => recordApproval(state, { ...command, approvalId: 'again' }, approvalFacts)).toThrow(
      /already signed this version/,
    );
  });

  it("a later chair's signature of the same version is not counted as a co-signature of the earlier one", () => {
    const first = recordApproval(undefined, command, approvalFacts).reduce(
      evolveApprovals,
      undefined as ApprovalsState | undefined,
    );
    const [later] = recordApproval(
      first,
      {
        ...command,
        approvalId: 'q3-new-chair',
        actorPersonId: 'p-0008',
        actingPostId: 'southend-hwb-new-chair',
        effectiveOn: '2017-06-01',
      },
      approvalFacts,
    );
    expect(later).toMatchObject({ data: { coSignatureIds: [], complete: true } });
  });

  it('refuses while the return has an obstacle (a failing blocking check, or its submission)', () => {
    const obstacles = [{ checkId: 'submitted', message: 'the return was submitted on 2017-03-03' }];
    expect(() => recordApproval(undefined, command, { ...approvalFacts, obstacles })).toThrow(
      /cannot be signed off while 1 check\(s\) stand in the way: submitted/,
    );
  });

  it('is a signed-off act under the chair authority, with no meeting and no report-back due', () => {
    const [recorded] = recordApproval(undefined, command, approvalFacts);
    const logged: LoggedGovernanceEvent<ApprovalEvent> = {
      event: recorded!,
      recordedAt: '2026-01-01T00:00:00.000Z',
      metadata: { evidence: { citations: ['004:1807'], assumed: null } },
    };
    const acts = signOffActs([logged], new Map(), {
      meetingDates: () => [],
      meetingOfResolution: () => null,
    });
    expect(acts).toEqual([
      expect.objectContaining({
        step: 'signed-off',
        on: '2017-03-03',
        authority: { kind: 'chair', bodyId: 'southend-hwb' },
        signedBy: { postId: 'southend-hwb-chair', personId: 'p-0007' },
        meetingId: null,
        reportBack: null,
      }),
    ]);
  });
});
