import { CalendarDate, DomainError, isWithin } from '@bcl/kernel';
import { DeciderSpecification, refusedAs } from '@bcl/testing';
import { AuthorityFacts, Delegation } from '../authority';
import { ApprovalEvent, ApprovalsState, AuthorityRefused, Consultation, evolveApprovals } from './approval';
import { ConsultationFacts, recordConsultation } from './record-consultation';
import { ApprovalFacts, RecordApproval, recordApproval } from './record-approval';

const approvals = DeciderSpecification.for<ApprovalsState, ApprovalEvent>({ evolve: evolveApprovals });

/** The Chairman's delegation of 14 June 2017, as demo/governance.json grants it (000:440-442). */
const KENT: Delegation = {
  delegationId: 'kent-hwb-2017-06-14-bcf-sign-off',
  grantingBodyId: 'kent-hwb',
  resolutionId: 'kent-hwb-2017-06-14-bcf-sign-off',
  purpose: 'formal sign off of the Kent BCF Plan 2017-19, due to timescales',
  delegates: { mode: 'one', posts: ['kent-hwb-chair'] },
  consultees: [],
  scope: { instrumentKind: 'bcf-plan', instrumentId: 'kent-2017-19', financialLimitPence: null },
  validFrom: '2017-06-14',
  validUntil: null,
  revokedOn: null,
  parentDelegationId: null,
  reportBack: { bodyId: 'kent-hwb', by: '2017-09-20' },
  reportedBackOn: null,
};
/** Southend's iBCF delegation of 21 June 2017 (004:62, 004:76): in conjunction with the Chair and Vice Chair. */
const SOUTHEND_IBCF: Delegation = {
  ...KENT,
  delegationId: 'southend-hwb-2017-06-21-ibcf',
  grantingBodyId: 'southend-hwb',
  resolutionId: 'southend-hwb-2017-06-21-ibcf',
  purpose: 'sign off the iBCF plan for 2017/18 on behalf of HWB',
  delegates: { mode: 'all', posts: ['southend-dce-people', 'southend-ccg-accountable-officer'] },
  consultees: ['southend-hwb-chair', 'southend-hwb-vice-chair'],
  scope: { instrumentKind: 'ibcf-plan', instrumentId: 'southend-on-sea-2017-18', financialLimitPence: null },
  validFrom: '2017-06-21',
  reportBack: null,
};
/** Post holders as demo/registry.json appoints them: Mr Gough in the chair until Mr Oakford on 11 Sep 2017. */
const HOLDINGS: Record<string, { personId: string; from: CalendarDate; until: CalendarDate | null }[]> = {
  'kent-hwb-chair': [
    { personId: 'p-0001', from: '2016-01-27', until: '2017-09-11' },
    { personId: 'p-0002', from: '2017-09-11', until: null },
  ],
  'southend-hwb-chair': [{ personId: 'p-0007', from: '2017-06-21', until: null }],
};
const holderOn = (post: string, date: CalendarDate) =>
  HOLDINGS[post]?.find((h) => isWithin(date, h.from, h.until))?.personId ?? null;

describe('a consultation is validated like an approval (brief D2, D5)', () => {
  const consultation: Consultation = {
    consultationId: 'c-chair',
    instrument: { kind: 'ibcf-plan', id: 'southend-on-sea-2017-18', version: 1 },
    delegationId: SOUTHEND_IBCF.delegationId,
    postId: 'southend-hwb-chair',
    personId: 'p-0007',
    on: '2017-07-10',
    response: 'concurred',
    note: null,
  };
  const facts: ConsultationFacts = { delegation: SOUTHEND_IBCF, holderOn, currentVersion: null };
  const consult = (change: Partial<Consultation>, given: Partial<ConsultationFacts> = {}) =>
    approvals
      .given([])
      .when((state) => recordConsultation(state, { ...consultation, ...change }, { ...facts, ...given }));
  const refusedFor = (condition: string) => (error: unknown) => {
    expect(error).toBeInstanceOf(AuthorityRefused);
    expect((error as AuthorityRefused).failures.map((f) => f.condition)).toEqual([condition]);
  };

  it('records the Chair’s concurrence on the version consulted on', () => {
    consult({}).then([{ type: 'ConsultationRecorded', data: consultation }]);
  });

  it('needs the version, and the current one where the ledger versions the instrument', () => {
    consult({ instrument: { ...consultation.instrument, version: null } }).thenThrows(
      refusedAs('invalid', 'instrument.version'),
    );
    consult({}, { currentVersion: 2 }).thenThrows(refusedAs('conflict', 'instrument.version'));
    consult({ instrument: { ...consultation.instrument, version: 2 } }, { currentVersion: 2 }).then([
      {
        type: 'ConsultationRecorded',
        data: { ...consultation, instrument: { ...consultation.instrument, version: 2 } },
      },
    ]);
  });

  it('needs a granted delegation that covers the instrument', () => {
    consult({}, { delegation: undefined }).thenThrows(refusedAs('not-found', 'delegationId'));
    consult({ instrument: { kind: 'bcf-plan', id: 'southend-on-sea-2017-19', version: 1 } }).thenThrows(
      refusedFor('out-of-scope'),
    );
    consult({ instrument: { kind: 'ibcf-plan', id: 'kent-2017-18', version: 1 } }).thenThrows(
      refusedFor('out-of-scope'),
    );
  });

  it('needs the delegation in force on the day: from its grant, before its end, before its revocation', () => {
    consult({ on: '2017-06-20' }).thenThrows(refusedFor('not-in-force'));
    consult({ on: '2017-06-21' }).then([
      { type: 'ConsultationRecorded', data: { ...consultation, on: '2017-06-21' } },
    ]);
    const ended = { ...SOUTHEND_IBCF, validUntil: '2017-07-10' };
    consult({}, { delegation: ended }).thenThrows(refusedFor('not-in-force'));
    consult({ on: '2017-07-09' }, { delegation: ended }).then([
      { type: 'ConsultationRecorded', data: { ...consultation, on: '2017-07-09' } },
    ]);
    const revoked = { ...SOUTHEND_IBCF, revokedOn: '2017-07-10' };
    consult({}, { delegation: revoked }).thenThrows(refusedFor('revoked'));
    consult({ on: '2017-07-09' }, { delegation: revoked }).then([
      { type: 'ConsultationRecorded', data: { ...consultation, on: '2017-07-09' } },
    ]);
  });

  it('takes it only from the holder of a consultee post, and once', () => {
    const refusedFor = (condition: string) => (error: unknown) => {
      expect(error).toBeInstanceOf(AuthorityRefused);
      expect((error as AuthorityRefused).failures.map((f) => f.condition)).toEqual([condition]);
    };
    consult({ postId: 'southend-dce-people' }).thenThrows(refusedFor('post-not-authorised'));
    consult({ personId: 'p-0005' }).thenThrows(refusedFor('not-post-holder'));
    approvals
      .given([{ type: 'ConsultationRecorded', data: consultation }])
      .when((state) => recordConsultation(state, consultation, facts))
      .thenThrows(refusedAs('conflict', 'consultationId'));
  });
});

describe('an approval refusal names the first failing condition of authority', () => {
  const authority: AuthorityFacts = {
    holderOn,
    delegation: (id) => (id === KENT.delegationId ? KENT : undefined),
    resolution: () => undefined,
    body: () => undefined,
  };
  const facts: ApprovalFacts = { ...authority, currentVersion: 1, obstacles: [] };
  const chairman: RecordApproval = {
    approvalId: 'kent-2017-19-v1-chairman',
    instrument: { kind: 'bcf-plan', id: 'kent-2017-19', version: 1 },
    actorPersonId: 'p-0002',
    actingPostId: 'kent-hwb-chair',
    authority: { kind: 'delegation', delegationId: KENT.delegationId },
    effectiveOn: '2017-09-11',
    amountPence: null,
    provisionalConditions: null,
  };
  const [signed] = recordApproval(undefined, chairman, facts);
  const again = { ...chairman, approvalId: 'again' };

  it('records the Chairman’s sign-off of version 1 on 11 September 2017, and no second one by him', () => {
    expect(signed).toEqual({
      type: 'ApprovalRecorded',
      data: { ...chairman, consultationIds: [], coSignatureIds: [], complete: true },
    });
    approvals
      .given([signed!])
      .when((state) => recordApproval(state, again, facts))
      .thenThrows(refusedAs('conflict', 'actingPostId'));
  });

  it('tells a repeat signer about the authority first: revoked, or no longer covering them', () => {
    const revoked = { ...KENT, revokedOn: '2017-09-15' };
    approvals
      .given([signed!])
      .when((state) =>
        recordApproval(
          state,
          { ...again, effectiveOn: '2017-09-15' },
          {
            ...facts,
            delegation: () => revoked,
          },
        ),
      )
      .thenThrows((error) => {
        expect(error).toBeInstanceOf(AuthorityRefused);
        expect((error as DomainError).field).toBe('authority');
        expect((error as AuthorityRefused).failures.map((f) => f.condition)).toEqual(['revoked']);
      });
    const ended = { ...KENT, validUntil: '2017-09-12' };
    approvals
      .given([signed!])
      .when((state) =>
        recordApproval(state, { ...again, effectiveOn: '2017-09-12' }, { ...facts, delegation: () => ended }),
      )
      .thenThrows(refusedAs('conflict', 'authority'));
    // the day before the end, the same repeat is refused as a repeat
    approvals
      .given([signed!])
      .when((state) =>
        recordApproval(state, { ...again, effectiveOn: '2017-09-11' }, { ...facts, delegation: () => ended }),
      )
      .thenThrows(refusedAs('conflict', 'actingPostId'));
  });

  it('refuses a sign-off dated before the version takes effect, and records one from that day', () => {
    const dated = { ...facts, versionEffectiveOn: '2017-09-11' };
    approvals
      .given([])
      .when((state) => recordApproval(state, { ...chairman, effectiveOn: '2017-09-10' }, dated))
      .thenThrows(refusedAs('conflict', 'effectiveOn'));
    expect(recordApproval(undefined, chairman, dated)).toEqual([signed]);
  });

  it('needs a version to sign', () => {
    approvals
      .given([])
      .when((state) =>
        recordApproval(state, { ...chairman, instrument: { ...chairman.instrument, version: null } }, facts),
      )
      .thenThrows(refusedAs('invalid', 'instrument.version'));
  });

  it('refuses a version with unaccepted checks, naming them, once authority is in order', () => {
    const obstacles = [
      {
        checkId: 'P10:carers-break',
        message: "scheme 'Carers Break (rolled from 16/17)' supports no national condition",
      },
    ];
    approvals
      .given([])
      .when((state) => recordApproval(state, chairman, { ...facts, obstacles }))
      .thenThrows((error) => {
        expect(error).toBeInstanceOf(DomainError);
        expect({ kind: (error as DomainError).kind, field: (error as DomainError).field }).toEqual({
          kind: 'conflict',
          field: 'checks',
        });
        expect((error as DomainError).message).toContain('P10:carers-break');
      });
    // Mr Gough, no longer in the chair, is told about his authority, not the checks
    approvals
      .given([])
      .when((state) =>
        recordApproval(state, { ...chairman, actorPersonId: 'p-0001' }, { ...facts, obstacles }),
      )
      .thenThrows(refusedAs('conflict', 'authority'));
  });
});
