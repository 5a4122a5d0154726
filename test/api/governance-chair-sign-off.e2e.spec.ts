import { ReturnContext } from '@bcl/application';
import { RunningApi, startApi } from '../support/api-app';
import { describeEachDurableStore, refusedRecordingNothing } from '../support/durable-stores';

/** A response body, read by value: the assertions below are what give it shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const Q3 = 'southend-on-sea-2017-18-q3';
const RETURNS = '/api/governance/instruments/quarterly-return';

/**
 * Returns the ledger does not hold, as a fake returns context answers for them: version, area, and what stops
 * each being signed off (governance asks the returns context; the test stands in for it on these ids only,
 * and asks the real one of every other return, the demo's included).
 */
const FAKE_RETURNS: Record<string, { version: number; area: string; obstacles: string[] }> = {
  [Q3]: { version: 4, area: 'southend-on-sea', obstacles: [] },
  'southend-on-sea-2017-18-q4': { version: 2, area: 'southend-on-sea', obstacles: ['Q13 failing'] },
  'southend-on-sea-2018-19-q1': { version: 3, area: 'southend-on-sea', obstacles: ['submitted'] },
  'kent-2017-18-q3': { version: 1, area: 'kent', obstacles: [] },
};

describeEachDurableStore(
  "quarterly-return sign-off under the chair's standing authority (docs/sign-off.md)",
  (setting) => {
    let api: RunningApi;
    let officer: string;
    let auditor: string;
    const signer = (personId: string) => api.token('programme-lead', `user-${personId}`, personId);
    beforeAll(async () => {
      api = await startApi(setting(), { demoData: true });
      const returns = api.app.get(ReturnContext);
      const real = {
        currentVersion: returns.currentVersion.bind(returns),
        areaOf: returns.areaOf.bind(returns),
        signOffObstacles: returns.signOffObstacles.bind(returns),
      };
      jest
        .spyOn(returns, 'currentVersion')
        .mockImplementation(async (id) => FAKE_RETURNS[id]?.version ?? real.currentVersion(id));
      jest
        .spyOn(returns, 'areaOf')
        .mockImplementation(async (id) => FAKE_RETURNS[id]?.area ?? real.areaOf(id));
      jest.spyOn(returns, 'signOffObstacles').mockImplementation(async (id, on) => {
        const fake = FAKE_RETURNS[id];
        return fake
          ? fake.obstacles.map((checkId) => ({ checkId, message: `${checkId} on ${on}` }))
          : real.signOffObstacles(id, on);
      });
      [officer, auditor] = await Promise.all([
        api.token('governance-officer', 'gov-1'),
        api.token('auditor', 'auditor-1'),
      ]);
    }, 180_000);
    afterAll(() => api?.close());

    const post = (path: string, body: object, token = officer) =>
      api.http().post(path).set('Authorization', `Bearer ${token}`).send(body);
    const get = (path: string) => api.http().get(path).set('Authorization', `Bearer ${auditor}`);
    const refused = (send: () => Promise<{ status: number; body: Json; headers: Json }>) =>
      refusedRecordingNothing(setting(), send);
    const conditions = (body: { errors: { reason: string }[] }) =>
      body.errors[0]!.reason.split('; ').map((failure) => failure.split(':')[0]);
    /** Cllr Salter signs a return in the Chair's post under the Board's chair authority. */
    const chairSigns = async (returnId: string, fields: object = {}, personId = 'p-0007') =>
      post(
        `${RETURNS}/${returnId}/approvals`,
        {
          approvalId: `${returnId}-chair-test`,
          version: FAKE_RETURNS[returnId]!.version,
          actingPostId: 'southend-hwb-chair',
          authority: { kind: 'chair', id: 'southend-hwb' },
          effectiveOn: '2018-01-31',
          reason: 'test: the Chair signs the return on behalf of the HWB (004:1807)',
          ...fields,
        },
        await signer(personId),
      );

    it('refuses the day before she held the post, and a return of another area', async () => {
      // she holds the Chair's post from 1 April 2016 (demo/registry.json)
      const early = await refused(() => chairSigns(Q3, { effectiveOn: '2016-03-31' }));
      expect(early.status).toBe(409);
      expect(conditions(early.body)).toEqual(['not-post-holder']);
      const kent = await refused(() => chairSigns('kent-2017-18-q3'));
      expect(kent.status).toBe(409);
      expect(kent.body.detail).toContain(
        "other-area: quarterly-return 'kent-2017-18-q3' is for area 'kent'; body 'southend-hwb' is the Board of 'southend-on-sea'",
      );
    });

    it('refuses a return with a failing blocking check, one already submitted, and a version not current', async () => {
      const failing = await refused(() => chairSigns('southend-on-sea-2017-18-q4'));
      expect(failing.status).toBe(409);
      expect(failing.body.detail).toContain('Q13 failing (Q13 failing on 2018-01-31)');
      const submitted = await refused(() => chairSigns('southend-on-sea-2018-19-q1'));
      expect(submitted.status).toBe(409);
      expect(submitted.body.detail).toContain('submitted (submitted on 2018-01-31)');
      const stale = await refused(() => chairSigns(Q3, { version: 3 }));
      expect(stale.status).toBe(409);
      expect(stale.body.detail).toContain('the instrument is at version 4');
    });

    it('refuses a plan under the chair authority, and a chair of a body that is not a Board', async () => {
      const plan = await refused(async () =>
        post(
          '/api/governance/instruments/bcf-plan/kent-2017-19/approvals',
          {
            approvalId: 'kent-chair-standing',
            version: 1,
            actingPostId: 'kent-hwb-chair',
            authority: { kind: 'chair', id: 'kent-hwb' },
            effectiveOn: '2017-09-11',
            reason: 'test: a plan needs a resolution or a delegation',
          },
          await signer('p-0002'),
        ),
      );
      expect(plan.status).toBe(409);
      expect(conditions(plan.body)).toEqual(['out-of-scope']);
      const reason = 'test: a group that is not the Board';
      await post('/api/governance/bodies', {
        bodyId: 'southend-jcg',
        name: 'Southend Joint Commissioning Group (test)',
        kind: 'joint-commissioning-group',
        areaId: 'southend-on-sea',
        establishedOn: '2016-04-01',
        reason,
      }).expect(201);
      await post('/api/governance/bodies/southend-jcg/seats', {
        postId: 'southend-hwb-chair',
        role: 'chair',
        from: '2016-04-01',
        reason,
      }).expect(200);
      const group = await refused(() => chairSigns(Q3, { authority: { kind: 'chair', id: 'southend-jcg' } }));
      expect(group.status).toBe(409);
      expect(conditions(group.body)).toEqual(['not-a-board']);
      const malformed = await refused(() => chairSigns(Q3, { authority: { kind: 'chairman', id: 'x' } }));
      expect(malformed.status).toBe(400);
    });

    it('signs the Q3 return as the Chair on the day, and shows approval ← chair seat ← body in provenance', async () => {
      const signed = await chairSigns(Q3);
      expect(signed.status).toBe(201);
      expect(signed.headers.location).toBe(`${RETURNS}/${Q3}/provenance`);
      const provenance = (await get(`${RETURNS}/${Q3}/provenance`).expect(200)).body;
      expect(provenance.currentVersion).toBe(4);
      expect(provenance.approvals).toHaveLength(1);
      const [approval] = provenance.approvals;
      expect(approval).toMatchObject({
        approvalId: `${Q3}-chair-test`,
        version: 4,
        appliesToCurrentVersion: true,
        complete: true,
        effectiveOn: '2018-01-31',
        coSignatureIds: [],
        signedBy: {
          postId: 'southend-hwb-chair',
          holder: { personId: 'p-0007', name: 'Cllr Lesley Salter' },
          actor: { personId: 'p-0007', name: 'Cllr Lesley Salter' },
        },
      });
      expect(approval.authority).toEqual({
        kind: 'chair',
        bodyId: 'southend-hwb',
        recorded: true,
        body: {
          bodyId: 'southend-hwb',
          name: 'Southend Health & Wellbeing Board',
          kind: 'health-and-wellbeing-board',
          areaId: 'southend-on-sea',
          establishedOn: '2013-04-01',
          evidence: { citations: ['004:33'], assumed: expect.stringContaining('establishment date') },
        },
        seat: {
          role: 'chair',
          from: '2013-04-01',
          until: null,
          evidence: { citations: ['004:864'], assumed: expect.stringContaining("seat's start date") },
        },
        chair: {
          postId: 'southend-hwb-chair',
          title: 'Chair, Southend-on-Sea HWB',
          holder: { personId: 'p-0007', name: 'Cllr Lesley Salter' },
        },
      });
      const actions = (await get('/api/governance/actions?personId=p-0007').expect(200)).body;
      expect(JSON.stringify(actions)).toContain(`version 4 under the chair of 'southend-hwb'`);
    });

    it("shows the demo's own sign-off of Southend's Q3 2016-17 return, as the real returns context answers", async () => {
      const real = 'southend-on-sea-2016-17-q3';
      const provenance = (await get(`${RETURNS}/${real}/provenance`).expect(200)).body;
      expect(provenance.currentVersion).toBe(3); // issued, its values, the assumed reablement status
      expect(provenance.approvals).toEqual([
        expect.objectContaining({
          approvalId: `${real}-chair`,
          version: 3,
          appliesToCurrentVersion: true,
          complete: true,
          effectiveOn: '2017-03-03',
          authority: expect.objectContaining({ kind: 'chair', bodyId: 'southend-hwb' }),
        }),
      ]);
      // submitted since: what stops any further sign-off of it
      const obstacles = await api.app.get(ReturnContext).signOffObstacles(real, '2017-03-04');
      expect(obstacles.map((o) => o.checkId)).toEqual(['submitted']);
    });
  },
  { per: 'suite' },
);
