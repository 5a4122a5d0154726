import { evidenceOf, isAssumed } from '@bcl/kernel';
import { readDemoData } from '../../apps/api/src/demo/demo-files';
import { EVENT_STORE } from '@bcl/application';
import { readWholeLog } from '../support/read-log';
import { RunningApi, startApi } from '../support/api-app';
import { describeEachDurableStore } from '../support/durable-stores';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The auditor's list of every assumed fact of an area, on the demo data (issue 12). */
describeEachDurableStore(
  'GET /api/assumed-facts and /api/areas/{id}/assumed-facts on the demo data',
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
      expect(kent.facts.filter((f: Json) => /southend|(?<!kent-and-)medway|rutland/.test(f.stream))).toEqual(
        [],
      ); // Kent and Medway's successor CCG and ICB are Kent's too
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

    it("lists every assumed fact in the ledger: exactly the log's assumed events, each area's and the area-less", async () => {
      // a body of no area, registered without evidence: recorded as assumed, and tied to no area
      await api
        .http()
        .post('/api/organisations')
        .set('Authorization', `Bearer ${await api.token('admin')}`)
        .send({
          organisationId: 'a-national-body',
          kind: 'national-body',
          name: 'A National Body',
          codes: [],
          establishedOn: '2013-04-01',
          reason: 'a body of no HWB area, recorded without a source',
        })
        .expect(201);
      const ledger = (await get('/api/assumed-facts').expect(200)).body as Json;
      expect(ledger).toMatchObject({ knownAt: null, count: ledger.facts.length });
      const log = await readWholeLog(api.app.get(EVENT_STORE));
      const assumed = log.filter((event) => isAssumed(evidenceOf(event)));
      expect(assumed.length).toBeGreaterThan(0);
      expect(ledger.facts.map((f: Json) => [f.position, f.type, f.stream, f.evidence])).toEqual(
        assumed.map((e) => [e.position.toString(), e.type, e.stream, evidenceOf(e)]),
      );
      expect(ledger.facts.every((f: Json) => f.documented === false)).toBe(true);

      // the facts with an area are the union of the areas' own lists, each listed under each of its areas
      const { items } = (await get('/api/areas?limit=100').expect(200)).body as Json;
      const areaIds: string[] = items.map((area: Json) => area.areaId);
      const listedUnder = new Map<string, string[]>();
      for (const areaId of areaIds) {
        const { facts } = (await get(`/api/areas/${areaId}/assumed-facts`).expect(200)).body as Json;
        for (const fact of facts)
          listedUnder.set(fact.position, [...(listedUnder.get(fact.position) ?? []), areaId]);
      }
      const byPosition = (f: Json) => [f.position, [...f.areas].sort()];
      expect(ledger.facts.filter((f: Json) => f.areas.length > 0).map(byPosition)).toEqual(
        [...listedUnder]
          .map(([position, areas]) => [position, areas.sort()])
          .sort((a, b) => (BigInt(a[0] as string) < BigInt(b[0] as string) ? -1 : 1)),
      );
      // and the area-less ones are listed only here
      const areaLess = ledger.facts.filter((f: Json) => f.areas.length === 0);
      expect(areaLess.map((f: Json) => f.stream)).toEqual(['organisation-a-national-body']);
      expect(areaLess.every((f: Json) => !listedUnder.has(f.position))).toBe(true);
      expect(ledger.count).toBe(listedUnder.size + areaLess.length);

      const before = (await get('/api/assumed-facts?knownAt=2000-01-01T00:00:00Z').expect(200)).body;
      expect(before).toEqual({ knownAt: '2000-01-01T00:00:00.000Z', count: 0, facts: [] });
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
        from: '2016-04-01', // the Q1 2016/17 return names her Chair (004:864): from the start of that year
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
