import { ApprovalEvent } from '../approval/approval';
import { DelegationEvent } from '../delegation/delegation';
import {
  ReportBackDuty,
  outstandingReportBacks,
  reportBackDueOn,
  reportBackOutstanding,
} from '../delegation/report-back-due';
import { Delegation } from '../authority';
import { LoggedGovernanceEvent, signOffActs } from './sign-off-acts';

const DELEGATION = 'kent-hwb-2017-06-14-bcf-sign-off';
/** The Chairman's delegation of 14 June 2017 and its report-back of 20 September, as demo/governance.json records them. */
const granted: LoggedGovernanceEvent<DelegationEvent> = {
  event: {
    type: 'DelegationGranted',
    data: {
      delegationId: DELEGATION,
      grantingBodyId: 'kent-hwb',
      resolutionId: DELEGATION,
      purpose: 'formal sign off of the Kent BCF Plan 2017-19, due to timescales',
      delegates: { mode: 'one', posts: ['kent-hwb-chair'] },
      consultees: [],
      scope: { instrumentKind: 'bcf-plan', instrumentId: 'kent-2017-19', financialLimitPence: null },
      validFrom: '2017-06-14',
      validUntil: null,
      parentDelegationId: null,
      reportBack: { bodyId: 'kent-hwb', by: '2017-09-20' },
    },
  },
  recordedAt: '2026-01-01T00:00:01.000Z',
  metadata: { evidence: { citations: ['000:440-442'], assumed: null } },
};
const reportedBack = (on: string): LoggedGovernanceEvent<DelegationEvent> => ({
  event: {
    type: 'DelegatedDecisionReportedBack',
    data: { delegationId: DELEGATION, on, meetingId: `kent-hwb-${on}`, resolutionId: null },
  },
  recordedAt: '2026-01-01T00:00:03.000Z',
  metadata: { evidence: { citations: ['000:442'], assumed: 'an intention read as done' } },
});
const CHAIRMAN_EVIDENCE = {
  citations: ['000:34-36'],
  assumed: 'the date of exercise is not in the seeds, so the plan date stands in',
};
const approval = (change: Partial<Extract<ApprovalEvent, { type: 'ApprovalRecorded' }>['data']> = {}) =>
  ({
    event: {
      type: 'ApprovalRecorded',
      data: {
        approvalId: 'kent-2017-19-v1-chairman',
        instrument: { kind: 'bcf-plan', id: 'kent-2017-19', version: 1 },
        actorPersonId: 'p-0002',
        actingPostId: 'kent-hwb-chair',
        authority: { kind: 'delegation', delegationId: DELEGATION },
        effectiveOn: '2017-09-11',
        amountPence: null,
        provisionalConditions: null,
        consultationIds: [],
        coSignatureIds: [],
        complete: true,
        ...change,
      },
    },
    recordedAt: '2026-01-01T00:00:02.000Z',
    metadata: { evidence: CHAIRMAN_EVIDENCE },
  }) as LoggedGovernanceEvent<ApprovalEvent>;
const context = { meetingDates: () => ['2017-06-14', '2017-09-20'], meetingOfResolution: () => null };

describe('sign-off acts: the plan version’s steps recorded by the governance acts that carry authority', () => {
  it('makes the Chairman’s approval of version 1 a sign-off under the delegation, with its evidence, and the report-back of 20 September', () => {
    const acts = signOffActs(
      [approval()],
      new Map([[DELEGATION, [granted, reportedBack('2017-09-20')]]]),
      context,
    );
    expect(acts).toEqual([
      {
        step: 'signed-off',
        on: '2017-09-11',
        recordedAt: '2026-01-01T00:00:02.000Z',
        instrument: { kind: 'bcf-plan', id: 'kent-2017-19', version: 1 },
        authority: { kind: 'delegation', delegationId: DELEGATION, grantedBy: DELEGATION },
        approvalId: 'kent-2017-19-v1-chairman',
        signedBy: { postId: 'kent-hwb-chair', personId: 'p-0002' },
        meetingId: null,
        evidence: CHAIRMAN_EVIDENCE,
        reportBack: {
          bodyId: 'kent-hwb',
          by: '2017-09-20',
          decidedOn: '2017-09-11',
          meetingDates: ['2017-06-14', '2017-09-20'],
          reportedBackOn: '2017-09-20',
        },
      },
      expect.objectContaining({
        step: 'reported-back',
        on: '2017-09-20',
        meetingId: 'kent-hwb-2017-09-20',
        recordedAt: '2026-01-01T00:00:03.000Z',
        evidence: { citations: ['000:442'], assumed: 'an intention read as done' },
      }),
    ]);
  });

  it('takes no sign-off from an incomplete, versionless or unratified provisional approval', () => {
    const delegations = new Map([[DELEGATION, [granted]]]);
    expect(signOffActs([approval({ complete: false })], delegations, context)).toEqual([]);
    expect(
      signOffActs(
        [approval({ instrument: { kind: 'bcf-plan', id: 'kent-2017-19', version: null } })],
        delegations,
        context,
      ),
    ).toEqual([]);
    const provisional = approval({ provisionalConditions: 'subject to the Board' });
    expect(signOffActs([provisional], delegations, context)).toEqual([]);
    const ratified: LoggedGovernanceEvent<ApprovalEvent> = {
      event: {
        type: 'ApprovalRatified',
        data: {
          instrument: { kind: 'bcf-plan', id: 'kent-2017-19', version: 1 },
          approvalId: 'kent-2017-19-v1-chairman',
          resolutionId: 'r',
          on: '2017-09-20',
        },
      },
      recordedAt: '2026-01-01T00:00:04.000Z',
    };
    expect(signOffActs([provisional, ratified], delegations, context).map((a) => a.step)).toEqual([
      'signed-off',
    ]);
  });

  it('counts only a report-back on or after the sign-off', () => {
    const acts = signOffActs(
      [approval()],
      new Map([[DELEGATION, [granted, reportedBack('2017-09-10')]]]),
      context,
    );
    expect(acts.map((a) => a.step)).toEqual(['signed-off']);
    expect(acts[0]!.reportBack!.reportedBackOn).toBeNull();
  });

  it('names the resolution and its meeting for a sign-off by the Board itself', () => {
    const byBoard = approval({ authority: { kind: 'resolution', resolutionId: 'kent-hwb-2017-09-20-7' } });
    const [act] = signOffActs([byBoard], new Map(), {
      ...context,
      meetingOfResolution: () => 'kent-hwb-2017-09-20',
    });
    expect(act).toMatchObject({
      step: 'signed-off',
      authority: {
        kind: 'resolution',
        resolutionId: 'kent-hwb-2017-09-20-7',
        meetingId: 'kent-hwb-2017-09-20',
      },
      meetingId: 'kent-hwb-2017-09-20',
      reportBack: null,
    });
  });
  it('marks a sign-off whose approval an operator wrote raw (bcl append), and not its report-back', () => {
    const forged = approval();
    const operatorWritten = {
      ...forged,
      metadata: {
        ...forged.metadata,
        operatorWrite: { reason: 'restoring a lost record', intoContextStream: true },
      },
    };
    const [signedOff, reported] = signOffActs(
      [operatorWritten],
      new Map([[DELEGATION, [granted, reportedBack('2017-09-20')]]]),
      context,
    );
    expect(signedOff!.operatorWrite).toEqual({ reason: 'restoring a lost record' });
    expect(reported!.operatorWrite).toBeUndefined();
    expect(
      signOffActs([forged], new Map([[DELEGATION, [granted]]]), context)[0]!.operatorWrite,
    ).toBeUndefined();
  });
});

describe('a report-back is outstanding after its due date: the given date, or the body’s next meeting', () => {
  const kent: ReportBackDuty = {
    bodyId: 'kent-hwb',
    by: '2017-09-20',
    decidedOn: '2017-09-11',
    meetingDates: ['2017-06-14', '2017-09-20'],
    reportedBackOn: null,
  };
  it('runs from the end of the given date', () => {
    expect(reportBackDueOn(kent)).toBe('2017-09-20');
    expect(reportBackOutstanding(kent, '2017-09-20')).toBe(false);
    expect(reportBackOutstanding(kent, '2017-09-21')).toBe(true);
    expect(reportBackOutstanding({ ...kent, reportedBackOn: '2017-09-20' }, '2017-09-21')).toBe(false);
    // reported back later than the reader's date: still outstanding on that date
    expect(reportBackOutstanding({ ...kent, reportedBackOn: '2017-10-04' }, '2017-09-21')).toBe(true);
  });

  it('for "the next Board", runs from the end of the body’s first meeting after the decision', () => {
    const next = { ...kent, by: null };
    expect(reportBackDueOn(next)).toBe('2017-09-20');
    expect(reportBackOutstanding(next, '2017-09-20')).toBe(false);
    expect(reportBackOutstanding(next, '2017-09-21')).toBe(true);
    // a meeting on the day of the decision is not after it; no later meeting, nothing due yet
    const sameDay = { ...next, meetingDates: ['2017-09-11'] };
    expect(reportBackDueOn(sameDay)).toBeNull();
    expect(reportBackOutstanding(sameDay, '2030-01-01')).toBe(false);
  });

  it('lists Southend’s delegation of 22 March 2017 ("the next appropriate HWB") once the Board met on 21 June without it', () => {
    const southend: Delegation = {
      ...(granted.event.data as Omit<Delegation, 'revokedOn' | 'reportedBackOn'>),
      delegationId: 'southend-hwb-2017-03-22-bcf',
      grantingBodyId: 'southend-hwb',
      validFrom: '2017-03-22',
      reportBack: { bodyId: 'southend-hwb', by: null },
      revokedOn: null,
      reportedBackOn: null,
    };
    const met = (bodyId: string) => (bodyId === 'southend-hwb' ? ['2017-03-22', '2017-06-21'] : []);
    expect(outstandingReportBacks([southend], '2017-06-21', met)).toEqual([]);
    expect(outstandingReportBacks([southend], '2017-06-22', met)).toEqual([southend]);
    expect(outstandingReportBacks([southend], '2017-06-22', () => ['2017-03-22'])).toEqual([]);
  });
});
