import { recordedEvents } from '@bcl/kernel';
import { amendPriorQuarter } from './amend-prior-quarter';
import { enter, issue, play, returnIdFor, submit } from './lifecycle-fixtures';
import { ReturnEvent, returnStream } from './quarterly-return';
import { RecordedReturnEvent, returnHistory, returnView } from './return-views';
import { TEST_TEMPLATE } from './test-template';

const amend =
  (field: string, value: number, reason: string) => (s: Parameters<typeof amendPriorQuarter>[0]) =>
    amendPriorQuarter(s, { field, value, reason, amendedBy: 'nick-faint' }, TEST_TEMPLATE);

// Q1 returns £200 actual income; Q2 restates it to £210; Q3 to £220 and the Q2 plan figure (returned in Q1 and
// Q2) from £260 to £280.
const q1 = play(issue(1), enter({ 'ie.income.actual.q1': 20_000 }), submit('2016-08-20T10:00:00Z'));
const q2 = play(
  issue(2, q1.state),
  amend('ie.income.actual.q1', 21_000, 'late CCG invoice'),
  submit('2016-11-20T10:00:00Z'),
);
const q3 = play(
  issue(3, q2.state),
  amend('ie.income.actual.q1', 22_000, 'audit'),
  amend('ie.income.plan.q2', 28_000, 'plan restated'),
  submit('2017-01-09T10:00:00Z'),
);

const T = {
  q1: ['2016-07-01T09:00:00Z', '2016-08-10T10:00:00Z', '2016-08-20T10:00:00Z'],
  q2: ['2016-10-01T09:00:00Z', '2016-10-05T10:00:00Z', '2016-11-20T10:00:00Z'],
  q3: ['2017-01-02T09:00:00Z', '2017-01-05T10:00:00Z', '2017-01-06T10:00:00Z', '2017-01-09T10:00:00Z'],
};
/** Each return's events as a log records them: Q1's entry takes effect on 10 August 2016, its submission on the 20th. */
const at = (quarter: 1 | 2 | 3, events: ReturnEvent[], times: string[], validTimes: (string | null)[] = []) =>
  events.map((event, i) => ({
    ...event,
    stream: returnStream(returnIdFor(quarter)),
    recordedAt: times[i]!,
    metadata: { actor: { id: 'nick-faint' }, ...(validTimes[i] ? { validTime: validTimes[i] } : {}) },
  }));
const log = recordedEvents([
  ...at(1, q1.events, T.q1, [null, '2016-08-10', '2016-08-20']),
  ...at(2, q2.events, T.q2),
  ...at(3, q3.events, T.q3),
]) as RecordedReturnEvent[];
const of = (quarter: 1 | 2 | 3) => log.filter((e) => e.stream === returnStream(returnIdFor(quarter)));

describe('returnView: as submitted and as restated', () => {
  it("as submitted: the return's own stream, each entered cell with its event's global position", () => {
    const view = returnView(of(1), { viewpoint: {} })!;
    expect(view.basis).toBe('as-submitted');
    expect(view.cells['ie.income.actual.q1']).toEqual({
      value: 20_000,
      from: { kind: 'entered', stream: returnStream(returnIdFor(1)), revision: 1, position: '2' },
    });
    expect(view.restatements).toEqual([]);
    expect(view).toMatchObject({
      status: 'submitted',
      version: 2,
      recordedAt: { issued: T.q1[0], lastChanged: T.q1[2] },
    });
  });

  it("as restated: later returns' amendments of its figures for its quarter or before, in order, each kept", () => {
    const view = returnView(of(1), { viewpoint: {}, restatedBy: [...of(2), ...of(3)] })!;
    expect(view.basis).toBe('as-restated');
    expect(view.cells['ie.income.actual.q1']).toEqual({
      value: 22_000,
      from: { kind: 'amended', stream: returnStream(returnIdFor(3)), revision: 1, position: '8' },
    });
    expect(
      view.restatements.map((r) => [r.returnId, r.previousValue, r.amendedValue, r.reason, r.position]),
    ).toEqual([
      [returnIdFor(2), 20_000, 21_000, 'late CCG invoice', '5'],
      [returnIdFor(3), 21_000, 22_000, 'audit', '8'],
    ]);
    // the Q2 plan figure is for a quarter after Q1: Q1 holds it, but its restatement is Q2's (just outside)
    expect(view.cells['ie.income.plan.q2']!.value).toBe(26_000);
    expect(view.recordedAt.lastChanged).toBe(T.q3[1]);
  });

  it("restates a figure for the return's own quarter (just inside): Q3's amendment of the Q2 plan restates Q2", () => {
    const view = returnView(of(2), { viewpoint: {}, restatedBy: of(3) })!;
    expect(view.cells['ie.income.plan.q2']).toMatchObject({ value: 28_000, from: { kind: 'amended' } });
    expect(view.cells['ie.income.actual.q1']!.value).toBe(22_000);
    expect(view.restatements.map((r) => r.field)).toEqual(['ie.income.actual.q1', 'ie.income.plan.q2']);
    // as submitted, Q2 holds its own amendment (from Q2's stream) and not Q3's
    const submitted = returnView(of(2), { viewpoint: {} })!;
    expect(submitted.cells['ie.income.actual.q1']).toMatchObject({
      value: 21_000,
      from: { kind: 'amended', position: '5' },
    });
  });

  it("is not restated by an earlier return: Q2's amendment of Q1 does not restate Q3", () => {
    const view = returnView(of(3), { viewpoint: {}, restatedBy: [...of(1), ...of(2)] })!;
    expect(view.restatements).toEqual([]);
    expect(view.cells['ie.income.actual.q1']!.value).toBe(22_000);
  });
});

describe('returnView: from a viewpoint', () => {
  it('is null before the issue is known, and folds what was known by knownAt (inclusive)', () => {
    expect(returnView(of(1), { viewpoint: { knownAt: '2016-07-01T08:59:59Z' } })).toBeNull();
    const before = returnView(of(1), { viewpoint: { knownAt: '2016-08-10T09:59:59Z' } })!;
    expect(before).toMatchObject({ status: 'issued', version: 1, submitted: null });
    expect(before.cells['ie.income.actual.q1']).toBeUndefined();
    const atEntry = returnView(of(1), { viewpoint: { knownAt: T.q1[1] } })!;
    expect(atEntry).toMatchObject({ status: 'in-completion', version: 2, submitted: null });
  });

  it('applies only the restatements of later returns known, by knownAt, to be submitted', () => {
    const restatedBy = [...of(2), ...of(3)];
    const justBefore = returnView(of(1), { viewpoint: { knownAt: '2017-01-05T09:59:59Z' }, restatedBy })!;
    expect(justBefore.cells['ie.income.actual.q1']!.value).toBe(21_000);
    // Q3's amendment is recorded, but Q3 is a draft until its submission: it restates nothing yet
    const draft = returnView(of(1), { viewpoint: { knownAt: T.q3[1] }, restatedBy })!;
    expect(draft.cells['ie.income.actual.q1']!.value).toBe(21_000);
    const justBeforeSubmission = returnView(of(1), {
      viewpoint: { knownAt: '2017-01-09T09:59:59Z' },
      restatedBy,
    })!;
    expect(justBeforeSubmission.cells['ie.income.actual.q1']!.value).toBe(21_000);
    const submitted = returnView(of(1), { viewpoint: { knownAt: T.q3[3] }, restatedBy })!;
    expect(submitted.cells['ie.income.actual.q1']!.value).toBe(22_000);
  });

  it("folds on the effective axis by each event's validTime: an event not yet in effect hides the later ones", () => {
    const dayBefore = returnView(of(1), { viewpoint: { asAt: '2016-08-09' } })!;
    expect(dayBefore).toMatchObject({ status: 'issued', version: 1 });
    const onTheDay = returnView(of(1), { viewpoint: { asAt: '2016-08-10' } })!;
    expect(onTheDay).toMatchObject({ status: 'in-completion', version: 2, submitted: null });
    expect(returnView(of(1), { viewpoint: { asAt: '2016-08-20' } })!.status).toBe('submitted');
  });
});

describe('returnView: operator writes', () => {
  const operatorWrote = (events: RecordedReturnEvent[], type: string, reason: string) =>
    events.map((event) =>
      event.type === type
        ? { ...event, metadata: { ...event.metadata, operatorWrite: { reason, intoContextStream: true } } }
        : event,
    );

  it('marks a submission an operator wrote raw (bcl append), with its reason, and no other', () => {
    expect(returnView(of(1), { viewpoint: {} })!.submitted!.operatorWrite).toBeUndefined();
    const view = returnView(operatorWrote(of(1), 'ReturnSubmitted', 'sent by post'), { viewpoint: {} })!;
    expect(view.submitted).toMatchObject({ operatorWrite: { reason: 'sent by post' } });
  });

  it("marks a later quarter's amendment an operator wrote raw, where it restates this return", () => {
    const restatedBy = [...of(2), ...operatorWrote(of(3), 'PriorQuarterAmended', 'keyed from the audit')];
    const view = returnView(of(1), { viewpoint: {}, restatedBy })!;
    expect(view.restatements.map((r) => [r.returnId, r.operatorWrite ?? null])).toEqual([
      [returnIdFor(2), null],
      [returnIdFor(3), { reason: 'keyed from the audit' }],
    ]);
  });
});

describe('returnHistory', () => {
  it('marks an entry an operator wrote raw (bcl append), with the reason given, and no other', () => {
    const events = of(1);
    const marked = events.map((event, i) =>
      i === 1
        ? {
            ...event,
            metadata: {
              ...event.metadata,
              operatorWrite: { reason: 'keyed from the paper copy', intoContextStream: true },
            },
          }
        : event,
    );
    expect(returnHistory(marked).map((h) => h.operatorWrite ?? null)).toEqual([
      null,
      { reason: 'keyed from the paper copy' },
      null,
    ]);
  });

  it('dates each entry by when it took effect (its validTime), null where none was given', () => {
    expect(returnHistory(of(1)).map((h) => [h.type, h.effectiveOn])).toEqual([
      ['ReturnIssued', null],
      ['ReturnFieldsEntered', '2016-08-10'],
      ['ReturnSubmitted', '2016-08-20'],
    ]);
  });

  it('gives one entry per event: version, revision, position, who, and each field changed before and after', () => {
    const history = returnHistory(of(2));
    expect(history.map((h) => [h.type, h.version, h.revision, h.position])).toEqual([
      ['ReturnIssued', 1, 0, '4'],
      ['PriorQuarterAmended', 2, 1, '5'],
      ['ReturnSubmitted', 2, 2, '6'],
    ]);
    expect(history[1]).toMatchObject({
      by: 'nick-faint',
      reason: 'late CCG invoice',
      changes: [{ field: 'ie.income.actual.q1', before: 20_000, after: 21_000 }],
      recordedAt: T.q2[1],
    });
    expect(history[0]!.changes).toContainEqual({ field: 'ie.income.actual.q1', before: null, after: 20_000 });
    expect(history[2]!.summary).toMatch(/submitted version 2 at 2016-11-20T10:00:00Z by email/);
  });

  it('stops at the viewpoint', () => {
    expect(returnHistory(of(1), { knownAt: T.q1[1] }).map((h) => h.type)).toEqual([
      'ReturnIssued',
      'ReturnFieldsEntered',
    ]);
  });
});
