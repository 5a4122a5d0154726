import { RunningApi, startApi } from '../support/api-app';
import { freshSqliteStore } from '../support/durable-stores';
import { MATRIX_TERMS } from './routes/route-case';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The fund's list routes on the demo data: no agreement or pool id need be guessed (issue 14). */
describe('GET /api/fund/agreements and /api/fund/pools', () => {
  const store = freshSqliteStore();
  let api: RunningApi;
  let auditor: string;
  beforeAll(async () => {
    api = await startApi(store.setting, { demoData: true });
    auditor = await api.token('auditor');
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await store.cleanup();
  });
  const get = (path: string) => api.http().get(path).set('Authorization', `Bearer ${auditor}`);
  const ids = (body: Json, key: string) => (body.items as Json[]).map((item) => item[key]);

  it("lists each area's pool with its years and their status, and the agreement and area it belongs to", async () => {
    const medway = (await get('/api/fund/pools?areaId=medway').expect(200)).body as Json;
    expect(medway).toEqual({
      items: [
        {
          poolId: 'medway-bcf',
          name: expect.any(String),
          agreementId: 'medway-bcf-s75',
          areaId: 'medway',
          years: [
            {
              year: '2017-18',
              status: 'open',
              href: '/api/fund/pools/medway-bcf/years/2017-18/position',
            },
            {
              year: '2018-19',
              status: 'open',
              href: '/api/fund/pools/medway-bcf/years/2018-19/position',
            },
          ],
        },
      ],
      next: null,
    });
    const all = (await get('/api/fund/pools').expect(200)).body as Json;
    expect(ids(all, 'poolId')).toEqual(['kent-bcf', 'medway-bcf', 'rutland-bcf', 'southend-bcf']);
    await get(medway.items[0].years[0].href).expect(200);
  });

  it('lists, as at a date, only the years opened by then; as known at an instant, only what was recorded', async () => {
    const asAt = (await get('/api/fund/pools?areaId=medway&asAt=2017-09-11').expect(200)).body as Json;
    expect(asAt.items[0].years.map((y: Json) => y.year)).toEqual(['2017-18']);
    const before = (await get('/api/fund/pools?asAt=2016-12-31').expect(200)).body as Json;
    expect(ids(before, 'poolId')).toEqual(['rutland-bcf', 'southend-bcf']);
    const unknown = (await get('/api/fund/pools?knownAt=2000-01-01T00:00:00Z').expect(200)).body as Json;
    expect(unknown).toEqual({ items: [], next: null });
    const agreements = (await get('/api/fund/agreements?knownAt=2000-01-01T00:00:00Z').expect(200))
      .body as Json;
    expect(agreements).toEqual({ items: [], next: null });
  });

  it('pages in id order: `next` is the `after` of the next page, null on the last', async () => {
    const first = (await get('/api/fund/agreements?limit=3').expect(200)).body as Json;
    expect(ids(first, 'agreementId')).toEqual(['kent-bcf-s75', 'medway-bcf-s75', 'rutland-bcf-pool']);
    expect(first.next).toBe('rutland-bcf-pool');
    const second = (await get(`/api/fund/agreements?limit=3&after=${first.next}`).expect(200)).body as Json;
    expect(ids(second, 'agreementId')).toEqual(['southend-bcf-s75']);
    expect(second.next).toBeNull();
    const pools = (await get('/api/fund/pools?limit=2&after=kent-bcf').expect(200)).body as Json;
    expect(ids(pools, 'poolId')).toEqual(['medway-bcf', 'rutland-bcf']);
    expect(pools.next).toBe('rutland-bcf');
  });

  it("gives each agreement's area, parties, pools and the version in effect on the date", async () => {
    const kent = (await get('/api/fund/agreements?areaId=kent&asAt=2017-09-11').expect(200)).body as Json;
    expect(kent.items).toEqual([
      expect.objectContaining({
        agreementId: 'kent-bcf-s75',
        areaId: 'kent',
        inEffect: { variationId: 'kent-bcf-s75-2017', effectiveOn: '2017-04-01', summary: 'established' },
        versions: 1,
        parties: expect.arrayContaining(['kent-county-council']),
        pools: [expect.objectContaining({ poolId: 'kent-bcf' })],
        href: '/api/fund/agreements/kent-bcf-s75',
      }),
    ]);
    const beforeKent = (await get('/api/fund/agreements?areaId=kent&asAt=2016-12-31').expect(200)).body;
    expect(beforeKent.items).toEqual([]);
  });

  it('shows what is recorded after start-up: a new agreement, its pool-year, and the year closed', async () => {
    const terms = JSON.parse(JSON.stringify(MATRIX_TERMS).replaceAll('matrix-pool', 'lists-pool'));
    const reason = 'fund lists test';
    const governance = await api.token('governance-officer');
    const finance = await api.token('finance-officer');
    await api
      .http()
      .post('/api/fund/agreements')
      .set('Authorization', `Bearer ${governance}`)
      .send({
        agreementId: 'lists-agreement',
        areaId: 'medway',
        variationId: 'lists-agreement-v0',
        effectiveOn: '2017-04-01',
        terms,
        reason,
      })
      .expect(201);
    await api
      .http()
      .post('/api/fund/pools/lists-pool/years')
      .set('Authorization', `Bearer ${finance}`)
      .send({ year: '2017-18', agreementId: 'lists-agreement', reason })
      .expect(201);
    const opened = (await get('/api/fund/pools?areaId=medway').expect(200)).body as Json;
    expect(ids(opened, 'poolId')).toEqual(['lists-pool', 'medway-bcf']);
    expect(opened.items[0]).toMatchObject({
      name: 'Matrix pool',
      agreementId: 'lists-agreement',
      years: [{ year: '2017-18', status: 'open' }],
    });
    await api
      .http()
      .post('/api/fund/pools/lists-pool/years/2017-18/closure')
      .set('Authorization', `Bearer ${finance}`)
      .send({ on: '2018-05-31', decision: { kind: 'decision', reference: 'year end' }, reason })
      .expect(200);
    const closed = (await get('/api/fund/pools?areaId=medway').expect(200)).body as Json;
    expect(closed.items[0].years).toEqual([expect.objectContaining({ year: '2017-18', status: 'closed' })]);
    const beforeClosing = (await get('/api/fund/pools?areaId=medway&asAt=2018-05-30').expect(200)).body;
    expect(beforeClosing.items[0].years).toEqual([expect.objectContaining({ status: 'open' })]);
    const agreements = (await get('/api/fund/agreements?areaId=medway').expect(200)).body as Json;
    expect(ids(agreements, 'agreementId')).toEqual(['lists-agreement', 'medway-bcf-s75']);
  });

  it('refuses a malformed filter or page size with 400, and a caller without a token with 401', async () => {
    await get('/api/fund/pools?areaId=Not%20An%20Id').expect(400);
    await get('/api/fund/agreements?limit=0').expect(400);
    await get('/api/fund/pools?asAt=2017-13-45').expect(400);
    await api.http().get('/api/fund/pools').expect(401);
  });
});
