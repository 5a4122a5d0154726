import { EventRecord, projectInMemory, recordedEvents } from '@bcl/kernel';
import { enter, issue, play, returnIdFor, submit } from '../return/lifecycle-fixtures';
import { ReturnEvent, returnStream } from '../return/quarterly-return';
import { validateReturn } from '../return/validate-return';
import { ReturnSummaryView, ReturnsView, returnsKey, returnsProjection } from './returns-projection';

const streamOf = (quarter: 1 | 2, events: ReturnEvent[]) =>
  events.map((event) => ({ ...event, stream: returnStream(returnIdFor(quarter)) }));

const q1 = play(
  issue(1),
  enter({ 'cover.email': 'a@b.uk' }),
  (s) => validateReturn(s, { sections: [{ section: 'cover', passed: false, failing: ['Q1:cover'] }] }),
  enter({ 'cover.phone': '01702 212 113' }),
  (s) => validateReturn(s, { sections: [{ section: 'cover', passed: true, failing: [] }] }),
  // one second after the test template's Q1 deadline
  submit('2016-08-26T12:00:01Z'),
);
const q2 = play(issue(2, q1.state), enter({ 'cover.email': 'c@d.uk' }));

const views = (events: EventRecord[]): Map<string, ReturnsView> => projectInMemory(returnsProjection, events);

describe('returnsProjection', () => {
  const log = recordedEvents([...streamOf(1, q1.events), ...streamOf(2, q2.events)]);
  const all = views(log);

  it("keeps each return's summary: status, version, submission, lateness, last change", () => {
    expect(all.get(returnsKey.summary(returnIdFor(1)))).toEqual<ReturnSummaryView>({
      returnId: returnIdFor(1),
      areaId: 'southend-on-sea',
      financialYear: '2016-17',
      quarter: 1,
      templateVersion: 'bcf-quarterly-test',
      status: 'submitted',
      version: 3,
      deadline: q1.state.deadline,
      submittedAt: '2016-08-26T12:00:01Z',
      late: true,
      lastChangedAt: log[5]!.recordedAt,
      revision: 5,
    });
    expect(all.get(returnsKey.summary(returnIdFor(2)))).toMatchObject({
      status: 'in-completion',
      version: 2,
      submittedAt: null,
      late: false,
      revision: 1,
    });
  });

  it("lists an area's returns in issue order", () => {
    expect(all.get(returnsKey.area('southend-on-sea'))).toEqual({
      areaId: 'southend-on-sea',
      returnIds: [returnIdFor(1), returnIdFor(2)],
    });
  });

  it('shows the status after each event: failed validation, then a new version, then passed', () => {
    const statusAfter = (n: number) =>
      (views(log.slice(0, n)).get(returnsKey.summary(returnIdFor(1))) as ReturnSummaryView).status;
    expect([1, 2, 3, 4, 5, 6].map(statusAfter)).toEqual([
      'issued',
      'in-completion',
      'validation-failed',
      'in-completion',
      'validated',
      'submitted',
    ]);
  });

  it("keeps a validation of an earlier version from changing the current version's status", () => {
    const stale = {
      type: 'ReturnValidated',
      stream: returnStream(returnIdFor(2)),
      data: { returnId: returnIdFor(2), version: 1, passed: true, sections: [] },
    };
    const after = views(recordedEvents([...streamOf(1, q1.events), ...streamOf(2, q2.events), stale]));
    expect(after.get(returnsKey.summary(returnIdFor(2)))).toMatchObject({
      status: 'in-completion',
      version: 2,
      revision: 2,
    });
  });

  it('matches the fold of each return (status and version)', () => {
    for (const [quarter, played] of [
      [1, q1],
      [2, q2],
    ] as const)
      expect(all.get(returnsKey.summary(returnIdFor(quarter)))).toMatchObject({
        status: played.state.status,
        version: played.state.version,
      });
  });
});
