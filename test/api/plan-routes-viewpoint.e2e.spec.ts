import kent from '../../demo/plans/kent-2017-19.json';
import { RunningApi, startApi } from '../support/api-app';
import { describeEachDurableStore, refusedRecordingNothing } from '../support/durable-stores';

/** A response body, read by value: the assertions below are what give it shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const KENT = '/api/plans/kent-2017-19';
const MEDWAY = '/api/plans/medway-2017-19';
/** The five warnings the demo accepts for Kent's version 1 (demo/plans.json). */
const KENT_ACCEPTED = [
  'F2:expenditure-equals-pooled:2017-18',
  'F2:expenditure-equals-pooled:2018-19',
  'C2:asc-minimum:2017-18',
  'C2:asc-minimum:2018-19',
  'P10:carers-break',
];

describeEachDurableStore(
  'every plan route from a viewpoint (asAt, knownAt), and warning acceptances with their date and evidence',
  (setting) => {
    let api: RunningApi;
    let auditor: string;
    let finance: string;
    let kentRecordedAt: string;
    beforeAll(async () => {
      api = await startApi(setting(), { demoData: true });
      [auditor, finance] = await Promise.all([
        api.token('auditor', 'auditor-1'),
        api.token('finance-officer', 'finance-1'),
      ]);
      const versions = (await get(`${KENT}/versions`).expect(200)).body;
      kentRecordedAt = versions.versions[0].changes[0].recordedAt;
    }, 180_000);
    afterAll(() => api?.close());

    const get = (path: string) => api.http().get(path).set('Authorization', `Bearer ${auditor}`);
    const post = (path: string, body: object) =>
      api.http().post(path).set('Authorization', `Bearer ${finance}`).send(body);
    const justBefore = (instant: string) => new Date(Date.parse(instant) - 1).toISOString();
    const kentOf = (body: Json) => body.items.find((p: Json) => p.planId === 'kent-2017-19');

    it('lists the plans and their current version’s steps as seen from the viewpoint', async () => {
      const signed = (await get('/api/plans?areaId=kent&asAt=2017-09-11').expect(200)).body;
      expect(signed).toMatchObject({ asAt: '2017-09-11', knownAt: null });
      expect(signed.items.map((p: Json) => p.areaId)).toEqual(['kent']); // the filters apply from a viewpoint too
      const limited = (await get('/api/plans?asAt=2017-09-11&limit=1').expect(200)).body.items;
      expect(limited).toHaveLength(1);
      expect(kentOf(signed)).toMatchObject({ version: 1, steps: [{ step: 'signed-off', on: '2017-09-11' }] });
      expect(kentOf(signed).steps).toHaveLength(1); // the report-back of 20 September is not yet seen
      expect(kentOf(signed).steps[0].evidence.citations).toEqual(['000:34-36']);
      const reported = kentOf((await get('/api/plans?areaId=kent&asAt=2017-09-20').expect(200)).body);
      expect(reported.steps.map((s: Json) => s.step)).toEqual(['signed-off', 'reported-back']);
      // before the plan took effect, and before it was recorded, there is no Kent plan to list
      expect(kentOf((await get('/api/plans?areaId=kent&asAt=2017-06-01').expect(200)).body)).toBeUndefined();
      const unknown = (await get(`/api/plans?knownAt=${justBefore(kentRecordedAt)}`).expect(200)).body;
      expect(kentOf(unknown)).toBeUndefined();
      // Medway (in effect from 6 September 2017) is listed as at 2017-09-06; Kent is not
      const sixth = (await get('/api/plans?asAt=2017-09-06').expect(200)).body.items.map(
        (p: Json) => p.planId,
      );
      expect(sixth).toEqual(['medway-2017-19']);
      const bad = await get('/api/plans?asAt=2017-02-30').expect(400);
      expect(bad.body.errors.map((e: Json) => e.field)).toEqual(['asAt']);
      await get('/api/plans?knownAt=2017-09-11T00:00:00').expect(400);
    });

    it('answers a plan’s versions from the viewpoint, with the acceptances among its changes; bad or unknown parameters are a 400', async () => {
      const bogus = await get(`${KENT}/versions?asAt=bogus`).expect(400);
      expect(bogus.body.errors.map((e: Json) => e.field)).toEqual(['asAt']);
      await get(`${KENT}/versions?version=1`).expect(400);
      await get(`${KENT}/versions?knownAt=yesterday`).expect(400);
      const june = await get(`${KENT}/versions?asAt=2017-06-01`).expect(404);
      expect(june.body.detail).toBe("plan 'kent-2017-19' had no version in effect on 2017-06-01");
      const body = (await get(`${KENT}/versions?asAt=2017-09-11`).expect(200)).body;
      expect(body).toMatchObject({ asAt: '2017-09-11', knownAt: null });
      const [v1] = body.versions;
      expect(v1.steps.map((s: Json) => [s.step, s.on])).toEqual([['signed-off', '2017-09-11']]);
      const acceptances = v1.changes.filter((c: Json) => c.type === 'PlanWarningAccepted');
      expect(acceptances.map((c: Json) => c.checkId)).toEqual(KENT_ACCEPTED);
      for (const change of acceptances)
        expect(change).toMatchObject({
          on: '2017-09-11',
          acceptedBy: 'system:demo-data',
          evidence: {
            assumed: expect.stringContaining('the seeds record no finance officer accepting this'),
          },
        });
      // changes in the order recorded: the import's entries, then the acceptances
      const recorded = v1.changes.map((c: Json) => c.recordedAt);
      expect(recorded).toEqual([...recorded].sort());
      expect(v1.changes[0].type).toBe('PlanEntryRecorded');
    });

    it('shows who accepted each of Kent’s five warnings, when, and on what evidence (assumed), in the plan and its checks', async () => {
      for (const path of [`${KENT}?asAt=2017-09-11`, `${KENT}/checks?asAt=2017-09-11`]) {
        const body = (await get(path).expect(200)).body;
        const accepted = body.checks.filter((c: Json) => c.accepted);
        expect(accepted.map((c: Json) => c.checkId).sort()).toEqual([...KENT_ACCEPTED].sort());
        for (const check of accepted)
          expect(check.acceptance).toEqual({
            checkId: check.checkId,
            version: 1,
            on: '2017-09-11',
            acceptedBy: 'system:demo-data',
            reason: expect.stringContaining('accepted so that the recorded sign-off of version 1 stands'),
            recordedAt: expect.any(String),
            evidence: {
              citations: expect.any(Array),
              assumed: expect.stringContaining('the date of acceptance is assumed'),
            },
          });
        expect(body.checks.filter((c: Json) => !c.accepted && c.acceptance !== undefined)).toEqual([]);
      }
      const plan = (await get(KENT).expect(200)).body;
      expect(plan.acceptances.map((a: Json) => a.checkId)).toEqual(KENT_ACCEPTED);
      expect(plan.acceptedWarnings).toEqual(KENT_ACCEPTED);
    });

    it('records an acceptance’s date as its effective date: seen as at that date on, not before', async () => {
      const checks = (await get(`${MEDWAY}/checks`).expect(200)).body.checks;
      const warning = checks.find((c: Json) => c.severity === 'warning' && !c.accepted);
      expect(warning).toBeDefined();
      const badDate = await refusedRecordingNothing(setting(), () =>
        post(`${MEDWAY}/warning-acceptances`, { reason: 'r', checkId: warning.checkId, on: '2017-10-32' }),
      );
      expect(badDate.status).toBe(400);
      expect(badDate.body.errors.map((e: Json) => e.field)).toEqual(['on']);
      await post(`${MEDWAY}/warning-acceptances`, {
        reason: 'accepted at the October review',
        checkId: warning.checkId,
        on: '2017-10-02',
        evidence: { citations: ['001:55-63'], assumed: null },
      }).expect(200);
      const as = async (asAt: string) =>
        (await get(`${MEDWAY}/checks?asAt=${asAt}`).expect(200)).body.checks.find(
          (c: Json) => c.checkId === warning.checkId,
        );
      expect(await as('2017-10-01')).toMatchObject({ accepted: false });
      expect((await as('2017-10-01')).acceptance).toBeUndefined();
      expect(await as('2017-10-02')).toMatchObject({
        accepted: true,
        acceptance: {
          on: '2017-10-02',
          acceptedBy: 'finance-1',
          reason: 'accepted at the October review',
          evidence: { citations: ['001:55-63'], assumed: null },
        },
      });
      const plan = (await get(`${MEDWAY}?asAt=2017-10-01`).expect(200)).body;
      expect(plan.acceptedWarnings).not.toContain(warning.checkId);
    });

    it('says when a version not yet in effect takes effect, and answers diff and export from the viewpoint', async () => {
      const lead = await api.token('programme-lead', 'lead-1');
      const changed = {
        ...kent,
        justification: 'Kent plan, version 2 (a test variation)',
        narratives: kent.narratives.map((n, i) => (i === 0 ? { ...n, text: `${n.text} (revised)` } : n)),
      };
      const imported = await api
        .http()
        .post('/api/plans/import?effectiveOn=2018-01-15')
        .set('Authorization', `Bearer ${lead}`)
        .send(changed)
        .expect(201);
      expect(imported.body.version).toBe(2);

      const early = await get(`${KENT}?asAt=2017-09-15&version=2`).expect(404);
      expect(early.body.detail).toBe("plan 'kent-2017-19' version 2 takes effect on 2018-01-15");
      expect(early.body.errors).toEqual([
        { field: 'version', reason: 'takes effect on 2018-01-15; as at 2017-09-15 the plan is at version 1' },
      ]);
      expect((await get(`${KENT}?asAt=2018-01-15&version=2`).expect(200)).body.version).toBe(2);
      const never = await get(`${KENT}?asAt=2018-01-15&version=3`).expect(404);
      expect(never.body.detail).toBe("plan 'kent-2017-19' has no version 3");

      const diffEarly = await get(`${KENT}/diff?from=1&to=2&asAt=2017-09-15`).expect(404);
      expect(diffEarly.body.errors[0].field).toBe('to');
      expect(diffEarly.body.detail).toBe("plan 'kent-2017-19' version 2 takes effect on 2018-01-15");
      const diff = (await get(`${KENT}/diff?from=1&to=2&asAt=2018-01-15`).expect(200)).body;
      expect(diff).toMatchObject({ asAt: '2018-01-15', knownAt: null });
      expect(diff.changes.map((c: Json) => [c.section, c.key, c.field])).toEqual([
        ['narratives', kent.narratives[0]!.key, 'text'],
      ]);
      await get(`${KENT}/diff?from=1&to=2&asAt=bogus`).expect(400);
      await get(`${KENT}/diff?from=1&to=2&knownAt=${justBefore(kentRecordedAt)}`).expect(404);

      const exported = async (query: string) => (await get(`${KENT}/export?${query}`).expect(200)).body;
      expect((await exported('asAt=2017-09-15')).narratives[0].text).toBe(kent.narratives[0]!.text);
      expect((await exported('asAt=2018-01-15')).narratives[0].text).toBe(
        `${kent.narratives[0]!.text} (revised)`,
      );
      expect((await exported('asAt=2018-01-15&version=1')).narratives[0].text).toBe(kent.narratives[0]!.text);
      await get(`${KENT}/export?asAt=2017-06-01`).expect(404);
      await get(`${KENT}/export?asAt=2017-09-15&version=2`).expect(404);
      await get(`${KENT}/export?knownAt=nope`).expect(400);

      // the list and the versions follow the version in effect
      expect(kentOf((await get('/api/plans?asAt=2017-09-15').expect(200)).body).version).toBe(1);
      const later = kentOf((await get('/api/plans?asAt=2018-01-15').expect(200)).body);
      expect(later).toMatchObject({ version: 2, steps: [] }); // version 1's sign-off does not carry over
      const versions = async (query: string) =>
        (await get(`${KENT}/versions?${query}`).expect(200)).body.versions.map((v: Json) => v.version);
      expect(await versions('asAt=2017-09-15')).toEqual([1]);
      expect(await versions('asAt=2018-01-15')).toEqual([1, 2]);
    });
  },
  { per: 'suite' },
);
