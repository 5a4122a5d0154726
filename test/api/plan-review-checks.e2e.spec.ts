import kent from '../../demo/plans/kent-2017-19.json';
import { RunningApi, startApi } from '../support/api-app';
import { describeEachDurableStore } from '../support/durable-stores';

type Check = { checkId: string; rule: string; severity: string; outcome: string; message: string };

/** Issue 12 §4: the checks a reviewing accountant runs, as the check report (GET /plans/:id) answers them. */
describeEachDurableStore(
  'plan review checks through the API',
  (setting) => {
    let api: RunningApi;
    let lead: string;
    let admin: string;
    let auditor: string;
    beforeAll(async () => {
      api = await startApi(setting(), { demoData: true });
      [lead, admin, auditor] = await Promise.all([
        api.token('programme-lead', 'lead-1'),
        api.token('admin', 'admin-1'),
        api.token('auditor', 'auditor-1'),
      ]);
    }, 120_000);
    afterAll(() => api?.close());

    const post = (path: string, body: object, token = lead) =>
      api.http().post(path).set('Authorization', `Bearer ${token}`).send(body);
    const checksOf = async (planId: string, rule: string): Promise<Check[]> =>
      (
        await api.http().get(`/api/plans/${planId}`).set('Authorization', `Bearer ${auditor}`).expect(200)
      ).body.checks.filter((c: Check) => c.rule === rule);
    const { contributions: _c, dfgPassDown: _d, statedTotals: _s, ...kentRest } = kent;
    const plan = (planId: string, extra: object) => ({ ...kentRest, planId, ...extra });

    it('blocks a second plan for Kent 2017-19 and the first alike until the second declares itself a variant (V1)', async () => {
      expect(await checksOf('kent-2017-19', 'V1')).toEqual([]);
      await post('/api/plans/import', plan('kent-2017-19-rival', {})).expect(201);
      const rival = await checksOf('kent-2017-19-rival', 'V1');
      expect(rival.map((c) => [c.severity, c.outcome])).toEqual([['blocking', 'fail']]);
      expect(rival[0]!.message).toContain("'kent-2017-19' is also recorded for kent 2017-19");
      expect((await checksOf('kent-2017-19', 'V1'))[0]!.message).toContain("'kent-2017-19-rival'");

      const variant = [{ key: 'variant', of: 'kent-2017-19', why: 'a revised draft for the Board (test)' }];
      // a change to the draft answers 200
      await post('/api/plans/import', plan('kent-2017-19-rival', { variant })).expect(200);
      expect(await checksOf('kent-2017-19-rival', 'V1')).toEqual([]);
      expect(await checksOf('kent-2017-19', 'V1')).toEqual([]);
    });

    it('refuses a variant of the plan itself, naming the field, and records nothing', async () => {
      const variant = [{ key: 'variant', of: 'kent-2017-19-self', why: 'test' }];
      const refused = await post('/api/plans/import', plan('kent-2017-19-self', { variant })).expect(422);
      expect(refused.body.errors).toEqual([
        { field: 'variant[0].of', reason: 'must name another plan, not this one' },
      ]);
      await api
        .http()
        .get('/api/plans/kent-2017-19-self')
        .set('Authorization', `Bearer ${auditor}`)
        .expect(404);
    });

    it('blocks a contribution to 2017-18 from a body established in 2030 (A1, the issue example)', async () => {
      await post(
        '/api/organisations',
        {
          organisationId: 'nhs-future-ccg',
          kind: 'ccg',
          name: 'NHS Future CCG',
          codes: [],
          establishedOn: '2030-04-01',
          reason: 'test: a body established in 2030',
        },
        admin,
      ).expect(201);
      // the registry admits it to the area only from its establishment
      await post(
        '/api/areas/kent/members',
        { organisationId: 'nhs-future-ccg', role: 'nhs-commissioner', from: '2030-04-01', reason: 'test' },
        admin,
      ).expect(200);
      const contributions = [
        {
          key: 'nhs-additional/nhs-future-ccg',
          source: 'nhs-additional',
          contributorId: 'nhs-future-ccg',
          amountsPence: { '2017-18': 100_000_00 },
        },
      ];
      const variant = [{ key: 'variant', of: 'kent-2017-19', why: 'test' }];
      await post('/api/plans/import', plan('kent-2017-19-future', { contributions, variant })).expect(201);
      const a1 = await checksOf('kent-2017-19-future', 'A1');
      expect(a1.map((c) => [c.checkId, c.severity, c.outcome])).toEqual([
        ['A1:contributor-membership:nhs-additional/nhs-future-ccg:2017-18', 'blocking', 'fail'],
      ]);
      expect(a1[0]!.message).toContain('member from 2030-04-01');
    });
  },
  { per: 'suite' },
);
