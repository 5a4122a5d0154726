import { refusal } from '@bcl/testing';
import { enter, issue, play, signOff, submittedQ1 } from './lifecycle-fixtures';
import { SectionValidation } from './quarterly-return';
import { SubmitFacts, SubmitReturn, isIsoInstant, submitReturn } from './submit-return';
import { TEST_TEMPLATE } from './test-template';
import { validateReturn } from './validate-return';

const green = (section: string): SectionValidation => ({ section, passed: true, failing: [] });
const red = (section: string, check: string): SectionValidation => ({
  section,
  passed: false,
  failing: [check],
});

describe('validateReturn', () => {
  it('passes when every section passes; one red section fails it', () => {
    const { state } = play(issue(1), enter({ 'cover.email': 'a@b.uk' }));
    const [passed] = validateReturn(state, { sections: [green('cover'), green('ie')] });
    expect(passed).toEqual({
      type: 'ReturnValidated',
      data: { returnId: state.returnId, version: 2, passed: true, sections: [green('cover'), green('ie')] },
    });
    const failed = play(issue(1), (s) =>
      validateReturn(s, { sections: [green('cover'), red('ie', 'Q9:ie.income')] }),
    );
    expect(failed.state).toMatchObject({ status: 'validation-failed', validation: { passed: false } });
  });

  it('refuses no section, before issue, and once submitted', () => {
    const { state } = play(issue(1));
    expect(refusal(() => validateReturn(state, { sections: [] }))).toBe('invalid sections');
    expect(refusal(() => validateReturn(undefined, { sections: [green('cover')] }))).toBe(
      'not-found returnId',
    );
    expect(refusal(() => validateReturn(submittedQ1().state, { sections: [green('cover')] }))).toBe(
      'conflict returnId',
    );
  });
});

const command = (submittedAt: string): SubmitReturn => ({
  submittedAt,
  channel: 'email to england.bettercaresupport@nhs.net',
  fileName: 'Southend-on-Sea HWB',
});
const facts = (version: number | null, blocking: SubmitFacts['blocking'] = []): SubmitFacts => ({
  signOff: version === null ? null : signOff(version),
  blocking,
});
// the test template's Q1 deadline
const DEADLINE = TEST_TEMPLATE.quarters.Q1.deadline.at;

describe('submitReturn', () => {
  const filled = () => play(issue(1), enter({ 'cover.email': 'a@b.uk' })).state; // version 2

  it('records the current version, signed off, with the approval and the deadline; the return is then submitted', () => {
    const state = filled();
    const events = submitReturn(state, command('2016-08-20T10:00:00Z'), facts(2));
    expect(events).toEqual([
      {
        type: 'ReturnSubmitted',
        data: {
          returnId: state.returnId,
          version: 2,
          submittedAt: '2016-08-20T10:00:00Z',
          deadline: TEST_TEMPLATE.quarters.Q1.deadline,
          late: false,
          channel: 'email to england.bettercaresupport@nhs.net',
          fileName: 'Southend-on-Sea HWB',
          approvalId: 'approval-v2',
        },
      },
    ]);
  });

  it('refuses a submission dated before its sign-off or the last change it records; takes one on that day', () => {
    const state = filled();
    // the sign-off is of 1 August 2016 (signOff fixture)
    expect(() => submitReturn(state, command('2016-07-31T23:59:59Z'), facts(2))).toThrow(
      /submittedAt: 2016-07-31 is before its sign-off \('approval-v2'\) on 2016-08-01/,
    );
    expect(submitReturn(state, command('2016-08-01T00:00:00Z'), facts(2))).toHaveLength(1);
    const changedLater = { ...facts(2), lastChangedOn: '2016-08-21' };
    expect(() => submitReturn(state, command('2016-08-20T10:00:00Z'), changedLater)).toThrow(
      /2016-08-20 is before its last recorded change on 2016-08-21/,
    );
    expect(submitReturn(state, command('2016-08-21T10:00:00Z'), changedLater)).toHaveLength(1);
  });

  it('refuses a version not signed off: no approval, or an approval of the version before', () => {
    const state = filled();
    expect(() => submitReturn(state, command('2016-08-20T10:00:00Z'), facts(null))).toThrow(
      'version 2 is not signed off',
    );
    expect(() => submitReturn(state, command('2016-08-20T10:00:00Z'), facts(1))).toThrow(
      "version 2 is not signed off (the approval 'approval-v1' is of version 1)",
    );
  });

  it('refuses while a blocking check fails, naming each', () => {
    const blocking = [
      { checkId: 'Q6:conditions.1', message: 'explain a condition not met' },
      { checkId: 'Q9:ie.income', message: 'the parts do not sum to the total' },
    ];
    expect(() => submitReturn(filled(), command('2016-08-20T10:00:00Z'), facts(2, blocking))).toThrow(
      /blocking checks fail: Q6:conditions.1 \(explain a condition not met\); Q9:ie.income/,
    );
  });

  it('is late one second after the deadline, on time at it (whatever the offset it is written with)', () => {
    const late = (at: string) =>
      (submitReturn(filled(), command(at), facts(2))[0]!.data as { late: boolean }).late;
    expect(DEADLINE).toBe('2016-08-26T12:00:00Z');
    expect(late('2016-08-26T12:00:00Z')).toBe(false);
    expect(late('2016-08-26T13:00:00+01:00')).toBe(false);
    expect(late('2016-08-26T12:00:01Z')).toBe(true);
    expect(late('2016-08-26T13:00:01+01:00')).toBe(true);
  });

  it('refuses a submittedAt that is not an ISO instant with its offset', () => {
    expect(refusal(() => submitReturn(filled(), command('2016-08-20'), facts(2)))).toBe(
      'invalid submittedAt',
    );
    expect(refusal(() => submitReturn(filled(), command('2016-08-20T10:00:00'), facts(2)))).toBe(
      'invalid submittedAt',
    );
    expect(refusal(() => submitReturn(filled(), command('2016-02-30T10:00:00Z'), facts(2)))).toBe(
      'invalid submittedAt',
    );
    expect(isIsoInstant('2016-08-20T10:00Z')).toBe(true);
    expect(isIsoInstant('2016-08-20T10:00:00.123+01:00')).toBe(true);
  });

  it('refuses a blank channel or file name', () => {
    expect(
      refusal(() => submitReturn(filled(), { ...command('2016-08-20T10:00:00Z'), channel: ' ' }, facts(2))),
    ).toBe('invalid channel');
    expect(
      refusal(() => submitReturn(filled(), { ...command('2016-08-20T10:00:00Z'), fileName: '' }, facts(2))),
    ).toBe('invalid fileName');
  });

  it('refuses before issue (not found) and a second submission', () => {
    expect(refusal(() => submitReturn(undefined, command('2016-08-20T10:00:00Z'), facts(1)))).toBe(
      'not-found returnId',
    );
    const { state } = submittedQ1();
    expect(refusal(() => submitReturn(state, command('2016-08-21T10:00:00Z'), facts(state.version)))).toBe(
      'conflict returnId',
    );
    expect(state).toMatchObject({ status: 'submitted', submitted: { version: 2, late: false } });
  });
});
