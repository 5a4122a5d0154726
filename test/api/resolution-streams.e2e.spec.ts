import { EventStore } from '@bcl/event-store';
import { RunningApi, startApi } from '../support/api-app';
import { freshSqliteStore } from '../support/durable-stores';
import { EVENT_STORE } from '../../apps/api/src/event-log/event-log.tokens';

/** A resolution's own stream: how a write finds a resolution's meeting from the log, never a read model. */
describe('resolution streams', () => {
  let store: ReturnType<typeof freshSqliteStore>;
  let api: RunningApi;
  let officer: string;
  let events: EventStore;
  beforeAll(async () => {
    store = freshSqliteStore();
    api = await startApi(store.setting, { demoData: true });
    officer = await api.token('governance-officer', 'gov-1');
    events = api.app.get(EVENT_STORE);
  }, 180_000);
  afterAll(async () => {
    await api?.close();
    await store?.cleanup();
  });

  const pass = (meetingId: string, body: object, key?: string) => {
    const call = api.http().post(`/api/governance/meetings/${meetingId}/resolutions`);
    if (key) call.set('Idempotency-Key', key);
    return call
      .set('Authorization', `Bearer ${officer}`)
      .send({ outcome: 'noted', parts: [{ text: 'Noted.' }], reason: 'test', ...body });
  };
  const claims = async (resolutionId: string) =>
    (await events.readStream(`resolution-${resolutionId}`)).map((e) => [e.type, e.data]);

  it('claims the id for its meeting; the same id at another meeting is refused as already recorded', async () => {
    expect((await pass('kent-hwb-2016-01-27', { resolutionId: 'rs-1' })).status).toBe(200);
    expect(await claims('rs-1')).toEqual([
      ['ResolutionIdClaimed', { resolutionId: 'rs-1', meetingId: 'kent-hwb-2016-01-27' }],
    ]);
    const again = await pass('kent-hwb-2015-11-18', { resolutionId: 'rs-1' });
    expect(again.status).toBe(409);
    expect(again.body.errors).toEqual([
      { field: 'resolutionId', reason: "resolution 'rs-1' is already recorded" },
    ]);
  });

  it('claims nothing when the pass is refused, so the id stays free for the right meeting', async () => {
    expect((await pass('kent-hwb-2016-01-27', { resolutionId: 'rs-2', itemNo: 'no-such-item' })).status).toBe(
      422,
    );
    expect(await claims('rs-2')).toEqual([]);
    expect((await pass('kent-hwb-2015-11-18', { resolutionId: 'rs-2' })).status).toBe(200);
  });

  it('completes a retry that finds the claim already made (the meeting append had failed)', async () => {
    await events.append(
      'resolution-rs-3',
      [
        {
          eventId: '00000000-0000-4000-8000-000000000003',
          type: 'ResolutionIdClaimed',
          data: { resolutionId: 'rs-3', meetingId: 'kent-hwb-2016-01-27' },
          metadata: {
            actor: { id: 'gov-1', authority: 'role:governance-officer' },
            correlationId: 'c',
            reason: 'r',
          },
        },
      ],
      'no-stream',
    );
    expect((await pass('kent-hwb-2016-01-27', { resolutionId: 'rs-3' }, 'retry-rs-3')).status).toBe(200);
    expect(await claims('rs-3')).toHaveLength(1);
  });
});
