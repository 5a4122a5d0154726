import kent from '../../demo/plans/kent-2017-19.json';
import { EventStore } from '@bcl/event-store';
import { RunningApi, startApi } from '../support/api-app';
import { describeEachDurableStore } from '../support/durable-stores';
import { readWholeLog } from '../support/read-log';
import { EVENT_STORE } from '@bcl/application';

/** A response body, read by value: the assertions below are what give it shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const KENT = '/api/plans/kent-2017-19';
const KENT_PROVENANCE = '/api/governance/instruments/bcf-plan/kent-2017-19/provenance';
const KENT_RECONCILIATION = '/api/fund/pools/kent-bcf/years/2017-18/reconciliation';
const ASHFORD = 'ashford-borough-council';
const KENT_EVIDENCE = { citations: ['000', '000:5-7'], assumed: null };
/** Kent's version 2 (a test correction): Ashford's 2017-18 DFG pass-down £1,000 higher, from 1 April 2018. */
const V2_EVIDENCE = { citations: ['test:kent-dfg-correction p1'], assumed: null };
const v2 = {
  ...kent,
  justification: 'Corrected Ashford DFG pass-down (test)',
  dfgPassDown: kent.dfgPassDown.map((d) =>
    d.key === ASHFORD
      ? { ...d, amountsPence: { ...d.amountsPence, '2017-18': d.amountsPence['2017-18'] + 100_000 } }
      : d,
  ),
  evidence: V2_EVIDENCE,
};
const ASHFORD_2017_18 = kent.dfgPassDown.find((d) => d.key === ASHFORD)!.amountsPence['2017-18'];

/** One millisecond before an instant: "known just before it was recorded". */
const justBefore = (instant: string) => new Date(Date.parse(instant) - 1).toISOString();

/** Every entry key of every section of a plan's content. */
const keysOf = (content: Record<string, { key: string }[]>) =>
  Object.fromEntries(
    Object.entries(content).map(([section, entries]) => [section, entries.map((e) => e.key)]),
  );

describeEachDurableStore(
  'plan facts beside their evidence, and governance and the fund reading the plan from the same viewpoint',
  (setting) => {
    let api: RunningApi;
    let auditor: string;
    let lead: string;
    beforeAll(async () => {
      api = await startApi(setting(), { demoData: true });
      [auditor, lead] = await Promise.all([
        api.token('auditor', 'auditor-1'),
        api.token('programme-lead', 'lead-1'),
      ]);
    }, 180_000);
    afterAll(() => api?.close());

    const get = (path: string) => api.http().get(path).set('Authorization', `Bearer ${auditor}`);
    const ashford = (reconciliation: Json) =>
      reconciliation.findings.find(
        (f: Json) => f.check === 'plan-dfg-pass-down-equals-ledger' && f.subject === ASHFORD,
      ).stated.amountPence;

    it('shows the Kent version and every entry citing the plan (000), and Medway’s import date as assumed', async () => {
      const plan = (await get(KENT).expect(200)).body;
      expect(plan.evidence).toEqual(KENT_EVIDENCE);
      const entries = Object.entries(plan.entryEvidence as Record<string, Record<string, Json>>);
      // one evidence per entry, keyed as the content is
      expect(
        Object.fromEntries(entries.map(([section, bykey]) => [section, Object.keys(bykey).sort()])),
      ).toEqual(
        Object.fromEntries(
          Object.entries(keysOf(plan.content)).map(([section, keys]) => [section, [...keys].sort()]),
        ),
      );
      expect(plan.entryEvidence.contributions['dfg/kent-county-council']).toEqual(KENT_EVIDENCE);
      expect(entries.flatMap(([, bykey]) => Object.values(bykey))).toEqual(
        expect.arrayContaining([KENT_EVIDENCE]),
      );
      expect(
        entries.flatMap(([, bykey]) => Object.values(bykey)).every((e) => e.citations.includes('000')),
      ).toBe(true);

      const medway = (await get('/api/plans/medway-2017-19').expect(200)).body;
      expect(medway.evidence).toEqual({
        citations: ['001', '001:55-63'],
        assumed: expect.stringContaining('stands in'),
      });
      expect(medway.entryEvidence.contributions).not.toEqual({});
      for (const evidence of Object.values(medway.entryEvidence.contributions) as Json[])
        expect(evidence.assumed).toEqual(medway.evidence.assumed);
      const versions = (await get(`${KENT}/versions`).expect(200)).body.versions;
      expect(versions.map((v: Json) => v.evidence)).toEqual([KENT_EVIDENCE]);
    });

    it('reads Kent’s version 2 (from 1 April 2018) only from viewpoints that see it: the plan, its provenance and the fund', async () => {
      const before = {
        provenance: (await get(KENT_PROVENANCE).expect(200)).body,
        reconciliation: (await get(KENT_RECONCILIATION).expect(200)).body,
      };
      expect(before.provenance.currentVersion).toBe(1);
      expect(ashford(before.reconciliation)).toBe(ASHFORD_2017_18);

      await api
        .http()
        .post('/api/plans/import?effectiveOn=2018-04-01')
        .set('Authorization', `Bearer ${lead}`)
        .send(v2)
        .expect(201);
      const log = await readWholeLog(api.app.get<EventStore>(EVENT_STORE));
      const v2Recorded = log.find((e) => e.type === 'PlanVersionStarted')!.recordedAt;

      // the plan: the amended entry rests on the correction, the others still on the plan document
      const now = (await get(KENT).expect(200)).body;
      expect(now).toMatchObject({ version: 2, evidence: V2_EVIDENCE });
      expect(now.entryEvidence.dfgPassDown[ASHFORD]).toEqual(V2_EVIDENCE);
      expect(now.entryEvidence.dfgPassDown['dover-district-council']).toEqual(KENT_EVIDENCE);
      const then = (await get(`${KENT}?asAt=2018-03-31`).expect(200)).body;
      expect(then).toMatchObject({ version: 1, evidence: KENT_EVIDENCE });
      expect(then.entryEvidence.dfgPassDown[ASHFORD]).toEqual(KENT_EVIDENCE);

      // governance: the provenance's current version is the plan's from the same viewpoint
      const provenance = async (query: string) => (await get(`${KENT_PROVENANCE}${query}`).expect(200)).body;
      const applies = (p: Json) => p.approvals.map((a: Json) => [a.version, a.appliesToCurrentVersion]);
      expect(await provenance('')).toMatchObject({ currentVersion: 2 });
      expect(applies(await provenance(''))).toEqual([[1, false]]);
      expect(await provenance('?asAt=2017-09-11')).toMatchObject({ currentVersion: 1 });
      expect(applies(await provenance('?asAt=2017-09-11'))).toEqual([[1, true]]);
      expect(await provenance('?asAt=2018-03-31')).toMatchObject({ currentVersion: 1 });
      expect(await provenance('?asAt=2018-04-01')).toMatchObject({ currentVersion: 2 });
      expect(await provenance(`?knownAt=${justBefore(v2Recorded)}`)).toMatchObject({ currentVersion: 1 });
      expect(applies(await provenance(`?knownAt=${justBefore(v2Recorded)}`))).toEqual([[1, true]]);
      // before the plan took effect it had no version
      expect(await provenance('?asAt=2017-06-01')).toMatchObject({ currentVersion: null, approvals: [] });

      // the fund: the reconciliation's plan side is the plan from the report's viewpoint
      const reconciliation = async (query: string) =>
        (await get(`${KENT_RECONCILIATION}${query}`).expect(200)).body;
      const latest = await reconciliation('');
      expect(latest.plan).toEqual({ planId: 'kent-2017-19', version: 2 });
      expect(ashford(latest)).toBe(ASHFORD_2017_18 + 100_000);
      const yearEnd = await reconciliation('?asAt=2018-03-31');
      expect(yearEnd.plan).toEqual({ planId: 'kent-2017-19', version: 1 });
      expect(ashford(yearEnd)).toBe(ASHFORD_2017_18);
      const known = await reconciliation(`?knownAt=${justBefore(v2Recorded)}`);
      expect(known.plan).toEqual({ planId: 'kent-2017-19', version: 1 });
      expect(ashford(known)).toBe(ASHFORD_2017_18);
      // on the recorded axis, the plan as recorded by the end of that day: none was recorded in 2018
      const recorded = await reconciliation('?asAt=2018-04-01&axis=recorded');
      expect(recorded.plan).toBeNull();
      expect(recorded.findings.filter((f: Json) => f.check === 'plan-dfg-pass-down-equals-ledger')).toEqual(
        [],
      );
    });
  },
  { per: 'suite' },
);
