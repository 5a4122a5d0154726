import { EventStore, StoredEvent } from '@bcl/event-store';
import { EVENT_STORE } from '@bcl/application';
import { RunningApi, startApi } from '../support/api-app';
import { describeEachDurableStore } from '../support/durable-stores';
import { readWholeLog } from '../support/read-log';
import { ROUTES, RouteCase } from './routes';
import { useTestReturnTemplates } from './returns-routes';

const WRITES = ROUTES.filter((route) => route.method === 'post');

/** Every write takes an optional `evidence`; bad evidence is refused whole, good evidence is recorded as given. */
describeEachDurableStore(
  'every write: its evidence',
  (setting) => {
    let api: RunningApi;
    let events: EventStore;
    let templates: { restore(): void };
    beforeAll(async () => {
      templates = useTestReturnTemplates();
      api = await startApi(setting(), { demoData: true });
      events = api.app.get(EVENT_STORE);
    }, 120_000);
    afterAll(async () => {
      await api?.close();
      templates.restore();
    });

    const send = async (route: RouteCase, evidence: unknown) =>
      api
        .http()
        .post(route.path)
        .set('Authorization', `Bearer ${await api.token(route.roles[0]!, undefined, route.personId)}`)
        .send({ ...(route.body ?? {}), evidence });
    const recordedAfter = async (position: bigint | null): Promise<StoredEvent[]> =>
      (await readWholeLog(events)).filter((event) => position === null || event.position > position);

    it.each(WRITES.map((route) => [route.template, route] as const))(
      'POST %s: bad evidence is a 400 naming the field, recording nothing; given evidence is recorded',
      async (_name, route) => {
        await route.prepare?.(api); // what the sample needs, recorded before the head is read
        const head = await events.headPosition();
        const bad = await send(route, { citations: ['000:34-36', ''], assumed: null });
        expect({ status: bad.status, errors: bad.body.errors }).toEqual({
          status: 400,
          errors: [{ field: 'evidence.citations[1]', reason: expect.stringContaining('document and place') }],
        });
        expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
        const neither = await send(route, { citations: [], assumed: null });
        expect(neither.status).toBe(400);
        expect(neither.body.errors[0].field).toBe('evidence');
        expect(await recordedAfter(head)).toEqual([]);

        const evidence = {
          citations: [`matrix ${route.template}`],
          assumed: 'a test stands in for the source',
        };
        const good = await send(route, evidence);
        expect(good.status).toBeLessThan(300);
        const recorded = await recordedAfter(head);
        expect(recorded.length).toBeGreaterThan(0);
        for (const event of recorded) {
          expect(event.metadata.evidence).toEqual(evidence);
          expect(JSON.stringify(event.data)).not.toContain('a test stands in'); // never part of the fact's data
        }
      },
    );

    it('a write that gives no evidence is recorded as assumed, saying no source was cited', async () => {
      const head = await events.headPosition();
      await api
        .http()
        .post('/api/people')
        .set('Authorization', `Bearer ${await api.token('governance-officer')}`)
        .send({ personId: 'p-evidence-none', displayName: 'No Evidence', reason: 'test' })
        .expect(201);
      const [event] = await recordedAfter(head);
      expect(event!.metadata.evidence).toEqual({
        citations: [],
        assumed: 'no source was cited when this was recorded',
      });
    });
  },
  { per: 'suite' },
);
