import { EventStore, StorageFullError, WrongExpectedRevisionError } from '@bcl/event-store';
import { RunningApi, startApi } from '../support/api-app';
import { freshSqliteStore } from '../support/durable-stores';
import { EVENT_STORE } from '@bcl/application';

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

  /** Makes the next append to the meeting's stream fail with `failure`; every other append goes through. */
  const failMeetingAppendOnce = (meetingId: string, failure: Error) => {
    const append = events.append.bind(events);
    let failed = false;
    return jest.spyOn(events, 'append').mockImplementation((stream, newEvents, expected) => {
      if (stream !== `meeting-${meetingId}` || failed) return append(stream, newEvents, expected);
      failed = true;
      return Promise.reject(failure);
    });
  };
  const meetingHolds = async (meetingId: string, resolutionId: string) =>
    (await events.readStream(`meeting-${meetingId}`, { maxCount: 1000 })).some(
      (e) =>
        e.type === 'ResolutionPassed' && (e.data as { resolutionId?: string }).resolutionId === resolutionId,
    );

  it.each([
    [
      'a full disk',
      'rs-4',
      new StorageFullError('the test store', new Error('SQLITE_FULL')),
      "the ledger's storage is full",
    ],
    [
      'a concurrent change',
      'rs-5',
      new WrongExpectedRevisionError('meeting-kent-hwb-2016-01-27', '3', 4),
      'changed while this request was being decided',
    ],
  ])(
    'answers 202 incomplete when the meeting append fails after the claim (%s); a retry with the same key completes it',
    async (_fault, resolutionId, failure, why) => {
      const meetingId = 'kent-hwb-2016-01-27';
      const spy = failMeetingAppendOnce(meetingId, failure);
      let first;
      try {
        first = await pass(meetingId, { resolutionId }, `half-${resolutionId}`);
      } finally {
        spy.mockRestore();
      }
      // The claim is recorded, so the answer is 2xx and says exactly what is recorded and what remains.
      expect(first.status).toBe(202);
      expect(first.headers['ledger-write']).toBe('incomplete');
      expect(first.body).toMatchObject({
        recorded: true,
        incomplete: true,
        stream: `resolution-${resolutionId}`,
        revision: 0,
        remaining: { stream: `meeting-${meetingId}`, event: 'ResolutionPassed' },
      });
      expect(first.body.detail).toContain(
        `resolution '${resolutionId}' is claimed for meeting '${meetingId}' (resolution-${resolutionId} revision 0), but the resolution is not recorded at the meeting`,
      );
      expect(first.body.detail).toContain(why);
      expect(first.body.detail).toContain('retry the request with the same Idempotency-Key');
      expect(await claims(resolutionId)).toEqual([['ResolutionIdClaimed', { resolutionId, meetingId }]]);
      expect(await meetingHolds(meetingId, resolutionId)).toBe(false);

      const retry = await pass(meetingId, { resolutionId }, `half-${resolutionId}`);
      expect(retry.status).toBe(200);
      expect(retry.body.resolutions.map((r: { resolutionId: string }) => r.resolutionId)).toContain(
        resolutionId,
      );
      expect(await claims(resolutionId)).toHaveLength(1);
      expect(await meetingHolds(meetingId, resolutionId)).toBe(true);
      // A third call replays the completed write: nothing is recorded twice.
      const replay = await pass(meetingId, { resolutionId }, `half-${resolutionId}`);
      expect(replay.status).toBe(200);
      expect(replay.headers['idempotency-replayed']).toBe('true');
    },
  );
});
