import { EventStore } from '@bcl/event-store';
import { effectiveDateOf } from '@bcl/kernel';
import { PROJECTIONS, replayInMemory } from '@bcl/contexts';
import { RunningApi, startApi } from '../support/api-app';
import { describeEachDurableStore } from '../support/durable-stores';
import { readWholeLog } from '../support/read-log';
import { EVENT_STORE } from '@bcl/application';

/** A response body, read by value: the assertions below are what give it shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const KENT_PLAN = '/api/governance/instruments/bcf-plan/kent-2017-19';
const KENT_DELEGATION = 'kent-hwb-2017-06-14-bcf-sign-off';

/** One millisecond before an instant: "known just before it was recorded". */
const justBefore = (instant: string) => new Date(Date.parse(instant) - 1).toISOString();

describeEachDurableStore(
  'every read model as at a date (asAt) and as known at an instant (knownAt), on the demo data',
  (setting) => {
    let api: RunningApi;
    let auditor: string;
    /** When the log recorded the first event of a type whose data matches. */
    const recordedAt = async (type: string, matches: (data: Json) => boolean) => {
      const log = await readWholeLog(api.app.get<EventStore>(EVENT_STORE));
      return log.find((e) => e.type === type && matches(e.data))!.recordedAt;
    };
    beforeAll(async () => {
      api = await startApi(setting(), { demoData: true });
      auditor = await api.token('auditor', 'auditor-1');
    }, 180_000);
    afterAll(() => api?.close());

    const get = (path: string) => api.http().get(path).set('Authorization', `Bearer ${auditor}`);

    it("traces the Kent plan's sign-off as it stood on a date and as it was known at an instant", async () => {
      const now = (await get(`${KENT_PLAN}/provenance`).expect(200)).body;
      expect(now.approvals).toHaveLength(1);
      const onTheDay = (await get(`${KENT_PLAN}/provenance?asAt=2017-09-11`).expect(200)).body;
      expect(onTheDay.approvals.map((a: Json) => [a.version, a.effectiveOn])).toEqual([[1, '2017-09-11']]);
      // the report-back at the Board of 20 September had not happened yet
      expect(onTheDay.approvals[0].authority.delegations[0]).toMatchObject({
        delegationId: KENT_DELEGATION,
        reportedBack: null,
      });
      expect(now.approvals[0].authority.delegations[0].reportedBack).toMatchObject({ on: '2017-09-20' });
      const before = (await get(`${KENT_PLAN}/provenance?asAt=2017-06-01`).expect(200)).body;
      expect(before.approvals).toEqual([]);
      const approvalRecorded = await recordedAt(
        'ApprovalRecorded',
        (d) => d.instrument?.id === 'kent-2017-19',
      );
      const unknown = (
        await get(`${KENT_PLAN}/provenance?knownAt=${justBefore(approvalRecorded)}`).expect(200)
      ).body;
      expect(unknown.approvals).toEqual([]);
      const known = (await get(`${KENT_PLAN}/provenance?knownAt=${approvalRecorded}`).expect(200)).body;
      expect(known.approvals).toHaveLength(1);
    });

    it('answers the registers from a date: decisions, meetings, delegations in force and their actions', async () => {
      const register = (path: string) =>
        get(`/api/governance/bodies/kent-hwb/decisions${path}`)
          .expect(200)
          .then((r) => r.body.decisions.map((d: Json) => d.resolutionId));
      const asAt = await register('?asAt=2016-12-31');
      // the body's own `to` filter and the asAt viewpoint agree: a decision takes effect at its meeting
      expect(asAt).toEqual(await register('?to=2016-12-31'));
      expect(asAt).not.toContain(KENT_DELEGATION);
      expect(await register('')).toContain(KENT_DELEGATION);

      await get('/api/governance/meetings/kent-hwb-2017-06-14?asAt=2017-06-13').expect(404);
      await get('/api/governance/meetings/kent-hwb-2017-06-14?asAt=2017-06-14').expect(200);
      await get(`/api/governance/delegations/${KENT_DELEGATION}?asAt=2017-06-13`).expect(404);
      const delegation = (
        await get(`/api/governance/delegations/${KENT_DELEGATION}?asAt=2017-06-14`).expect(200)
      ).body;
      expect(delegation.delegationId).toBe(KENT_DELEGATION);

      const inForce = (query: string) =>
        get(`/api/governance/delegations${query}`)
          .expect(200)
          .then((r) => r.body);
      // `on` defaults to asAt
      expect((await inForce('?asAt=2017-06-14')).on).toBe('2017-06-14');
      const before = JSON.stringify(await inForce('?asAt=2017-06-13'));
      expect(before).not.toContain(KENT_DELEGATION);
      expect(JSON.stringify(await inForce('?on=2017-06-14'))).toContain(KENT_DELEGATION);

      const chairActions = async (query: string) =>
        (await get(`/api/governance/actions?postId=kent-hwb-chair${query}`).expect(200)).body.entries;
      const all = await chairActions('');
      const early = await chairActions('&asAt=2017-06-30');
      // the actions seen as at a date are exactly those dated by then
      expect(early).toEqual(all.filter((e: Json) => e.on <= '2017-06-30'));
      expect(early.length).toBeGreaterThan(0);
      expect(early.length).toBeLessThan(all.length);
    });

    const SOUTHEND = '/api/fund/pools/southend-bcf/years/2016-17';
    it('shows the Southend position as at 30 September 2016 without the figures the Q3 and Q4 returns stated', async () => {
      const sources = async (query: string) =>
        (await get(`${SOUTHEND}/reconciliation${query}`).expect(200)).body.findings
          .map((f: Json) => f.stated?.source ?? '')
          .join('\n');
      const statedLater = /Q[34] 2016\/17 return/;
      expect(await sources('')).toMatch(statedLater);
      expect(await sources('?asAt=2016-09-30')).not.toMatch(statedLater);
      const position = (await get(`${SOUTHEND}/position?asAt=2016-09-30`).expect(200)).body;
      expect(position.byQuarter.map((q: Json) => q.income.statedActualPence)).toEqual([
        328_276_300,
        null,
        null,
        null,
      ]);
      // the ledger's own postings to that date are all there
      expect(position.byQuarter.map((q: Json) => q.income.ledgerPence)).toEqual([
        328_276_300, 328_276_200, 0, 0,
      ]);
    });

    it('shows a fund position and its agreement as the ledger knew them at an instant', async () => {
      const q3Stated = await recordedAt(
        'FundFigureStated',
        (d) => d.figureId === 'southend-actual-income-q3',
      );
      const q3Actual = async (knownAt: string) =>
        (await get(`${SOUTHEND}/position?knownAt=${knownAt}`).expect(200)).body.byQuarter[2].income
          .statedActualPence;
      expect(await q3Actual(justBefore(q3Stated))).toBeNull();
      expect(await q3Actual(q3Stated)).toBe(328_276_200);
      const known = (await get(`${SOUTHEND}/position?knownAt=${q3Stated}`).expect(200)).body;
      expect(known.knownAt).toBe(q3Stated);
      // the postings recorded before the Q3 figure: Q1 to Q3's, not Q4's
      expect(known.byQuarter.map((q: Json) => q.income.ledgerPence)).toEqual([
        328_276_300, 328_276_200, 328_276_200, 0,
      ]);

      const agreementRecorded = await recordedAt(
        'S75AgreementEstablished',
        (d) => d.agreementId === 'southend-bcf-s75',
      );
      await get(`/api/fund/agreements/southend-bcf-s75?knownAt=${justBefore(agreementRecorded)}`).expect(404);
      const agreement = (
        await get(`/api/fund/agreements/southend-bcf-s75?knownAt=${agreementRecorded}`).expect(200)
      ).body;
      expect(agreement).toMatchObject({
        knownAt: agreementRecorded,
        inEffect: { variationId: 'southend-bcf-s75-2016' },
      });
      const opened = await recordedAt('PooledFundYearOpened', (d) => d.poolId === 'southend-bcf');
      await get(`${SOUTHEND}/position?knownAt=${justBefore(opened)}`).expect(404);
    });

    it('answers the registry from a date and an instant, agreeing with its own as-at queries', async () => {
      const chair = async (query: string) =>
        (await get(`/api/posts/kent-hwb-chair${query}`).expect(200)).body;
      const holder = async (asAt: string) =>
        (await get(`/api/posts/kent-hwb-chair/holder?asAt=${asAt}`).expect(200)).body.holder?.personId ??
        null;
      for (const asAt of ['2016-01-26', '2017-09-10', '2017-09-11']) {
        const holdings = (await chair(`?asAt=${asAt}`)).holdings;
        expect(holdings.every((h: Json) => h.from <= asAt)).toBe(true);
        const inPost = holdings.filter((h: Json) => h.until === null || h.until > asAt);
        expect(inPost.map((h: Json) => h.personId)[0] ?? null).toBe(await holder(asAt));
      }
      expect((await chair('?asAt=2017-09-10')).holdings.map((h: Json) => h.personId)).toEqual(['p-0001']);
      expect((await chair('')).holdings.map((h: Json) => h.personId)).toEqual(['p-0001', 'p-0002']);

      const shepway = async (query: string) =>
        (await get(`/api/organisations/shepway-district-council${query}`).expect(200)).body;
      expect((await shepway('')).name).toBe('Folkestone and Hythe District Council');
      const before = await shepway('?asAt=2018-03-31');
      expect(before.name).toBe('Shepway District Council');
      expect(before.names).toHaveLength(1);
      const renamed = await recordedAt(
        'OrganisationRenamed',
        (d) => d.organisationId === 'shepway-district-council',
      );
      expect((await shepway(`?knownAt=${justBefore(renamed)}`)).name).toBe('Shepway District Council');
      const listed = (await get('/api/organisations?asAt=2018-03-31&limit=200').expect(200)).body.items;
      expect(listed.find((o: Json) => o.organisationId === 'shepway-district-council').name).toBe(
        'Shepway District Council',
      );

      const kent = async (query: string) => (await get(`/api/areas/kent${query}`).expect(200)).body;
      const members = (area: Json, on: string) =>
        area.members
          .filter((m: Json) => m.from <= on && (m.until === null || m.until > on))
          .map((m: Json) => m.organisationId)
          .sort();
      expect(members(await kent('?asAt=2017-04-01'), '2017-04-01')).toEqual(
        members(await kent(''), '2017-04-01'),
      );
      await get('/api/areas/kent?asAt=2013-03-31').expect(404);
      expect((await get('/api/areas?asAt=2013-03-31').expect(200)).body.items).toEqual([]);
      const person = await recordedAt('PersonRegistered', (d) => d.personId === 'p-0002');
      await get(`/api/people/p-0002?knownAt=${justBefore(person)}`).expect(404);
      await get(`/api/people/p-0002?knownAt=${person}`).expect(200);
    });

    it('replays the demo log from the day before and the day of every effective date it holds, without failing', async () => {
      const log = await readWholeLog(api.app.get<EventStore>(EVENT_STORE));
      const dates = [...new Set(log.map((e) => effectiveDateOf(e)).filter((d): d is string => d !== null))];
      const dayBefore = (d: string) =>
        new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      const store = api.app.get<EventStore>(EVENT_STORE);
      let checked = 0;
      for (const asAt of [...dates, ...dates.map(dayBefore)].sort()) {
        const [registry, , governance] = await replayInMemory(store, PROJECTIONS, { asAt });
        // each view holds only what had taken effect: no meeting of a later date, no holding begun later
        const shown = [
          ...[...(governance!.values() as Iterable<Json>)]
            .filter((v) => v.meetingId && v.date)
            .map((v) => v.date),
          ...[...(registry!.values() as Iterable<Json>)].flatMap((v) =>
            (v.holdings ?? []).map((h: Json) => h.from),
          ),
        ];
        expect(shown.filter((date) => date > asAt)).toEqual([]);
        checked += shown.length;
      }
      expect(checked).toBeGreaterThan(dates.length);
    });

    it('refuses a bad viewpoint in one line naming the field', async () => {
      const bad = await get(`${KENT_PLAN}/provenance?asAt=2017-02-30`).expect(400);
      expect(bad.body.errors).toEqual([{ field: 'asAt', reason: expect.any(String) }]);
      const badInstant = await get('/api/governance/bodies/kent-hwb?knownAt=yesterday').expect(400);
      expect(badInstant.body.errors).toEqual([{ field: 'knownAt', reason: expect.any(String) }]);
      const badPosition = await get(`${SOUTHEND}/position?knownAt=2016-09-30`).expect(400);
      expect(badPosition.body.errors).toEqual([{ field: 'knownAt', reason: expect.any(String) }]);
    });
  },
  { per: 'suite' },
);
