import { refusal } from '@bcl/testing';
import { CellsRefused } from './cells-refused';
import { enterFields } from './enter-fields';
import { enter, issue, ledgerCell, play, returnIdFor, submittedQ1 } from './lifecycle-fixtures';
import { returnStream } from './quarterly-return';
import { TEST_TEMPLATE } from './test-template';
import { validateReturn } from './validate-return';

const by = (values: Record<string, string | number | null>) => ({ values, enteredBy: 'nick-faint' });

/** The problems of a CellsRefused, by field. */
const cellProblems = (run: () => unknown): Record<string, string> => {
  try {
    run();
  } catch (error) {
    if (error instanceof CellsRefused)
      return Object.fromEntries(error.problems.map((p) => [p.field, p.reason]));
    throw error;
  }
  return {};
};

describe('enterFields', () => {
  it('refuses a return not issued (not found)', () => {
    expect(refusal(() => enterFields(undefined, by({ 'cover.email': 'a@b.uk' }), TEST_TEMPLATE))).toBe(
      'not-found returnId',
    );
  });

  it('refuses every write once submitted, saying how a figure is changed instead', () => {
    const { state } = submittedQ1();
    expect(refusal(() => enterFields(state, by({ 'cover.email': 'a@b.uk' }), TEST_TEMPLATE))).toBe(
      'conflict returnId',
    );
    expect(() => enterFields(state, by({ 'cover.email': 'a@b.uk' }), TEST_TEMPLATE)).toThrow(
      "a submitted return never changes: amend its figures from a later quarter's return",
    );
  });

  it('refuses an entry with no values, or with no one who entered them', () => {
    const { state } = play(issue(1));
    expect(refusal(() => enterFields(state, by({}), TEST_TEMPLATE))).toBe('invalid values');
    expect(
      refusal(() =>
        enterFields(state, { values: { 'cover.email': 'a@b.uk' }, enteredBy: ' ' }, TEST_TEMPLATE),
      ),
    ).toBe('invalid enteredBy');
  });

  it('refuses a template other than the one the return was issued on', () => {
    const { state } = play(issue(1));
    const other = { ...TEST_TEMPLATE, templateVersion: 'bcf-quarterly-other' };
    expect(refusal(() => enterFields(state, by({ 'cover.email': 'a@b.uk' }), other))).toBe(
      'invalid templateVersion',
    );
  });

  it('refuses every bad cell at once and records nothing', () => {
    const { state } = play(issue(1));
    const problems = cellProblems(() =>
      enterFields(
        state,
        by({ 'ie.pooledFund': 100_001, 'cover.email': 'nope', 'cover.phone': '01702 212 113' }),
        TEST_TEMPLATE,
      ),
    );
    expect(Object.keys(problems)).toEqual(['ie.pooledFund', 'cover.email']);
  });

  it('never retypes a figure the ledger pre-filled (Q1), enters one it could not fill, refuses one a previous return gave (Q2)', () => {
    const q1 = play(issue(1));
    expect(
      cellProblems(() => enterFields(q1.state, by({ 'ie.income.plan.q1': 24_000 }), TEST_TEMPLATE)),
    ).toEqual({
      'ie.income.plan.q1':
        "pre-populated from the ledger (stated plan income Q1 of pool southend-bcf 2016-17): never retyped; correct the ledger's record instead",
    });
    // the same value again is no change; a figure the ledger held none of is the council's to enter
    expect(enterFields(q1.state, by({ 'ie.income.plan.q1': 25_000 }), TEST_TEMPLATE)).toEqual([]);
    const unfilled = {
      ...q1.state,
      cells: { ...q1.state.cells, 'ie.income.plan.q1': ledgerCell(null, 'nothing was recorded') },
    };
    expect(refusal(() => enterFields(unfilled, by({ 'ie.income.plan.q1': 24_000 }), TEST_TEMPLATE))).toBe(
      'accepted',
    );
    const q2 = play(issue(2, submittedQ1().state));
    const problems = cellProblems(() =>
      enterFields(
        q2.state,
        by({ 'ie.income.actual.q1': 21_000, 'ie.income.actual.q2': 22_000 }),
        TEST_TEMPLATE,
      ),
    );
    expect(problems).toEqual({
      'ie.income.actual.q1': `previously returned (in return '${returnIdFor(1)}'): amend it, with a reason`,
    });
    // the same value again (a whole workbook re-imported) is no change: nothing refused, nothing recorded
    expect(enterFields(q2.state, by({ 'ie.income.actual.q1': 20_000 }), TEST_TEMPLATE)).toEqual([]);
    // the Q2 actual was never returned: entered
    expect(refusal(() => enterFields(q2.state, by({ 'ie.income.actual.q2': 22_000 }), TEST_TEMPLATE))).toBe(
      'accepted',
    );
  });

  it('records only the cells that change, as the next version; an entry that changes nothing records nothing', () => {
    const { state } = play(issue(1), enter({ 'cover.completedBy': 'nick faint' }));
    expect(state.version).toBe(2);
    expect(
      enterFields(state, by({ 'cover.completedBy': ' nick faint ', 'ie.pooledFund': 90_000 }), TEST_TEMPLATE),
    ).toEqual([]);
    expect(
      enterFields(
        state,
        by({ 'cover.completedBy': 'nick faint', 'cover.email': 'nickfaint@southend.gov.uk' }),
        TEST_TEMPLATE,
      ),
    ).toEqual([
      {
        type: 'ReturnFieldsEntered',
        data: {
          returnId: returnIdFor(1),
          version: 3,
          enteredBy: 'nick-faint',
          values: { 'cover.email': 'nickfaint@southend.gov.uk' },
        },
      },
    ]);
  });

  it('stores text trimmed; a cleared cell holds null, entered', () => {
    const { state } = play(
      issue(1),
      enter({ 'ie.commentary': '  on plan  ', 'cover.completedBy': 'nick faint' }),
      enter({ 'cover.completedBy': null }),
    );
    expect(state.cells['ie.commentary']!.value).toBe('on plan');
    expect(state.cells['cover.completedBy']).toEqual({
      value: null,
      from: { kind: 'entered', stream: returnStream(returnIdFor(1)), revision: 2, position: null },
    });
    expect(state).toMatchObject({ version: 3, revision: 2, status: 'in-completion' });
  });

  it('clears the last validation: it was of the version before', () => {
    const validated = play(issue(1), (s) =>
      validateReturn(s, { sections: [{ section: 'cover', passed: true, failing: [] }] }),
    );
    expect(validated.state).toMatchObject({ status: 'validated', validation: { version: 1, passed: true } });
    const after = play(
      issue(1),
      (s) => validateReturn(s, { sections: [{ section: 'cover', passed: true, failing: [] }] }),
      enter({ 'cover.email': 'a@b.uk' }),
    );
    expect(after.state).toMatchObject({ status: 'in-completion', validation: null, version: 2 });
  });
});
