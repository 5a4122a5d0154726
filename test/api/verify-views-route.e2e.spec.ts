import Database from 'better-sqlite3';
import { PROJECTIONS as RUNNERS, ViewVerification } from '@bcl/application';
import { ProjectionRunner } from '@bcl/service-store';
import { RunningApi, startApi } from '../support/api-app';
import { freshSqliteStore } from '../support/durable-stores';

const ROUTE = '/api/admin/views/verification';

/** The route reads the two stores, not the running projections: it answers while readiness does not. */
describe('GET /api/admin/views/verification', () => {
  const store = freshSqliteStore();
  let api: RunningApi;
  const get = async (role: Parameters<RunningApi['token']>[0]) =>
    api
      .http()
      .get(ROUTE)
      .set('Authorization', `Bearer ${await api.token(role)}`);
  const verification = async () => {
    const response = await get('auditor');
    expect(response.status).toBe(200);
    return response.body as ViewVerification;
  };
  beforeAll(async () => {
    api = await startApi(store.setting, { demoData: 'registry' });
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await store.cleanup();
  });

  it('answers auditors and admins, and no other role', async () => {
    expect((await get('admin')).status).toBe(200);
    expect(await verification()).toMatchObject({ ok: true, vault: { ok: true, problemCount: 0 } });
    for (const role of ['finance-officer', 'governance-officer', 'programme-lead'] as const)
      expect((await get(role)).status).toBe(403);
    expect((await api.http().get(ROUTE)).status).toBe(401);
  });

  it('answers while a projection is stopped and behind (not ready), checking it where it stands; then a vault that kept an erased name', async () => {
    const registry = api.app
      .get<ProjectionRunner[]>(RUNNERS)
      .find((runner) => runner.definition.name === 'registry')!;
    await registry.stop();
    const admin = await api.token('admin');
    const people = await api.http().get('/api/people?limit=1').set('Authorization', `Bearer ${admin}`);
    const personId = (people.body as { items: { personId: string }[] }).items[0]!.personId;
    const erased = await api
      .http()
      .post(`/api/people/${personId}/erasure`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ reason: 'test: subject access request' });
    expect(erased.status).toBeLessThan(300);
    expect((await api.http().get('/health/ready')).status).toBe(503);

    const behind = await verification();
    const stood = behind.projections.find((p) => p.name === 'registry')!;
    expect(BigInt(stood.checkpoint!)).toBeLessThan(BigInt(behind.head!));
    expect(behind.ok).toBe(true);
    expect(behind.vault.erasures).toBe(1);

    const db = new Database(store.setting.slice('sqlite:'.length).replace(/\.db$/, '.service.db'));
    db.prepare("UPDATE personal_data SET display_name = 'Put Back' WHERE person_id = ?").run(personId);
    db.close();
    const kept = await verification();
    expect(kept.ok).toBe(false);
    expect(kept.vault.problems).toEqual([
      expect.objectContaining({ personId, kind: 'erasure-not-carried-out' }),
    ]);
  });
});
