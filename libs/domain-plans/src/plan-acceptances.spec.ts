import { LoggedPlanEvent, planVersions } from './plan/plan-history';
import { warningAcceptances, withAcceptances } from './plan/warning-acceptances';
import { versionEffectiveFrom } from './plan/version-effective';
import { CheckResult } from './checks/check-result';

const logged = (
  revision: number,
  event: Pick<LoggedPlanEvent, 'type' | 'data'>,
  recordedAt: string,
  validTime?: string,
  evidence: object = { citations: ['000:5-7'], assumed: null },
): LoggedPlanEvent =>
  ({
    ...event,
    revision,
    recordedAt,
    actor: 'user:finance',
    reason: `because ${revision}`,
    metadata: { evidence, ...(validTime ? { validTime } : {}) },
  }) as LoggedPlanEvent;

const planId = 'kent-2017-19';
const assumed = { citations: [], assumed: 'the seeds record no finance officer accepting this' };
const events: LoggedPlanEvent[] = [
  logged(
    0,
    { type: 'PlanInitiated', data: { planId, areaId: 'kent', cycle: '2017-19' } },
    '2026-01-01T00:00:00.000Z',
    '2017-09-11',
  ),
  logged(
    1,
    { type: 'PlanWarningAccepted', data: { planId, version: 1, checkId: 'P10:carers-break' } },
    '2026-01-02T00:00:00.000Z',
    '2017-09-11',
    assumed,
  ),
  logged(
    2,
    { type: 'PlanWarningAccepted', data: { planId, version: 1, checkId: 'C2:asc-minimum:2017-18' } },
    '2026-01-03T00:00:00.000Z',
    '2017-10-01',
  ),
  logged(
    3,
    { type: 'PlanVersionStarted', data: { planId, version: 2, after: 'approval' } },
    '2026-01-04T00:00:00.000Z',
    '2018-01-15',
  ),
  logged(
    4,
    { type: 'PlanWarningAccepted', data: { planId, version: 2, checkId: 'P10:carers-break' } },
    '2026-01-05T00:00:00.000Z',
  ),
];

describe('warning acceptances', () => {
  it('says who accepted each warning, on which date and on what evidence, seen from its effective date only', () => {
    expect(warningAcceptances(events, 1, { asAt: '2017-09-11' })).toEqual([
      {
        checkId: 'P10:carers-break',
        version: 1,
        on: '2017-09-11',
        acceptedBy: 'user:finance',
        reason: 'because 1',
        recordedAt: '2026-01-02T00:00:00.000Z',
        evidence: assumed,
      },
    ]);
    expect(warningAcceptances(events, 1, { asAt: '2017-09-10' })).toEqual([]);
    expect(warningAcceptances(events, 1, { asAt: '2017-10-01' }).map((a) => a.checkId)).toEqual([
      'P10:carers-break',
      'C2:asc-minimum:2017-18',
    ]);
    expect(warningAcceptances(events, 1, { knownAt: '2026-01-02T23:59:59.999Z' })).toHaveLength(1);
  });

  it('counts the same acceptances as the version state, on either side of the date', () => {
    for (const asAt of ['2017-09-30', '2017-10-01'])
      expect(warningAcceptances(events, 1, { asAt }).map((a) => a.checkId)).toEqual(
        planVersions(events, { asAt })[0]!.state.acceptedWarnings,
      );
  });

  it('reads an acceptance recorded without a date as seen from any date, with no date', () => {
    const [v2] = warningAcceptances(events, 2, { asAt: '2018-01-15' });
    expect(v2).toMatchObject({ checkId: 'P10:carers-break', version: 2, on: null });
  });

  it('puts each acceptance beside its accepted check only', () => {
    const check = (checkId: string, accepted: boolean): CheckResult => ({
      checkId,
      rule: checkId.split(':')[0]!,
      severity: 'warning',
      outcome: 'fail',
      message: 'm',
      source: 's',
      accepted,
    });
    const [acceptance] = warningAcceptances(events, 1, { asAt: '2017-09-11' });
    const checks = withAcceptances(
      [check('P10:carers-break', true), check('C2:asc-minimum:2017-18', false)],
      [acceptance!],
    );
    expect(checks[0]).toEqual({ ...check('P10:carers-break', true), acceptance });
    expect(checks[1]).not.toHaveProperty('acceptance');
  });
});

describe('the date a version takes effect', () => {
  it('is the date its events began it, or a later version before it, as recorded by knownAt', () => {
    expect(versionEffectiveFrom(events, 1)).toBe('2017-09-11');
    expect(versionEffectiveFrom(events, 2)).toBe('2018-01-15');
    expect(versionEffectiveFrom(events, 2, { knownAt: '2026-01-03T23:59:59.999Z' })).toBeNull();
    expect(versionEffectiveFrom(events, 3)).toBeNull();
    const late = [events[0]!, { ...events[3]!, metadata: { validTime: '2017-06-01' } }];
    expect(versionEffectiveFrom(late as LoggedPlanEvent[], 2)).toBe('2017-09-11');
  });
});
