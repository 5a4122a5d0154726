import { EventStore } from '@bcl/event-store';
import { ServiceStore, rebuildProjection } from '@bcl/service-store';
import { PROJECTIONS } from '@bcl/contexts';
import { defaultServiceStoreFor } from '@bcl/service-store';
import { RunningApi, startApi } from '../support/api-app';
import { describeEachDurableStore, withEventStore } from '../support/durable-stores';
import { readWholeLog } from '../support/read-log';

const PROBLEM = /^application\/problem\+json/;

describeEachDurableStore(
  'the registry API with the demo organisations',
  (setting) => {
    let api: RunningApi;
    let admin: string;
    let auditor: string;
    beforeAll(async () => {
      api = await startApi(setting(), { demoData: true });
      admin = await api.token('admin', 'admin-1');
      auditor = await api.token('auditor', 'auditor-1');
    }, 120_000);
    afterAll(() => api?.close());

    const get = (path: string, token = auditor) =>
      api.http().get(path).set('Authorization', `Bearer ${token}`);
    const post = (path: string, body: object, token = admin) =>
      api.http().post(path).set('Authorization', `Bearer ${token}`).send(body);
    const withStore = <T>(work: (store: EventStore) => Promise<T>) => withEventStore(setting(), work);

    it('checks a list route’s paging and both time axes, naming the field', async () => {
      const field = async (query: string) =>
        (await get(`/api/areas?${query}`).expect(400)).body.errors.map((e: { field: string }) => e.field);
      expect(await field('limit=0')).toEqual(['limit']);
      expect(await field('limit=201')).toEqual(['limit']);
      expect(await field('asAt=2017-02-30')).toEqual(['asAt']);
      expect(await field('knownAt=yesterday')).toEqual(['knownAt']);
      expect(await field('knownAt=2017-02-30T00:00:00Z')).toEqual(['knownAt']);
      await get('/api/areas?limit=1&asAt=2017-09-11').expect(200);
    });

    it("lists Kent's county, twelve districts and seven CCGs in 2017, and the ICB from 1 July 2022", async () => {
      const in2017 = await get('/api/areas/kent/organisations?asAt=2017-09-11').expect(200);
      const roles = (body: { organisations: { role: string }[] }, role: string) =>
        body.organisations.filter((o) => o.role === role);
      expect(roles(in2017.body, 'lead-council')).toHaveLength(1);
      expect(roles(in2017.body, 'district-council')).toHaveLength(12);
      expect(roles(in2017.body, 'nhs-commissioner')).toHaveLength(7);
      const in2022 = await get('/api/areas/kent/organisations?asAt=2022-07-01').expect(200);
      expect(roles(in2022.body, 'nhs-commissioner')).toEqual([
        expect.objectContaining({ organisationId: 'nhs-kent-and-medway-icb', kind: 'icb' }),
      ]);
      const ccg = await get('/api/organisations/nhs-west-kent-ccg/history').expect(200);
      expect(ccg.body.history.map((h: { type: string }) => h.type)).toEqual([
        'OrganisationRegistered',
        'AreaMemberAdded',
        'OrganisationSucceeded',
      ]);
    });

    it('answers who held a post on a date, with the name from the vault', async () => {
      const response = await get('/api/posts/kent-hwb-chair/holder?asAt=2017-06-14').expect(200);
      expect(response.body.holder).toMatchObject({ personId: 'p-0001', displayName: 'Mr R W Gough' });
      const later = await get('/api/posts/kent-hwb-chair/holder?asAt=2018-01-01').expect(200);
      expect(later.body.holder).toMatchObject({ personId: 'p-0002', displayName: 'Peter Oakford' });
    });

    it('writes the actor from the token into the event, and refuses an actor in the body', async () => {
      const body = {
        organisationId: 'kent-community-health-nhs-ft',
        kind: 'nhs-trust',
        name: 'Kent Community Health NHS Foundation Trust',
        codes: [{ scheme: 'ods', value: 'RYY' }],
        establishedOn: '2011-04-01',
        reason: 'Provider named in the Kent plan (000)',
      };
      const refused = await post('/api/organisations', { ...body, actor: { id: 'someone-else' } }).expect(
        400,
      );
      expect(refused.body.errors).toEqual([{ field: 'actor', reason: 'is not a known field' }]);
      const created = await post('/api/organisations', body)
        .set('X-Correlation-Id', 'corr-actor-test')
        .expect(201);
      expect(created.headers.etag).toBe('"0"');
      expect(created.headers['x-correlation-id']).toBe('corr-actor-test');
      expect(created.headers.location).toBe('/api/organisations/kent-community-health-nhs-ft');
      const [event] = await withStore((store) =>
        store.readStream('organisation-kent-community-health-nhs-ft'),
      );
      expect(event!.metadata).toMatchObject({
        actor: {
          id: 'admin-1',
          name: 'Tester admin-1',
          organisationId: 'kent-county-council',
          authority: 'role:admin',
        },
        correlationId: 'corr-actor-test',
        reason: body.reason,
        validTime: '2011-04-01',
      });
    });

    it('lets exactly one of two clients with the same If-Match win; the other gets 412 and the revision', async () => {
      const current = await get('/api/organisations/swale-borough-council').expect(200);
      const etag = current.headers.etag as string;
      const rename = (name: string) =>
        post('/api/organisations/swale-borough-council/renames', {
          name,
          effectiveFrom: '2030-01-01',
          reason: 'test',
        }).set('If-Match', etag);
      const results = await Promise.all([rename('Swale Council A'), rename('Swale Council B')]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
      const loser = results.find((r) => r.status === 412)!;
      expect(loser.headers['content-type']).toMatch(PROBLEM);
      expect(loser.body).toMatchObject({ currentRevision: Number(etag.replace(/"/g, '')) + 1 });
      const names = await withStore((store) => store.readStream('organisation-swale-borough-council'));
      expect(names.filter((e) => e.type === 'OrganisationRenamed')).toHaveLength(1);
    });

    it('replays an idempotent retry with the first response, refuses the key with another body, and still does after a restart', async () => {
      const body = { personId: 'p-idem-1', displayName: 'Jane Example', reason: 'test' };
      const first = await post('/api/people', body).set('Idempotency-Key', 'key-1').expect(201);
      const head = await withStore((store) => store.headPosition());
      const retry = await post('/api/people', body).set('Idempotency-Key', 'key-1').expect(201);
      expect(retry.headers['idempotency-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.etag).toBe(first.headers.etag);
      const other = await post('/api/people', { ...body, displayName: 'Someone Else' }).set(
        'Idempotency-Key',
        'key-1',
      );
      expect(other.status).toBe(422);
      expect(other.body.errors).toEqual([{ field: 'Idempotency-Key', reason: expect.any(String) }]);
      expect(await withStore((store) => store.headPosition())).toBe(head);
      const huge = await api
        .http()
        .post('/api/people')
        .set('Authorization', `Bearer ${admin}`)
        .set('Content-Type', 'application/json')
        .set('Idempotency-Key', 'key-2')
        .send('{"displayName": "Big", "reason": "test", "extra": 1e400}');
      expect(huge.status).toBe(400); // refused as an unknown field, not a fault

      await api.close();
      api = await startApi(setting());
      const afterRestart = await post('/api/people', body).set('Idempotency-Key', 'key-1').expect(201);
      expect(afterRestart.headers['idempotency-replayed']).toBe('true');
      expect(afterRestart.body).toEqual(first.body);
      expect(await withStore((store) => store.headPosition())).toBe(head);
    });

    it('erases a name without touching the log, which never held it', async () => {
      const body = { personId: 'p-erase-1', displayName: 'Erin Erasable', reason: 'test' };
      await post('/api/people', body).expect(201);
      const erased = await post('/api/people/p-erase-1/erasure', { reason: 'Subject access request' }).expect(
        200,
      );
      expect(erased.body).toMatchObject({ personId: 'p-erase-1', erased: true, displayName: null });
      const log = await withStore(readWholeLog);
      expect(JSON.stringify(log.map((e) => [e.data, e.metadata]))).not.toContain('Erin Erasable');
      expect(log.filter((e) => e.stream === 'person-p-erase-1').map((e) => e.type)).toEqual([
        'PersonRegistered',
        'PersonalDataErased',
      ]);
    });

    it('logs who read which resource, for auditors to query', async () => {
      const reader = await api.token('finance-officer', 'reader-77');
      await get('/api/people/p-0007', reader).expect(200);
      const log = await get('/api/access-log?subject=reader-77').expect(200);
      expect(log.body.items).toEqual([
        expect.objectContaining({
          subject: 'reader-77',
          method: 'GET',
          resource: '/api/people/p-0007',
          status: 200,
        }),
      ]);
      await get('/api/access-log', reader).expect(403);

      // from and to are instants, compared as instants in any zone; anything else is refused, naming the field
      const entries = async (query: string) =>
        (await get(`/api/access-log?subject=reader-77&${query}`).expect(200)).body.items.length;
      const at = Date.parse(log.body.items[0].at);
      const plus5 = (ms: number) => `${new Date(ms + 5 * 3_600_000).toISOString().slice(0, 19)}+05:00`;
      expect(await entries(`from=${encodeURIComponent(plus5(at - 60_000))}`)).toBe(1);
      expect(await entries(`to=${encodeURIComponent(plus5(at - 60_000))}`)).toBe(0);
      expect(await entries(`from=${encodeURIComponent(plus5(at + 60_000))}`)).toBe(0);
      for (const [query, field] of [
        ['from=banana', 'from'],
        ['to=2026-11-30', 'to'],
        ['from=2026-12-01T00:00:00Z&to=2026-11-30T00:00:00Z', 'to'],
      ]) {
        const refused = await get(`/api/access-log?${query}`).expect(400);
        expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
      }
    });

    it('rebuilds the registry projection from zero into the same views as the live one', async () => {
      const live = await ServiceStore.open(defaultServiceStoreFor(setting()));
      const rebuilt = await ServiceStore.open('sqlite::memory:');
      try {
        await withStore(async (store) => {
          for (const definition of PROJECTIONS) await rebuildProjection(store, rebuilt, definition);
        });
        const all = async (service: ServiceStore) =>
          (await Promise.all(PROJECTIONS.map((p) => service.listViews(p.name, '', 10_000)))).flat();
        const liveViews = await all(live);
        expect(liveViews.length).toBeGreaterThan(40);
        expect(await all(rebuilt)).toEqual(liveViews);
      } finally {
        await live.close();
        await rebuilt.close();
      }
    });

    it('is ready, with the projection caught up', async () => {
      const ready = await api.http().get('/health/ready').expect(200);
      expect(ready.body.checks.projections.registry).toMatchObject({ status: 'up', lagPositions: '0' });
      await api.http().get('/health/live').expect(200);
    });
  },
  { per: 'suite' },
);
