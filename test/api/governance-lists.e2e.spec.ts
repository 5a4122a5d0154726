import { RunningApi, startApi } from '../support/api-app';
import { freshSqliteStore } from '../support/durable-stores';

/** A response body, read by value: the assertions below are what give it shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

describe('governance list routes: bodies and meetings, paged and filtered', () => {
  const store = freshSqliteStore();
  let api: RunningApi;
  let auditor: string;
  beforeAll(async () => {
    api = await startApi(store.setting, { demoData: true });
    auditor = await api.token('auditor', 'auditor-lists');
  }, 180_000);
  afterAll(async () => {
    await api?.close();
    await store.cleanup();
  });

  const get = async (path: string, status = 200): Promise<Json> =>
    (await api.http().get(path).set('Authorization', `Bearer ${auditor}`).expect(status)).body;

  it('lists the demo bodies in id order, and one area’s alone', async () => {
    const all = await get('/api/governance/bodies');
    expect(all.items.map((b: Json) => b.bodyId)).toEqual(['kent-hwb', 'southend-hwb']);
    expect(all.next).toBeNull();
    const kent = await get('/api/governance/bodies?areaId=kent');
    expect(kent.items).toEqual([
      {
        bodyId: 'kent-hwb',
        name: 'Kent Health and Wellbeing Board',
        kind: 'health-and-wellbeing-board',
        areaId: 'kent',
        establishedOn: '2013-04-01',
        meetings: 4,
        links: {
          self: '/api/governance/bodies/kent-hwb',
          decisions: '/api/governance/bodies/kent-hwb/decisions',
        },
      },
    ]);
    expect((await get('/api/governance/bodies?areaId=medway')).items).toEqual([]);
  });

  it('pages bodies with limit and after, each page naming the next', async () => {
    const first = await get('/api/governance/bodies?limit=1');
    expect(first.items.map((b: Json) => b.bodyId)).toEqual(['kent-hwb']);
    expect(first.next).toBe('kent-hwb');
    const second = await get(`/api/governance/bodies?limit=1&after=${first.next}`);
    expect(second.items.map((b: Json) => b.bodyId)).toEqual(['southend-hwb']);
    const third = await get(`/api/governance/bodies?limit=1&after=${second.next}`);
    expect(third).toEqual({ items: [], next: null });
  });

  it('lists a body’s meetings with their resolutions, and an area’s meetings page by page', async () => {
    const kent = await get('/api/governance/meetings?bodyId=kent-hwb');
    expect(kent.items.map((m: Json) => [m.meetingId, m.date])).toEqual([
      ['kent-hwb-2015-11-18', '2015-11-18'],
      ['kent-hwb-2016-01-27', '2016-01-27'],
      ['kent-hwb-2017-06-14', '2017-06-14'],
      ['kent-hwb-2017-09-20', '2017-09-20'],
    ]);
    const june = kent.items.find((m: Json) => m.meetingId === 'kent-hwb-2017-06-14');
    expect(june.resolutions.map((r: Json) => r.resolutionId)).toEqual(['kent-hwb-2017-06-14-bcf-sign-off']);
    expect(june.links).toEqual({
      self: '/api/governance/meetings/kent-hwb-2017-06-14',
      body: '/api/governance/bodies/kent-hwb',
    });
    const january = kent.items.find((m: Json) => m.meetingId === 'kent-hwb-2016-01-27');
    expect(january.attendanceRecorded).toBe(true);
    expect(january.agendaItems).toBe(12);

    const southend = await get('/api/governance/meetings?areaId=southend-on-sea&limit=1');
    expect(southend.items.map((m: Json) => m.meetingId)).toEqual(['southend-hwb-2017-03-22']);
    const next = await get(`/api/governance/meetings?areaId=southend-on-sea&limit=1&after=${southend.next}`);
    expect(next.items.map((m: Json) => m.meetingId)).toEqual(['southend-hwb-2017-06-21']);
  });

  it('answers from a viewpoint: as at a date before a meeting, it is not listed', async () => {
    const before = await get('/api/governance/meetings?bodyId=kent-hwb&asAt=2017-07-01');
    expect(before.items.map((m: Json) => m.meetingId)).not.toContain('kent-hwb-2017-09-20');
    expect(before.items.map((m: Json) => m.meetingId)).toContain('kent-hwb-2017-06-14');
  });

  it('refuses a malformed filter or page size with a 400 naming the field', async () => {
    const bad = await get('/api/governance/meetings?bodyId=Not%20An%20Id', 400);
    expect(bad.errors.map((e: Json) => e.field)).toContain('bodyId');
    const big = await get('/api/governance/bodies?limit=1000', 400);
    expect(big.errors.map((e: Json) => e.field)).toContain('limit');
  });
});
