import kent from '../../demo/plans/kent-2017-19.json';
import { RunningApi, startApi } from '../support/api-app';
import { describeEachDurableStore, refusedRecordingNothing } from '../support/durable-stores';

/** A response body, read by value: the assertions below are what give it shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const KENT = '/api/plans/kent-2017-19';
const KENT_INSTRUMENT = '/api/governance/instruments/bcf-plan/kent-2017-19';
const KENT_DELEGATION = 'kent-hwb-2017-06-14-bcf-sign-off';
const IBCF = '/api/governance/instruments/ibcf-plan/southend-on-sea-2017-18';

describeEachDurableStore(
  'one sign-off: the plan’s lifecycle from governance, on both time axes (docs/sign-off.md)',
  (setting) => {
    let api: RunningApi;
    let auditor: string;
    let officer: string;
    beforeAll(async () => {
      api = await startApi(setting(), { demoData: true });
      [auditor, officer] = await Promise.all([
        api.token('auditor', 'auditor-1'),
        api.token('governance-officer', 'gov-1'),
      ]);
    }, 180_000);
    afterAll(() => api?.close());

    const get = (path: string) => api.http().get(path).set('Authorization', `Bearer ${auditor}`);
    const post = (path: string, body: object, token: string) =>
      api.http().post(path).set('Authorization', `Bearer ${token}`).send(body);
    const signer = (personId: string) => api.token('programme-lead', `user-${personId}`, personId);
    const refused = (send: () => Promise<{ status: number; body: Json; headers: Json }>) =>
      refusedRecordingNothing(setting(), send);
    const signedOff = (steps: Json[]) => steps.filter((s) => s.step === 'signed-off');
    /** Signs a version of the Kent plan in the Chair's post under the Chairman's delegation, as `personId`. */
    const signKent = async (
      approvalId: string,
      version: number,
      effectiveOn: string,
      personId = 'p-0002',
      reason = 'test',
    ) =>
      post(
        `${KENT_INSTRUMENT}/approvals`,
        {
          approvalId,
          version,
          actingPostId: 'kent-hwb-chair',
          authority: { kind: 'delegation', id: KENT_DELEGATION },
          effectiveOn,
          reason,
        },
        await signer(personId),
      );

    it('shows Kent’s version 1 signed off under the Chairman’s delegation as at 11 September 2017, citing the evidence', async () => {
      const plan = (await get(`${KENT}?asAt=2017-09-11`).expect(200)).body;
      expect(plan).toMatchObject({ version: 1, asAt: '2017-09-11', knownAt: null });
      expect(plan.steps).toEqual([
        {
          step: 'signed-off',
          on: '2017-09-11',
          recordedAt: expect.any(String),
          recordedAs: 'governance',
          parties: ['p-0002'],
          delegated: true,
          instrument: { kind: 'bcf-plan', id: 'kent-2017-19', version: 1 },
          authority: { kind: 'delegation', delegationId: KENT_DELEGATION, grantedBy: KENT_DELEGATION },
          signedBy: { postId: 'kent-hwb-chair', personId: 'p-0002' },
          approvalId: 'kent-2017-19-v1-chairman',
          meetingId: null,
          evidence: {
            citations: ['000:34-36'],
            assumed: 'the date of exercise is not in the seeds, so the plan date stands in',
          },
        },
      ]);
      const list = (await get('/api/plans?areaId=kent').expect(200)).body.items;
      expect(list.find((p: Json) => p.planId === 'kent-2017-19').steps).toEqual([
        { step: 'signed-off', on: '2017-09-11', evidence: plan.steps[0].evidence },
        {
          step: 'reported-back',
          on: '2017-09-20',
          evidence: expect.objectContaining({ citations: expect.any(Array) }),
        },
      ]);
      // as at the Board of 20 September, the report-back too, at that meeting
      const later = (await get(`${KENT}?asAt=2017-09-20`).expect(200)).body;
      expect(later.steps.map((s: Json) => [s.step, s.on, s.meetingId])).toEqual([
        ['signed-off', '2017-09-11', null],
        ['reported-back', '2017-09-20', 'kent-hwb-2017-09-20'],
      ]);
    });

    it('shows no sign-off as at 1 June 2017 (version 1, dated 11 September, was not yet in effect) nor the day before', async () => {
      const june = await get(`${KENT}?asAt=2017-06-01`).expect(404);
      expect(june.body.detail).toBe("plan 'kent-2017-19' had no version in effect on 2017-06-01");
      await get(`${KENT}?asAt=2017-09-10`).expect(404);
      await get(`${KENT}?asAt=2017-13-01`).expect(400);
    });

    it('shows no sign-off as known at an instant before the approval was recorded, and shows it from that instant', async () => {
      const provenance = (await get(`${KENT_INSTRUMENT}/provenance`).expect(200)).body;
      const recordedAt = provenance.approvals.find(
        (a: Json) => a.approvalId === 'kent-2017-19-v1-chairman',
      ).recordedAt;
      const before = new Date(Date.parse(recordedAt) - 1).toISOString();
      const known = (await get(`${KENT}?knownAt=${before}`).expect(200)).body;
      expect(known).toMatchObject({ version: 1, knownAt: before });
      expect(signedOff(known.steps)).toEqual([]);
      const then = (await get(`${KENT}?knownAt=${recordedAt}&asAt=2017-09-11`).expect(200)).body;
      expect(signedOff(then.steps).map((s: Json) => s.approvalId)).toEqual(['kent-2017-19-v1-chairman']);
    });

    it('runs P12 on the governance report-back: outstanding as at 21 September as known before the report-back, not after', async () => {
      const delegation = (await get(`/api/governance/delegations/${KENT_DELEGATION}`).expect(200)).body;
      const provenance = (await get(`${KENT_INSTRUMENT}/provenance`).expect(200)).body;
      const signed = provenance.approvals.find((a: Json) => a.approvalId === 'kent-2017-19-v1-chairman');
      // the report-back was recorded after the approval: known between the two, the duty stands unmet
      const between = signed.recordedAt;
      expect(delegation.reportedBack).toMatchObject({ on: '2017-09-20' });
      const p12 = async (query: string) =>
        (await get(`${KENT}/checks?${query}`).expect(200)).body.checks.filter((c: Json) => c.rule === 'P12');
      expect(await p12(`asAt=2017-09-21&knownAt=${between}`)).toEqual([
        expect.objectContaining({
          checkId: 'P12:delegated-sign-off-not-reported:kent-2017-19-v1-chairman',
          severity: 'warning',
          outcome: 'fail',
        }),
      ]);
      expect(await p12(`asAt=2017-09-20&knownAt=${between}`)).toEqual([]);
      // once the report-back is known the duty is met, and the check says the report-back is only assumed
      expect(await p12('asAt=2017-09-21')).toEqual([
        expect.objectContaining({
          checkId: 'P12:reported-back-assumed:kent-2017-19-v1-chairman',
          severity: 'information',
          outcome: 'pass',
          message: expect.stringContaining('assumed, not documented'),
        }),
      ]);
    });

    it('lists a report-back "to the next Board" once the body has met again without it', async () => {
      // Southend's delegation of 22 March 2017: "the next appropriate HWB" (004:2696); the Board met on 21 June
      const outstanding = async (on: string) =>
        (await get(`/api/governance/delegations?on=${on}`).expect(200)).body.outstandingReportBack.map(
          (d: Json) => d.delegationId,
        );
      expect(await outstanding('2017-06-21')).not.toContain('southend-hwb-2017-03-22-bcf');
      expect(await outstanding('2017-06-22')).toContain('southend-hwb-2017-03-22-bcf');
      // Kent's was due by 20 September and made that day
      expect(await outstanding('2017-09-21')).not.toContain(KENT_DELEGATION);
    });

    it('refuses an approval of a version with unaccepted checks, naming them, and records nothing', async () => {
      const changed = structuredClone(kent) as Json;
      changed.schemes[0].name = `${changed.schemes[0].name} (amended)`;
      const imported = await post(
        '/api/plans/import?effectiveOn=2017-10-02',
        changed,
        await api.token('programme-lead'),
      ).expect(201);
      // a change to a signed-off version is a new version: a creation, 201 with the plan's Location
      expect(imported.headers.location).toBe('/api/plans/kent-2017-19');
      expect(imported.body.version).toBe(2);
      const provenance = (await get(`${KENT_INSTRUMENT}/provenance`).expect(200)).body;
      expect(provenance.currentVersion).toBe(2);
      expect(
        provenance.approvals.find((a: Json) => a.approvalId === 'kent-2017-19-v1-chairman'),
      ).toMatchObject({
        version: 1,
        appliesToCurrentVersion: false,
      });
      // version 2 shows no sign-off: an approval of version 1 does not carry over, nor can one be added
      expect(signedOff((await get(KENT).expect(200)).body.steps)).toEqual([]);
      const stale = await refused(async () => signKent('stale', 1, '2017-10-02'));
      expect(stale.body.errors).toEqual([
        { field: 'instrument.version', reason: expect.stringContaining('version 2') },
      ]);
      // version 2 is in effect from its own date; as at 11 September the plan still shows version 1, signed off
      const asAt = (await get(`${KENT}?asAt=2017-09-30`).expect(200)).body;
      expect(asAt).toMatchObject({ version: 1, currentVersion: 1 });
      const approve = async () =>
        signKent('kent-v2-chairman', 2, '2017-10-02', 'p-0002', 'test: version 2 carries no acceptances yet');
      const early = await refused(async () =>
        signKent('kent-v2-early', 2, '2017-10-01', 'p-0002', 'test: a day before version 2 takes effect'),
      );
      expect(early.body.errors).toEqual([
        { field: 'effectiveOn', reason: expect.stringContaining('version 2 takes effect on 2017-10-02') },
      ]);
      // a second plan for Kent's area and cycle, declaring no variant, blocks the sign-off too (V1)
      await post(
        '/api/plans/import',
        { ...structuredClone(kent), planId: 'kent-2017-19-twin' },
        await api.token('programme-lead'),
      ).expect(201);
      const blocked = await refused(approve);
      expect(blocked.status).toBe(409);
      expect(blocked.body.errors).toEqual([
        { field: 'checks', reason: expect.stringContaining('P10:carers-break') },
      ]);
      expect(blocked.body.detail).toContain('C2:asc-minimum:2017-18');
      expect(blocked.body.detail).toContain('V1:');
      // a warning accepted on 5 October counts for a sign-off from that day, not for one dated before it
      await post(
        '/api/plans/kent-2017-19/warning-acceptances',
        { checkId: 'P10:carers-break', on: '2017-10-05', reason: 'test: accepted at a later review' },
        await api.token('finance-officer', 'finance-1'),
      ).expect(200);
      const before = await refused(async () => signKent('kent-v2-before', 2, '2017-10-03'));
      expect(before.body.detail).toContain('P10:carers-break');
      const after = await refused(async () => signKent('kent-v2-after', 2, '2017-10-05'));
      expect(after.body.detail).not.toContain('P10:carers-break');
      expect(after.body.detail).toContain('V1:');
      // Mr Gough, out of the chair, is told about his authority first
      const gough = await refused(async () => signKent('kent-v2-gough', 2, '2017-10-02', 'p-0001'));
      expect(gough.body.errors).toEqual([
        { field: 'authority', reason: expect.stringContaining('not-post-holder') },
      ]);
    });

    it('tells a post holder signing twice under an authority that no longer covers them about the authority', async () => {
      await post(
        `/api/governance/delegations/${KENT_DELEGATION}/revocation`,
        { on: '2017-09-15', reason: 'test: revoked after the sign-off' },
        officer,
      ).expect(200);
      const again = await refused(async () => signKent('kent-again', 2, '2017-10-02'));
      expect(again.status).toBe(409);
      expect(again.body.errors).toEqual([{ field: 'authority', reason: expect.stringContaining('revoked') }]);
    });

    it('validates a consultation like an approval: version, scope and term; 201 with Location when recorded', async () => {
      const chair = await signer('p-0007');
      const body = {
        consultationId: 'c-test',
        version: 1,
        delegationId: 'southend-hwb-2017-06-21-ibcf',
        postId: 'southend-hwb-chair',
        on: '2017-07-10',
        response: 'concurred',
        reason: 'test: consulted by virtual circulation (004:147)',
      };
      const consult = (change: object, path = IBCF) =>
        post(`${path}/consultations`, { ...body, ...change }, chair);
      const { version: _, ...unversioned } = body;
      const noVersion = await refused(() => post(`${IBCF}/consultations`, unversioned, chair));
      expect(noVersion.status).toBe(400);
      expect(noVersion.body.errors).toEqual([{ field: 'version', reason: 'is required: name the version' }]);
      const early = await refused(() => consult({ on: '2017-06-20' }));
      expect(early.status).toBe(409);
      expect(early.body.errors).toEqual([
        { field: 'authority', reason: expect.stringContaining('not-in-force') },
      ]);
      const scope = await refused(() => consult({ delegationId: 'southend-hwb-2017-03-22-bcf' }));
      expect(scope.body.errors).toEqual([
        { field: 'authority', reason: expect.stringContaining('out-of-scope') },
      ]);
      const otherPlan = await refused(() =>
        consult({}, '/api/governance/instruments/ibcf-plan/somewhere-else-2017-18'),
      );
      expect(otherPlan.body.errors).toEqual([
        { field: 'authority', reason: expect.stringContaining('out-of-scope') },
      ]);
      // Kent's plan is at version 2 now: a consultation on version 1 is refused
      const stale = await refused(() => consult({ delegationId: KENT_DELEGATION }, KENT_INSTRUMENT));
      expect(stale.status).toBe(409);
      expect(stale.body.errors[0].field).toBe('instrument.version');
      const recorded = await consult({}).expect(201);
      expect(recorded.headers.location).toBe(`${IBCF}/provenance`);
      expect(recorded.body.approvals).toBeDefined();
    });
  },
  { per: 'suite' },
);
