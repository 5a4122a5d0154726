import { refusal } from '../../../test/support/refusal';
import { DomainError } from '@bcl/domain-registry';
import { Delegation } from './authority';
import {
  GrantFacts,
  Resolution,
  approvalsApplyingTo,
  evolveDelegation,
  grantDelegation,
  recordApproval,
  revokeDelegation,
} from './governance';

// Southend-on-Sea HWB, 21 June 2017 (004:62, 004:76): the iBCF plan 2017/18 delegation, proposed in the report.
const resolution: Resolution & { meetingDate: string } = {
  resolutionId: 'southend-hwb-2017-06-21-5',
  meetingId: 'southend-hwb-2017-06-21',
  bodyId: 'southend-hwb',
  minuteNo: '5',
  parts: [
    {
      letter: null,
      text: 'agree delegated authority … to sign off the iBCF plan for 2017/18 on behalf of HWB',
    },
  ],
  outcome: 'agreed',
  concerns: [],
  authorises: null,
  meetingDate: '2017-06-21',
};
const facts: GrantFacts = { resolution, postExists: (post) => post.startsWith('southend-') };
const grant: Omit<Delegation, 'revokedOn' | 'reportedBackOn'> = {
  delegationId: 'southend-ibcf-2017-18',
  grantingBodyId: 'southend-hwb',
  resolutionId: resolution.resolutionId,
  delegates: { mode: 'all', posts: ['southend-dce-people', 'southend-ccg-accountable-officer'] },
  consultees: ['southend-hwb-chair', 'southend-hwb-vice-chair'],
  scope: { instrumentKind: 'ibcf-plan', instrumentId: 'southend-on-sea-2017-18', financialLimitPence: null },
  validFrom: '2017-06-21',
  validUntil: null,
  parentDelegationId: null,
  reportBack: null,
};

describe('delegations and approvals', () => {
  it('grants a delegation only by a resolution of the granting body, with sound dates and known posts', () => {
    const state = grantDelegation(undefined, grant, facts).reduce(
      evolveDelegation,
      undefined as Delegation | undefined,
    )!;
    expect(state).toMatchObject({ delegationId: grant.delegationId, revokedOn: null });
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
    expect(refusal(() => grantDelegation(state, grant, facts))).toBe('conflict delegationId');
    expect(
      refusal(() => revokeDelegation(state, { delegationId: grant.delegationId, on: '2017-06-20' })),
    ).toBe('invalid on');
  });

  it('refuses an approval outside authority, naming each failed condition, and records one within it', () => {
    const delegation = grantDelegation(undefined, grant, facts).reduce(
      evolveDelegation,
      undefined as Delegation | undefined,
    )!;
    const holders: Record<string, string> = {
      'southend-dce-people': 'p-0005',
      'southend-ccg-accountable-officer': 'p-0004',
      'southend-hwb-chair': 'p-0007',
      'southend-hwb-vice-chair': 'p-0008',
    };
    const authority = {
      holderOn: (post: string) => holders[post] ?? null,
      delegation: () => delegation,
      resolution: () => undefined,
    };
    const approval = {
      approvalId: 'a1',
      provisional: false,
      instrument: { kind: 'ibcf-plan' as const, id: 'southend-on-sea-2017-18', version: 1 },
      actorPersonId: 'p-0005',
      actingPostId: 'southend-dce-people',
      alsoActing: [{ postId: 'southend-ccg-accountable-officer', personId: 'p-0004' }],
      authority: { kind: 'delegation' as const, delegationId: grant.delegationId },
      consultations: [{ postId: 'southend-hwb-chair', personId: 'p-0007', on: '2017-06-30' }],
      effectiveOn: '2017-07-01',
      amountPence: null,
    };
    let message = '';
    try {
      recordApproval(approval, authority);
    } catch (error) {
      message = (error as DomainError).reason;
    }
    expect(message).toBe(
      "consultee-missing: no consultation of post 'southend-hwb-vice-chair' by its holder on or before 2017-07-01",
    );
    const withBoth = {
      ...approval,
      consultations: [
        ...approval.consultations,
        { postId: 'southend-hwb-vice-chair', personId: 'p-0008', on: '2017-06-30' },
      ],
    };
    expect(recordApproval(withBoth, authority).map((e) => e.type)).toEqual(['ApprovalRecorded']);
    // the BCF plan is out of this delegation's scope
    expect(
      refusal(() =>
        recordApproval(
          { ...withBoth, instrument: { kind: 'bcf-plan', id: 'southend-on-sea-2017-19', version: 1 } },
          authority,
        ),
      ),
    ).toBe('conflict authority');
    // approvals of version 1 do not apply to version 2
    expect(approvalsApplyingTo([withBoth], 2)).toEqual([]);
    expect(approvalsApplyingTo([withBoth], 1)).toHaveLength(1);
  });
});
