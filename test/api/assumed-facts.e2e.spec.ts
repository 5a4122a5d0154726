import { readDemoData } from '../../apps/api/src/demo/demo-files';
import { RunningApi, startApi } from '../support/api-app';
import { describeEachDurableStore } from '../support/durable-stores';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The auditor's list of every assumed fact of an area, on the demo data (issue 12). */
describeEachDurableStore(
  'GET /api/areas/{id}/assumed-facts on the demo data',
  (setting) => {
    let api: RunningApi;
    let auditor: string;
    beforeAll(async () => {
      api = await startApi(setting(), { demoData: true });
      auditor = await api.token('auditor');
    }, 120_000);
    afterAll(async () => {
      await api?.close();
    });
    const get = (path: string) => api.http().get(path).set('Authorization', `Bearer ${auditor}`);
    const demoSteps = readDemoData().flatMap((file) => file.steps);

    it("lists the corrected assumptions of Kent and Southend, each with the demo step's own evidence", async () => {
      const kent = (await get('/api/areas/kent/assumed-facts').expect(200)).body as Json;
      const byType = (type: string) => kent.facts.filter((fact: Json) => fact.type === type);
      const [reportBack] = byType('DelegatedDecisionReportedBack');
      expect(reportBack).toMatchObject({
        stream: 'delegation-kent-hwb-2017-06-14-bcf-sign-off',
        effectiveOn: '2017-09-20',
        documented: false,
        evidence: {
          citations: ['000:442', 'brief §8.5'],
          assumed: expect.stringMatching(/states only the intention .* will go before the Board/),
        },
      });
      expect(reportBack.says).toContain('meetingId kent-hwb-2017-09-20');
      expect(byType('S75AgreementEstablished').map((f: Json) => f.stream)).toEqual([
        's75-agreement-kent-bcf-s75',
      ]);
      expect(byType('FundTransactionPosted')).toHaveLength(14); // the DFG committed, received, passed to 12 districts
      expect(kent.count).toBe(kent.facts.length);

      const southend = (await get('/api/areas/southend-on-sea/assumed-facts').expect(200)).body as Json;
      const streams = southend.facts.map((fact: Json) => `${fact.type} ${fact.stream}`);
      expect(streams).toEqual(
        expect.arrayContaining([
          'ResolutionPassed meeting-southend-hwb-2017-06-21',
          'DelegationGranted delegation-southend-hwb-2017-06-21-ibcf',
          'S75AgreementEstablished s75-agreement-southend-bcf-s75',
          'PostHolderAppointed post-southend-hwb-chair',
        ]),
      );
      // each area lists its own facts only
      expect(streams.filter((s: string) => /kent|medway|rutland/.test(s))).toEqual([]);
      expect(kent.facts.filter((f: Json) => /southend|medway|rutland/.test(f.stream))).toEqual([]);
    });

    it('lists every assumed demo step of the area, and nothing cited', async () => {
      const listedReasons = new Set<string>();
      for (const area of ['kent', 'medway', 'southend-on-sea', 'rutland']) {
        const { facts } = (await get(`/api/areas/${area}/assumed-facts`).expect(200)).body as Json;
        for (const fact of facts) {
          expect(fact.documented).toBe(false);
          expect(typeof fact.evidence.assumed).toBe('string');
          listedReasons.add(fact.reason);
        }
      }
      // every assumed demo step that belongs to an area is listed; no cited step is
      const assumedReasons = demoSteps.filter((s) => s.assumed !== undefined).map((s) => s.reason);
      const citedReasons = new Set(demoSteps.filter((s) => s.assumed === undefined).map((s) => s.reason));
      const notListed = assumedReasons.filter((reason) => !listedReasons.has(reason));
      expect(notListed).toEqual([]);
      expect(
        [...listedReasons].filter((reason) => citedReasons.has(reason) && !assumedReasons.includes(reason)),
      ).toEqual([]);
    });

    it('answers 404 for an area the registry does not hold, and lists nothing known before the demo', async () => {
      await get('/api/areas/atlantis/assumed-facts').expect(404);
      const before = (await get('/api/areas/kent/assumed-facts?knownAt=2000-01-01T00:00:00Z').expect(200))
        .body;
      expect(before).toEqual({ areaId: 'kent', knownAt: '2000-01-01T00:00:00.000Z', count: 0, facts: [] });
    });

    it('shows the evidence beside each fact in the views: documented facts cite, assumed ones say why', async () => {
      const delegation = (
        await get('/api/governance/delegations/kent-hwb-2017-06-14-bcf-sign-off').expect(200)
      ).body as Json;
      expect(delegation.evidence.citations).toEqual(['000:440', '000:442']);
      expect(delegation.reportedBack.evidence).toEqual({
        citations: ['000:442', 'brief §8.5'],
        assumed: expect.stringMatching(/^the plan states only the intention/),
      });
      const holder = (await get('/api/posts/southend-hwb-chair/holder?asAt=2017-03-22').expect(200))
        .body as Json;
      expect(holder.holder).toMatchObject({
        personId: 'p-0007',
        from: '2017-03-03',
        evidence: {
          citations: ['004:1807', '004:2663', '004:864'],
          assumed: expect.stringMatching(/appointment date/),
        },
      });
      const area = (await get('/api/areas/kent').expect(200)).body as Json;
      expect(area.evidence).toEqual({ citations: ['000'], assumed: null }); // documented: cited, nothing assumed
      const position = (await get('/api/fund/pools/southend-bcf/years/2016-17/position').expect(200))
        .body as Json;
      expect(position.terms).toMatchObject({
        agreementId: 'southend-bcf-s75',
        restsOnAssumedTerms: true,
        note: expect.stringMatching(/^rests on assumed terms: the host partner is not in the seeds/),
      });
      const plans = (await get('/api/plans?areaId=kent').expect(200)).body as Json;
      expect(plans.items[0].evidence).toEqual({ citations: ['000', '000:5-7'], assumed: null });
    });
  },
  { per: 'suite' },
);
