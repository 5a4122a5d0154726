import { refusal } from '@bcl/testing';
import { CellsRefused } from './cells-refused';
import { issueReturn } from './issue-return';
import {
  PREPOPULATED,
  YEAR,
  issue,
  issueCommand,
  issueFacts,
  play,
  returnIdFor,
  submittedQ1,
} from './lifecycle-fixtures';
import { returnStream } from './quarterly-return';
import { TEST_TEMPLATE } from './test-template';

describe('issueReturn', () => {
  it('issues Q1 pre-populated with the cells as given, with no previous return: version 1, revision 0', () => {
    const { events, state } = play(issue(1));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'ReturnIssued',
      data: { returnId: 'southend-on-sea-2016-17-q1', previousReturnId: null, prepopulated: PREPOPULATED },
    });
    expect(state).toMatchObject({
      version: 1,
      revision: 0,
      status: 'issued',
      validation: null,
      submitted: null,
    });
    expect(state.cells).toEqual(PREPOPULATED);
    expect(state.deadline).toEqual(TEST_TEMPLATE.quarters.Q1.deadline);
  });

  it('refuses a return already issued', () => {
    const { state } = play(issue(1));
    expect(refusal(() => issueReturn(state, issueCommand(1), issueFacts(1, null)))).toBe('conflict returnId');
  });

  it('refuses an issue dated before the financial year begins; takes one on its first day', () => {
    const on = (issuedOn: string) => () =>
      issueReturn(undefined, { ...issueCommand(1), issuedOn }, issueFacts(1, null));
    expect(YEAR).toBe('2016-17');
    expect(refusal(on('2016-03-31'))).toBe('invalid effectiveOn');
    expect(refusal(on('2016-04-01'))).toBe('accepted');
  });

  it('takes the return id the area, year and quarter make, refuses another', () => {
    const ok = { ...issueCommand(1), returnId: returnIdFor(1) };
    expect(refusal(() => issueReturn(undefined, ok, issueFacts(1, null)))).toBe('accepted');
    const other = { ...issueCommand(1), returnId: 'southend-2016-17-q1' };
    expect(refusal(() => issueReturn(undefined, other, issueFacts(1, null)))).toBe('invalid returnId');
  });

  it("refuses a template of another year or version than the command's", () => {
    const otherYear = { ...issueFacts(1, null), template: { ...TEST_TEMPLATE, financialYear: '2017-18' } };
    expect(refusal(() => issueReturn(undefined, issueCommand(1), otherYear))).toBe('invalid templateVersion');
    const otherVersion = { ...issueCommand(1), templateVersion: 'bcf-quarterly-2017-18' };
    expect(refusal(() => issueReturn(undefined, otherVersion, issueFacts(1, null)))).toBe(
      'invalid templateVersion',
    );
    expect(
      refusal(() =>
        issueReturn(undefined, { ...issueCommand(1), financialYear: '2016-18' }, issueFacts(1, null)),
      ),
    ).toBe('invalid financialYear');
  });

  it('refuses Q2 until Q1 is issued and submitted, issues it once Q1 is submitted', () => {
    expect(() => issueReturn(undefined, issueCommand(2), issueFacts(2, null))).toThrow(
      /issue and submit Q1 first/,
    );
    const notSubmitted = play(issue(1)).state;
    expect(refusal(() => issueReturn(undefined, issueCommand(2), issueFacts(2, notSubmitted)))).toBe(
      'conflict quarter',
    );
    const q1 = submittedQ1().state;
    const [issued] = issueReturn(undefined, issueCommand(2), issueFacts(2, q1));
    expect(issued).toMatchObject({ data: { returnId: returnIdFor(2), previousReturnId: returnIdFor(1) } });
  });

  it('refuses a previous return that is not Q(n−1) of the same area and year', () => {
    const q1 = submittedQ1().state;
    expect(refusal(() => issueReturn(undefined, issueCommand(3), issueFacts(3, q1)))).toBe(
      'invalid previous',
    );
  });

  it("carries each carried field's value from the previous return, naming the event of its stream that recorded it", () => {
    const q1 = submittedQ1().state;
    const q2 = play(issue(2, q1)).state;
    const q1Stream = returnStream(returnIdFor(1));
    // entered in Q1 at revision 1
    expect(q2.cells['ie.income.actual.q1']).toEqual({
      value: 20_000,
      from: {
        kind: 'previous-return',
        returnId: returnIdFor(1),
        stream: q1Stream,
        revision: 1,
        position: null,
      },
    });
    // pre-filled by Q1's issue (revision 0), carried with that value
    expect(q2.cells['ie.income.plan.q1']).toEqual({
      value: 25_000,
      from: {
        kind: 'previous-return',
        returnId: returnIdFor(1),
        stream: q1Stream,
        revision: 0,
        position: null,
      },
    });
    // not carried: the ledger's
    expect(q2.cells['ie.pooledFund']).toEqual(PREPOPULATED['ie.pooledFund']);
    // carried field the previous return left empty: none
    expect(q2.cells['ie.income.actual.q2']).toBeUndefined();
    expect(q2.financialYear).toBe(YEAR);
  });

  it('refuses pre-filled cells the value rules refuse, one problem per cell', () => {
    const facts = {
      ...issueFacts(1, null),
      prepopulated: {
        ...PREPOPULATED,
        'ie.pooledFund': { ...PREPOPULATED['ie.pooledFund']!, value: 100_001 },
      },
    };
    expect(() => issueReturn(undefined, issueCommand(1), facts)).toThrow(CellsRefused);
  });
});
