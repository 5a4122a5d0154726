import { withEventStore } from '../support/durable-stores';
import { readWholeLog } from '../support/read-log';
import { RunningApi, startApi } from '../support/api-app';
import { OwnPostgres, startOwnPostgres } from '../support/own-postgres';
import { describeWithPostgresBinaries } from '../support/servers';
import { WriteTally, projectionFailing, readinessBecomes, readinessUntil, registerPerson } from './support';

/**
 * Issue 11: with PostgreSQL stopped (`-m immediate`, as a crash) and started again, the API recovers by
 * itself: readiness is 503 with the reason during the outage, 200 after, and a new write is projected.
 */
describeWithPostgresBinaries('a PostgreSQL outage, and recovery without a restart', (bin) => {
  let postgres: OwnPostgres;
  let api: RunningApi;
  let admin: string;
  const tally = new WriteTally();

  beforeAll(async () => {
    postgres = await startOwnPostgres(bin);
    api = await startApi(postgres.url);
    admin = await api.token('admin', 'admin-outage');
  }, 120_000);
  afterAll(async () => {
    await api?.close().catch(() => undefined);
    postgres?.destroy();
    process.stderr.write(`postgres outage: ${tally}\n`);
  });

  it('answers 503 with the reason while the server is down, and 200 with projected writes once it is back', async () => {
    const before = await registerPerson(api, admin, 'Before Outage');
    expect(tally.note(before.status)).toBe(201);
    await api.http().get('/health/ready').expect(200);

    postgres.stop();
    // The projections poll the log: within a few polls they fail too, and say why.
    const down = await readinessUntil(api, projectionFailing, 10_000);
    expect(down.status).toBe(503);
    expect(projectionFailing(down)).toBe(true);
    const reasons = (down.body.reasons as string[]).join('\n');
    expect(reasons).toMatch(/event store: /);
    expect(reasons).toMatch(/projection \w+: projection '\w+' is failing \(\d+ attempts, retrying\)/);
    const during = await registerPerson(api, admin, 'During Outage');
    expect(tally.note(during.status)).toBeGreaterThanOrEqual(500);

    postgres.start();
    const up = await readinessBecomes(api, 200, 30_000);
    expect(up.body).toMatchObject({ status: 'up' });
    const after = await registerPerson(api, admin, 'After Outage');
    expect(tally.note(after.status)).toBe(201);
    const read = await api
      .http()
      .get(after.headers.location!)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(read.body).toMatchObject({ displayName: 'After Outage' });

    // The log holds exactly the writes answered 2xx: the one refused during the outage recorded nothing.
    const log = await withEventStore(postgres.url, readWholeLog);
    expect(log.filter((event) => event.type === 'PersonRegistered')).toHaveLength(tally.answered.get(201)!);
  }, 120_000);
});
