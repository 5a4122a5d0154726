import express from 'express';
import { GovernanceAct } from '@bcl/application';
import { operatorWriteMark } from '@bcl/kernel';
import { configureNunjucks } from '../../apps/web/src/views/nunjucks-environment';
import { signOffRows, ProvenanceApproval } from '../../apps/web/src/features/plans/sign-off-view';
import { timelineItem } from '../../apps/web/src/features/decisions/decisions-support';
import { transactionsPage } from '../../apps/web/src/features/fund/transactions-page';

/**
 * Every page that shows an event's provenance marks an operator write (`bcl append`) the same way, with the
 * operator's reason, through one macro (views/operator-write.njk), and marks nothing a context's rules wrote. The
 * marks come from the events' metadata as `bcl append --into-context-stream --reason` writes it.
 */
const environment = configureNunjucks(express());
const render = (view: string, context: Record<string, unknown>) =>
  environment.render(view, { viewpoint: {}, dataLinks: [], ...context });

const REASON = 'restoring the <b>lost</b> approval';
const ESCAPED = 'restoring the &lt;b&gt;lost&lt;/b&gt; approval';
/** What `bcl append --into-context-stream --reason …` records, and what a context's own write records. */
const operatorMetadata = {
  actor: { id: 'os-user:ops' },
  correlationId: 'c1',
  operatorWrite: { reason: REASON, intoContextStream: true },
};
const ordinaryMetadata = { actor: { id: 'governance-officer' }, correlationId: 'c2', reason: 'minutes' };
const marked = operatorWriteMark(operatorMetadata);
const ordinary = operatorWriteMark(ordinaryMetadata);

const MARK = '<strong class="govuk-tag govuk-tag--orange">Operator write</strong>';
const MARKED_TEXT = `Reason given: ${ESCAPED}`;
/** The part of `html` from the first `from` to the next `until` after it. */
const part = (html: string, from: string, until: string) => {
  const start = html.indexOf(from);
  expect(start).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf(until, start + from.length));
};
const expectMarked = (html: string) => {
  expect(html).toContain(MARK);
  expect(html).toContain(MARKED_TEXT);
};
const expectUnmarked = (html: string) => expect(html).not.toContain('Operator write');

describe('the operator-write mark (views/operator-write.njk)', () => {
  const macro = (mark: unknown) =>
    environment.renderString(
      '{% from "views/operator-write.njk" import operatorWriteMark %}{{ operatorWriteMark(mark) }}',
      { mark },
    );

  it('is a warning-coloured tag and the reason as text, read as one sentence without CSS', () => {
    const html = macro(marked.operatorWrite);
    expectMarked(html);
    // the visually hidden colon joins tag and reason for a screen reader and with CSS off
    expect(html.replace(/<[^>]+>/g, '')).toBe(
      `Operator write: recorded with bcl append, not by the ledger's rules. ${MARKED_TEXT}`,
    );
  });

  it("says so where the operator insisted on a context's stream, and prints nothing for an ordinary event", () => {
    expect(macro({ reason: 'r', intoContextStream: true })).toContain("into a context's stream on purpose");
    expect(macro(ordinary.operatorWrite)).toBe('');
    expect(macro(null)).toBe('');
  });
});

describe('the plan pages mark an operator write', () => {
  it("in a version's changes and steps, and no other", () => {
    const change = (what: string, mark: { operatorWrite?: { reason: string } }) => ({
      what,
      who: 'u',
      why: 'w',
      when: '2026-11-30T10:00:00.000Z',
      evidence: 'cites 000',
      operatorWrite: mark.operatorWrite ?? null,
    });
    const html = render('features/plans/plan-versions.njk', {
      planId: 'kent-2017-19',
      versions: [
        {
          version: 2,
          evidence: 'cites 000',
          steps: [{ step: 'signed-off', on: '2017-09-11', operatorWrite: marked.operatorWrite }],
          changes: [change('Contributions: dfg/kcc changed', marked), change('Schemes: s1 added', ordinary)],
        },
      ],
    });
    expectMarked(part(html, 'Contributions: dfg/kcc changed', '</tr>'));
    expectUnmarked(part(html, 'Schemes: s1 added', '</tr>'));
    expectMarked(part(html, 'Steps:', '</li>'));
  });

  it('in the sign-off history, from the approval governance marks', () => {
    const approval = (
      approvalId: string,
      mark: { operatorWrite?: { reason: string } },
    ): ProvenanceApproval => ({
      approvalId,
      version: 1,
      appliesToCurrentVersion: true,
      complete: true,
      effectiveOn: '2017-09-11',
      recordedAt: '2026-11-30T10:00:00.000Z',
      evidence: { citations: ['000:440'], assumed: null },
      ...mark,
      signedBy: { postId: 'kent-hwb-chair' },
      authority: { kind: 'chair', bodyId: 'kent-hwb', recorded: false },
    });
    const html = render('features/plans/_sign-off.njk', {
      signOffs: signOffRows([
        {
          instrument: { kind: 'bcf-plan' },
          approvals: [approval('forged', marked), approval('real', ordinary)],
        },
      ]),
    });
    expectMarked(part(html, 'Approval forged', 'Signed by'));
    expectUnmarked(part(html, 'Approval real', '</dl>'));
  });
});

describe('the decisions pages mark an operator write', () => {
  const act = (id: string, mark: { operatorWrite?: { reason: string } }): GovernanceAct => ({
    on: '2017-09-11',
    kind: 'approval',
    bodyId: 'kent-hwb',
    id,
    summary: `kent-hwb-chair signed bcf-plan kent-2017-19 version 1 (${id})`,
    recordedAt: '2026-11-30T10:00:00.000Z',
    instrument: { kind: 'bcf-plan', id: 'kent-2017-19', version: 1 },
    authority: { kind: 'delegation', id: 'kent-hwb-2017-06-14-bcf-sign-off' },
    meetingId: null,
    posts: ['kent-hwb-chair'],
    ...mark,
  });
  const acts = [act('forged', marked), act('real', ordinary)];

  it('on the timeline, and no other act', () => {
    const html = render('features/decisions/timeline.njk', {
      bodies: [],
      filter: {},
      items: acts.map(timelineItem),
      count: 2,
    });
    expectMarked(part(html, '(forged)', 'moj-timeline__item'));
    expectUnmarked(part(html, '(real)', '</ol>'));
  });

  it('in the register of delegated decisions', () => {
    const html = render('features/decisions/register.njk', {
      bodies: [],
      filter: {},
      rows: acts.map((a) => ({ act: a, href: '/x', signer: { postId: 'kent-hwb-chair', holder: null } })),
    });
    expectMarked(part(html, '(forged)', '</tr>'));
    expectUnmarked(part(html, '(real)', '</tr>'));
  });

  it('on the delegations in force and the report-backs owed', () => {
    const delegation = (delegationId: string, mark: { operatorWrite?: { reason: string } }) => ({
      delegationId,
      purpose: 'sign off the plan',
      delegates: { mode: 'any', posts: [] },
      delegateHolders: [],
      validFrom: '2017-06-14',
      validUntil: null,
      bodyId: 'kent-hwb',
      dueOn: '2017-09-20',
      operatorWrite: mark.operatorWrite ?? null,
    });
    const rows = [delegation('d-forged', marked), delegation('d-real', ordinary)];
    const html = render('features/decisions/delegations.njk', {
      on: '2017-09-11',
      inForce: rows,
      overdue: rows,
      due: [],
    });
    for (const table of html.split('<caption').slice(1, 3)) {
      expectMarked(part(table, '>d-forged<', '</tr>'));
      expectUnmarked(part(table, '>d-real<', '</tr>'));
    }
  });

  it("on a decision's own page", () => {
    const decision = (mark: { operatorWrite?: { reason: string } }) =>
      render('features/decisions/decision.njk', {
        kind: 'bcf-plan',
        id: 'kent-2017-19',
        approval: {
          approvalId: 'a1',
          version: 1,
          complete: true,
          appliesToCurrentVersion: true,
          effectiveOn: '2017-09-11',
          recordedAt: '2026-11-30T10:00:00.000Z',
          amountPence: null,
          signedBy: { postId: 'kent-hwb-chair', actor: { personId: 'p1' } },
          authority: { kind: 'chair', bodyId: 'kent-hwb' },
          consultations: [],
          evidence: { citations: [], assumed: 'none' },
          ...mark,
        },
      });
    expectMarked(part(decision(marked), 'The decision', 'Authority chain'));
    expectUnmarked(decision(ordinary));
  });
});

describe('the quarterly return page marks an operator write', () => {
  it('in its history, its submission and its restatements, and nowhere else', () => {
    const entry = (type: string, mark: { operatorWrite?: { reason: string } }) => ({
      type,
      version: 1,
      revision: 0,
      position: '1',
      effectiveOn: null,
      recordedAt: '2026-11-30T10:00:00.000Z',
      by: 'u',
      reason: null,
      summary: type,
      changes: [],
      ...mark,
    });
    const page = (mark: { operatorWrite?: { reason: string } }) =>
      render('features/returns/return.njk', {
        view: {
          returnId: 'southend-on-sea-2016-17-q1',
          deadline: { at: '2016-07-22', source: 'guidance' },
          submitted: {
            submittedAt: '2016-07-20T10:00:00Z',
            channel: 'email',
            fileName: 'q1.xlsx',
            approvalId: 'a1',
            ...mark,
          },
        },
        sections: [
          {
            id: 'ie',
            caption: 'Income and expenditure',
            differences: 1,
            rows: [
              {
                fieldId: 'ie.income.actual.q1',
                label: 'Actual income Q1',
                submitted: '£200.00',
                restated: '£210.00',
                differs: true,
                source: { text: 'Entered' },
                restatements: [
                  {
                    byReturnId: 'southend-on-sea-2016-17-q2',
                    version: 2,
                    previous: '£200.00',
                    amended: '£210.00',
                    amendedBy: 'nick-faint',
                    reason: 'late invoice',
                    operatorWrite: mark.operatorWrite ?? null,
                  },
                ],
              },
            ],
          },
        ],
        restatements: [{}],
        checks: [],
        approvals: [],
        history: [entry('ReturnIssued', ordinary), entry('ReturnSubmitted', mark)],
      });
    const html = page(marked);
    expectMarked(part(html, 'file q1.xlsx', '</dd>'));
    expectMarked(part(html, 'late invoice', '</td>'));
    expectUnmarked(part(html, 'ReturnIssued: ReturnIssued', '</tr>'));
    expectMarked(part(html, 'ReturnSubmitted: ReturnSubmitted', '</tr>'));
    expectUnmarked(page(ordinary));
  });
});

describe('the pooled-fund transactions page marks an operator write', () => {
  it('on an operator-written reversal, and not on the posting it reverses', () => {
    const transaction = (transactionId: string, mark: { operatorWrite?: { reason: string } }) => ({
      transactionId,
      kind: 'journal',
      quarter: 1,
      effectiveOn: '2017-06-30',
      postings: [{ account: 'bank', amountPence: 100 }],
      statedBy: { kind: 'decision', reference: 'r' },
      reverses: null,
      reversedBy: null,
      correctionOf: null,
      evidence: { citations: ['004:1011'], assumed: null },
      documented: true,
      ...mark,
    });
    const transactions = [transaction('t-real', ordinary), transaction('t-forged', marked)];
    const html = render('features/fund/transactions.njk', {
      poolId: 'kent-bcf',
      year: '2017-18',
      search: '',
      paths: { page: '/fund/kent-bcf/2017-18' },
      listing: { asAt: '2018-03-31', axis: 'effective', count: 2, assumed: 0, transactions },
      page: transactionsPage(
        {
          count: 2,
          page: { number: 1, pages: 1, perPage: 100, offset: 0 },
          transactions,
          listedAt: { 't-real': 0, 't-forged': 1 },
        },
        '/fund/kent-bcf/2017-18/transactions',
        '',
      ),
    });
    expectMarked(part(html, 'id="transaction-t-forged"', '</tr>'));
    expectUnmarked(part(html, 'id="transaction-t-real"', '</tr>'));
  });
});

describe('the area page marks an operator write', () => {
  it("on a board an operator established raw, and not on the area's other boards", () => {
    const board = (bodyId: string, mark: { operatorWrite?: { reason: string } }) => ({
      bodyId,
      name: `Board ${bodyId}`,
      kind: 'hwb',
      establishedOn: '2013-04-01',
      seats: [],
      operatorWrite: mark.operatorWrite ?? null,
    });
    const html = render('features/area/area.njk', {
      area: { areaId: 'kent', name: 'Kent' },
      on: '2017-09-11',
      organisations: [],
      periods: [],
      boards: [board('forged', marked), board('real', ordinary)],
    });
    expectMarked(part(html, 'Board forged</h2>', '<table'));
    expectUnmarked(part(html, 'Board real</h2>', '<table'));
  });
});
