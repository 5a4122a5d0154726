import { refusal } from '@bcl/testing';
import { CellsRefused } from './cells-refused';
import { AmendPriorQuarter, amendPriorQuarter } from './amend-prior-quarter';
import { enter, issue, play, returnIdFor, submit, submittedQ1 } from './lifecycle-fixtures';
import { returnStream } from './quarterly-return';
import { TEST_TEMPLATE } from './test-template';

const amend = (
  field: string,
  value: string | number | null,
  reason = 'late invoice from the CCG',
): AmendPriorQuarter => ({
  field,
  value,
  reason,
  amendedBy: 'nick-faint',
});

const q2 = () => play(issue(2, submittedQ1().state));

describe('amendPriorQuarter', () => {
  it('records both values, the quarter the figure is for and the return it was returned in, as the next version', () => {
    const { state } = q2();
    expect(amendPriorQuarter(state, amend('ie.income.actual.q1', 21_000), TEST_TEMPLATE)).toEqual([
      {
        type: 'PriorQuarterAmended',
        data: {
          returnId: returnIdFor(2),
          version: 2,
          field: 'ie.income.actual.q1',
          targetQuarter: 1,
          targetReturnId: returnIdFor(1),
          previousValue: 20_000,
          amendedValue: 21_000,
          amendedBy: 'nick-faint',
          reason: 'late invoice from the CCG',
        },
      },
    ]);
  });

  it('changes the cell (source: amended, this stream) and keeps the amendment', () => {
    const { state } = play(issue(2, submittedQ1().state), (s) =>
      amendPriorQuarter(s, amend('ie.income.actual.q1', 21_000), TEST_TEMPLATE),
    );
    expect(state.cells['ie.income.actual.q1']).toEqual({
      value: 21_000,
      from: { kind: 'amended', stream: returnStream(returnIdFor(2)), revision: 1, position: null },
    });
    expect(state.amendments).toEqual([
      expect.objectContaining({ field: 'ie.income.actual.q1', revision: 1 }),
    ]);
    expect(state.version).toBe(2);
  });

  it("amends an amended figure again (still the Q1 return's), and an entry may not overwrite it", () => {
    const { state } = play(issue(2, submittedQ1().state), (s) =>
      amendPriorQuarter(s, amend('ie.income.actual.q1', 21_000), TEST_TEMPLATE),
    );
    const [again] = amendPriorQuarter(state, amend('ie.income.actual.q1', 22_000), TEST_TEMPLATE);
    expect(again).toMatchObject({
      data: { previousValue: 21_000, targetReturnId: returnIdFor(1), version: 3 },
    });
    expect(() =>
      play(
        issue(2, submittedQ1().state),
        (s) => amendPriorQuarter(s, amend('ie.income.actual.q1', 21_000), TEST_TEMPLATE),
        enter({ 'ie.income.actual.q1': 1 }),
      ),
    ).toThrow(CellsRefused);
  });

  it('refuses a field that is not carried, and a carried one no return gave (the ledger pre-filled Q1)', () => {
    expect(refusal(() => amendPriorQuarter(q2().state, amend('ie.pooledFund', 1), TEST_TEMPLATE))).toBe(
      'invalid field',
    );
    const q1 = play(issue(1));
    expect(refusal(() => amendPriorQuarter(q1.state, amend('ie.income.plan.q1', 1), TEST_TEMPLATE))).toBe(
      'conflict field',
    );
    expect(refusal(() => amendPriorQuarter(q2().state, amend('ie.income.actual.q2', 1), TEST_TEMPLATE))).toBe(
      'conflict field',
    );
  });

  it('refuses a value the value rules refuse (as one cell), and a value equal to the one returned', () => {
    const { state } = q2();
    expect(() => amendPriorQuarter(state, amend('ie.income.actual.q1', 100_001), TEST_TEMPLATE)).toThrow(
      CellsRefused,
    );
    expect(
      refusal(() => amendPriorQuarter(state, amend('ie.income.actual.q1', 100_000), TEST_TEMPLATE)),
    ).toBe('accepted');
    expect(refusal(() => amendPriorQuarter(state, amend('ie.income.actual.q1', 20_000), TEST_TEMPLATE))).toBe(
      'invalid value',
    );
    expect(refusal(() => amendPriorQuarter(state, amend('ie.income.actual.q1', 20_001), TEST_TEMPLATE))).toBe(
      'accepted',
    );
  });

  it('takes a null (the figure withdrawn)', () => {
    expect(
      refusal(() => amendPriorQuarter(q2().state, amend('ie.income.actual.q1', null), TEST_TEMPLATE)),
    ).toBe('accepted');
  });

  it('refuses an amendment without a reason (blank), takes a one-character reason', () => {
    const { state } = q2();
    expect(
      refusal(() => amendPriorQuarter(state, amend('ie.income.actual.q1', 1, '  '), TEST_TEMPLATE)),
    ).toBe('invalid reason');
    expect(refusal(() => amendPriorQuarter(state, amend('ie.income.actual.q1', 1, 'x'), TEST_TEMPLATE))).toBe(
      'accepted',
    );
  });

  it('refuses before issue (not found) and once this return is submitted', () => {
    expect(refusal(() => amendPriorQuarter(undefined, amend('ie.income.actual.q1', 1), TEST_TEMPLATE))).toBe(
      'not-found returnId',
    );
    const submitted = play(issue(2, submittedQ1().state), submit('2016-11-20T10:00:00Z'));
    expect(
      refusal(() => amendPriorQuarter(submitted.state, amend('ie.income.actual.q1', 1), TEST_TEMPLATE)),
    ).toBe('conflict returnId');
  });
});
