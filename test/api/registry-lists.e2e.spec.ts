import { Role } from '@bcl/identity';
import { RunningApi, startApi } from '../support/api-app';
import { freshSqliteStore } from '../support/durable-stores';

const PROBLEM = /^application\/problem\+json/;

interface Page<T> {
  items: T[];
  next: string | null;
}
interface PostItem {
  postId: string;
  title: string;
  organisationId: string;
  holder: { personId: string; from: string; until: string | null; interim: boolean } | null;
}
interface PersonItem {
  personId: string;
  erased: boolean;
  displayName?: string | null;
}

/** Issue 14, "API discoverability": posts and people can be found without guessing their ids. */
describe('list routes for posts and people', () => {
  const store = freshSqliteStore();
  let api: RunningApi;
  const tokens = new Map<Role, string>();
  beforeAll(async () => {
    api = await startApi(store.setting, { demoData: true });
    for (const role of [
      'auditor',
      'finance-officer',
      'governance-officer',
      'programme-lead',
      'admin',
    ] as const)
      tokens.set(role, await api.token(role));
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await store.cleanup();
  });

  const get = (path: string, role: Role = 'auditor') =>
    api
      .http()
      .get(path)
      .set('Authorization', `Bearer ${tokens.get(role)!}`);

  /** Every page of a list, following `next`, at `limit` a page. */
  async function allPages<T>(path: string, limit: number, role: Role = 'auditor'): Promise<T[][]> {
    const pages: T[][] = [];
    let after: string | null = null;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const page: Page<T> = (
        await get(`${path}${separator}limit=${limit}${after ? `&after=${after}` : ''}`, role).expect(200)
      ).body;
      pages.push(page.items);
      after = page.next;
    } while (after !== null && pages.length < 100);
    return pages;
  }

  describe('GET /api/posts', () => {
    it('lists every post in id order, a page at a time, each page following the last', async () => {
      const whole: Page<PostItem> = (await get('/api/posts').expect(200)).body;
      const ids = whole.items.map((post) => post.postId);
      expect(ids).toEqual([...ids].sort());
      expect(ids).toEqual(
        expect.arrayContaining(['kent-hwb-chair', 'medway-hwb-chair', 'southend-hwb-chair']),
      );
      expect(whole.next).toBeNull();
      const pages = await allPages<PostItem>('/api/posts', 2);
      expect(pages.slice(0, -1).every((page) => page.length === 2)).toBe(true);
      expect(pages.flat().map((post) => post.postId)).toEqual(ids);
    });

    it("filters by body: the Kent HWB's chair and vice-chair, with the holder of the day", async () => {
      const before: Page<PostItem> = (await get('/api/posts?bodyId=kent-hwb&asAt=2017-06-14').expect(200))
        .body;
      expect(before.items.map((post) => [post.postId, post.holder?.personId])).toEqual([
        ['kent-hwb-chair', 'p-0001'],
        ['kent-hwb-vice-chair', 'p-0104'],
      ]);
      expect(before).toMatchObject({ asAt: '2017-06-14', next: null });
      const after: Page<PostItem> = (await get('/api/posts?bodyId=kent-hwb&asAt=2017-09-11').expect(200))
        .body;
      expect(after.items[0]).toMatchObject({
        postId: 'kent-hwb-chair',
        title: 'Chair, Kent HWB',
        organisationId: 'kent-county-council',
        holder: { personId: 'p-0002', from: '2017-09-11', until: null, interim: false },
      });
      // the Board was established on 1 April 2013: as at an earlier date it is not recorded
      await get('/api/posts?bodyId=kent-hwb&asAt=2012-01-01').expect(404);
    });

    it("filters by area: the posts of the area's member organisations on the date", async () => {
      const kent: Page<PostItem> = (await get('/api/posts?areaId=kent&asAt=2017-09-11').expect(200)).body;
      const ids = kent.items.map((post) => post.postId);
      expect(ids).toEqual(['kent-hwb-chair', 'kent-hwb-vice-chair', 'west-kent-ccg-accountable-officer']);
      const medway: Page<PostItem> = (await get('/api/posts?areaId=medway&asAt=2017-09-11').expect(200)).body;
      expect(medway.items.map((post) => post.postId)).toEqual(['medway-hwb-chair']);
      await get('/api/posts?areaId=kent&asAt=2012-01-01').expect(404); // defined from 1 April 2013
      const both = await get('/api/posts?areaId=kent&bodyId=kent-hwb&asAt=2017-09-11').expect(200);
      expect(both.body.items.map((post: PostItem) => post.postId)).toEqual([
        'kent-hwb-chair',
        'kent-hwb-vice-chair',
      ]);
      // a filtered list pages as the whole one does
      const pages = await allPages<PostItem>('/api/posts?areaId=kent&asAt=2017-09-11', 1);
      expect(pages.flat().map((post) => post.postId)).toEqual(ids);
    });

    it('an unknown body or area is a 404 naming it; a malformed filter or page is a 400 naming the field', async () => {
      const body = await get('/api/posts?bodyId=no-such-body').expect(404);
      expect(body.headers['content-type']).toMatch(PROBLEM);
      expect(body.body.detail).toContain('no-such-body');
      const area = await get('/api/posts?areaId=no-such-area').expect(404);
      expect(area.body.detail).toContain('no-such-area');
      const field = async (query: string) =>
        (await get(`/api/posts?${query}`).expect(400)).body.errors.map((e: { field: string }) => e.field);
      expect(await field('bodyId=Not%20An%20Id')).toEqual(['bodyId']);
      expect(await field('areaId=')).toEqual(['areaId']);
      expect(await field('limit=201')).toEqual(['limit']);
      expect(await field('postId=kent-hwb-chair')).toEqual(['postId']);
    });

    it('shows no names: a holder is a pseudonymous id', async () => {
      const response = await get('/api/posts', 'governance-officer').expect(200);
      expect(JSON.stringify(response.body)).not.toContain('Gough');
    });
  });

  describe('GET /api/people', () => {
    it('shows names to the auditor, governance officers and admins; ids only to the other roles', async () => {
      for (const role of ['auditor', 'governance-officer', 'admin'] as const) {
        const page = (await get('/api/people?limit=3', role).expect(200)).body;
        expect({ role, page }).toEqual({
          role,
          page: {
            names: 'shown',
            items: [
              { personId: 'p-0001', erased: false, displayName: 'Mr R W Gough' },
              { personId: 'p-0002', erased: false, displayName: 'Peter Oakford' },
              { personId: 'p-0003', erased: false, displayName: 'Ian Ayres' },
            ],
            next: 'p-0003',
          },
        });
      }
      for (const role of ['finance-officer', 'programme-lead'] as const) {
        const page = (await get('/api/people', role).expect(200)).body;
        expect({ role, names: page.names, first: page.items[0] }).toEqual({
          role,
          names: 'withheld',
          first: { personId: 'p-0001', erased: false },
        });
        expect(page.items.filter((person: PersonItem) => 'displayName' in person)).toEqual([]);
        expect(JSON.stringify(page)).not.toContain('Gough');
      }
    });

    it('pages through everyone in id order, each page following the last', async () => {
      const whole: Page<PersonItem> = (await get('/api/people?limit=200').expect(200)).body;
      const ids = whole.items.map((person) => person.personId);
      expect(ids.length).toBeGreaterThan(30);
      expect(ids).toEqual([...ids].sort());
      const pages = await allPages<PersonItem>('/api/people', 7, 'finance-officer');
      expect(pages.slice(0, -1).every((page) => page.length === 7)).toBe(true);
      expect(pages.flat().map((person) => person.personId)).toEqual(ids);
    });

    it('shows who was registered by knownAt, and an erased person without a name', async () => {
      const before = new Date(Date.now() - 1).toISOString(); // strictly before the registration is recorded
      const admin = tokens.get('admin')!;
      await api
        .http()
        .post('/api/people')
        .set('Authorization', `Bearer ${admin}`)
        .send({ personId: 'p-zz-list', displayName: 'Listed Then Erased', reason: 'list test' })
        .expect(201);
      const now: Page<PersonItem> = (await get('/api/people?after=p-zz').expect(200)).body;
      expect(now.items).toEqual([
        { personId: 'p-zz-list', erased: false, displayName: 'Listed Then Erased' },
      ]);
      const then: Page<PersonItem> = (
        await get(`/api/people?after=p-zz&knownAt=${encodeURIComponent(before)}`).expect(200)
      ).body;
      expect(then.items).toEqual([]);

      await api
        .http()
        .post('/api/people/p-zz-list/erasure')
        .set('Authorization', `Bearer ${admin}`)
        .send({ reason: 'list test: erasure' })
        .expect(200);
      const erased: Page<PersonItem> = (await get('/api/people?after=p-zz').expect(200)).body;
      expect(erased.items).toEqual([{ personId: 'p-zz-list', erased: true, displayName: null }]);
    });

    it('refuses a malformed page, naming the field', async () => {
      const response = await get('/api/people?after=%20').expect(400);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['after']);
    });
  });
});
