import type { Response } from 'supertest';
import { ProjectionRunner, ServiceStore } from '@bcl/service-store';
import { EventStore } from '@bcl/event-store';
import { CommandBus } from '@nestjs/cqrs';
import { PROJECTIONS, SERVICE_STORE } from '@bcl/application';
import { CommandContext, WriteResult } from '@bcl/application';
import { RegisterPersonCommand } from '../../apps/api/src/registry/use-cases/register-person';
import { RunningApi, startApi } from '../support/api-app';
import { describeEachDurableStore, withEventStore } from '../support/durable-stores';

/**
 * Issue 11, "every answer is true": once events are recorded the answer is 2xx and says so (202 while a read
 * model is behind); a retry with the same Idempotency-Key gets the original outcome even when the kept answer
 * was lost; two identical requests with one key make one write and one replay; refusals write nothing,
 * in the vault either.
 */
describeEachDurableStore(
  'answers that say what the ledger holds',
  (setting) => {
    let api: RunningApi;
    let admin: string;
    beforeAll(async () => {
      api = await startApi(setting(), { demoData: true });
      admin = await api.token('admin', 'admin-1');
    }, 120_000);
    afterAll(() => api?.close());

    const post = (path: string, body: object, token = admin) =>
      api.http().post(path).set('Authorization', `Bearer ${token}`).send(body);
    const withStore = <T>(work: (store: EventStore) => Promise<T>) => withEventStore(setting(), work);
    const service = () => api.app.get<ServiceStore>(SERVICE_STORE);
    /** Simulates a crash between the append and keeping the answer: the idempotency record is gone. */
    const forgetAnswers = () =>
      (service() as unknown as { sql: { query(text: string): Promise<unknown> } }).sql.query(
        'DELETE FROM idempotency_records',
      );

    it('makes one write and one replay of each of 20 pairs of identical requests with one key', async () => {
      const answers: Array<[Response, Response]> = [];
      for (let i = 0; i < 20; i += 1) {
        const body = { personId: `p-dup-${i}`, displayName: `Duplicate ${i}`, reason: 'test: duplicates' };
        const send = (copy: string) =>
          post('/api/people', body)
            .set('Idempotency-Key', `dup-${i}`)
            .set('X-Correlation-Id', `dup-${i}-${copy}`);
        answers.push(await Promise.all([send('a'), send('b')])); // each pair races; the pairs run in turn
      }
      for (const [a, b] of answers) {
        expect([a.status, b.status]).toEqual([201, 201]);
        expect([a, b].filter((r) => r.headers['idempotency-replayed'] === 'true')).toHaveLength(1);
        expect(b.body).toEqual(a.body);
        expect(b.headers.etag).toBe(a.headers.etag);
      }
      const streams = await withStore(async (store) =>
        Promise.all(answers.map((_, i) => store.readStream(`person-p-dup-${i}`))),
      );
      expect(streams.map((events) => events.length)).toEqual(answers.map(() => 1));
    });

    /** Runs the command as the route would, straight through the bus, so that two copies interleave. */
    const register = (personId: string, displayName: string, extra: Partial<CommandContext> = {}) =>
      api.app.get(CommandBus).execute<RegisterPersonCommand, WriteResult>(
        new RegisterPersonCommand(
          { personId, displayName },
          {
            actor: { id: 'admin-1', authority: 'role:admin' },
            correlationId: `corr-${Math.random()}`,
            reason: 'test: racing copies',
            ...extra,
          },
        ),
      );

    it('records once and replays once when two copies with one key (and different correlation ids) interleave', async () => {
      for (let i = 0; i < 20; i += 1) {
        const key = { idempotencyKey: `bus-dup-${i}`, requestHash: `hash-${i}` };
        const results = await Promise.allSettled([
          register(`p-bus-dup-${i}`, `Bus ${i}`, key),
          register(`p-bus-dup-${i}`, `Bus ${i}`, key),
        ]);
        expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
        const [a, b] = results.map((r) => (r as PromiseFulfilledResult<WriteResult>).value);
        expect([a!.replayed, b!.replayed].filter(Boolean)).toHaveLength(1);
        expect(b!.revision).toBe(a!.revision);
        expect(b!.position).toBe(a!.position);
      }
      const streams = await withStore(async (store) =>
        Promise.all(Array.from({ length: 20 }, (_, i) => store.readStream(`person-p-bus-dup-${i}`))),
      );
      expect(streams.map((events) => events.length)).toEqual(streams.map(() => 1));
    });

    it('keeps the recorded name in the vault when two registrations of one id interleave', async () => {
      for (let round = 0; round < 10; round += 1) {
        const personId = `p-bus-race-${round}`;
        const names = [`Bus Winner A ${round}`, `Bus Winner B ${round}`];
        const results = await Promise.allSettled(names.map((name) => register(personId, name)));
        expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
        const winner = names[results.findIndex((r) => r.status === 'fulfilled')];
        expect((await service().displayNames([personId])).get(personId)).toBe(winner);
      }
    });

    it('answers a retry whose kept answer was lost as the original, from the log, and refuses another body', async () => {
      const body = { personId: 'p-lost-1', displayName: 'Lost Answer', reason: 'test: lost record' };
      const first = await post('/api/people', body).set('Idempotency-Key', 'lost-1').expect(201);
      const head = await withStore((store) => store.headPosition());
      await forgetAnswers();
      const retry = await post('/api/people', body).set('Idempotency-Key', 'lost-1');
      expect(retry.status).toBe(201);
      expect(retry.headers['idempotency-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.etag).toBe(first.headers.etag);
      await forgetAnswers();
      const other = await post('/api/people', { ...body, displayName: 'Someone Else' }).set(
        'Idempotency-Key',
        'lost-1',
      );
      expect(other.status).toBe(422);
      expect(other.body.errors).toEqual([{ field: 'Idempotency-Key', reason: expect.any(String) }]);
      expect(await withStore((store) => store.headPosition())).toBe(head);
      expect((await service().displayNames(['p-lost-1'])).get('p-lost-1')).toBe('Lost Answer');
    });

    it('answers 202 with what was recorded while a read model is behind, and in full on a retry', async () => {
      const runners = api.app.get<ProjectionRunner[]>(PROJECTIONS);
      const spies = runners.map((runner) =>
        jest.spyOn(runner, 'waitFor').mockRejectedValueOnce(new Error('stopped for the test')),
      );
      const body = {
        personId: 'p-behind-1',
        displayName: 'Behind Reader',
        reason: 'test: read model behind',
      };
      const accepted = await post('/api/people', body).set('Idempotency-Key', 'behind-1');
      spies.forEach((spy) => spy.mockRestore());
      expect(accepted.status).toBe(202);
      expect(accepted.headers['ledger-read-model']).toBe('behind');
      expect(accepted.headers.location).toBe('/api/people/p-behind-1');
      expect(accepted.headers.etag).toBe('"0"');
      const [event] = await withStore((store) => store.readStream('person-p-behind-1'));
      expect(accepted.body).toMatchObject({
        recorded: true,
        readModel: 'behind',
        stream: 'person-p-behind-1',
        revision: 0,
        position: event!.position.toString(),
        location: '/api/people/p-behind-1',
      });
      const retry = await post('/api/people', body).set('Idempotency-Key', 'behind-1').expect(201);
      expect(retry.headers['idempotency-replayed']).toBe('true');
      expect(retry.body).toMatchObject({ personId: 'p-behind-1', displayName: 'Behind Reader' });
      expect(await withStore((store) => store.readStream('person-p-behind-1'))).toHaveLength(1);
    });

    it('answers 202, not a 5xx, when the vault fails after the event is recorded; the retry stores the name', async () => {
      const failing = jest
        .spyOn(service(), 'putPersonalData')
        .mockRejectedValueOnce(new Error('SQLITE_FULL: database or disk is full'));
      const body = { personId: 'p-full-1', displayName: 'Full Disk', reason: 'test: vault fails' };
      const accepted = await post('/api/people', body).set('Idempotency-Key', 'full-1');
      failing.mockRestore();
      expect(accepted.status).toBe(202);
      expect(accepted.body).toMatchObject({ recorded: true, stream: 'person-p-full-1', revision: 0 });
      expect(accepted.body.detail).toMatch(/vault/);
      const retry = await post('/api/people', body).set('Idempotency-Key', 'full-1').expect(201);
      expect(retry.body).toMatchObject({ personId: 'p-full-1', displayName: 'Full Disk' });
      expect(await withStore((store) => store.readStream('person-p-full-1'))).toHaveLength(1);
    });

    it('erases the name from the vault on a later erasure request, when the vault failed after the erasure was recorded', async () => {
      await post('/api/people', { personId: 'p-erase-1', displayName: 'To Erase', reason: 'test' }).expect(
        201,
      );
      const failing = jest
        .spyOn(service(), 'erasePersonalData')
        .mockRejectedValueOnce(new Error('SQLITE_FULL: database or disk is full'));
      const erasure = { reason: 'test: erasure request' };
      const accepted = await post('/api/people/p-erase-1/erasure', erasure);
      failing.mockRestore();
      expect(accepted.status).toBe(202);
      expect((await service().displayNames(['p-erase-1'])).get('p-erase-1')).toBe('To Erase');
      // a second request (no key) is refused as already erased, and the vault catches up with the log
      await post('/api/people/p-erase-1/erasure', erasure).expect(409);
      expect((await service().displayNames(['p-erase-1'])).get('p-erase-1') ?? null).toBeNull();
      expect(await withStore((store) => store.readStream('person-p-erase-1'))).toHaveLength(2);
    });

    it('keeps in the vault only the name whose registration was recorded, when two race for one id', async () => {
      for (let round = 0; round < 10; round += 1) {
        const personId = `p-race-${round}`;
        const register = (displayName: string) =>
          post('/api/people', { personId, displayName, reason: 'test: race' });
        const answers = await Promise.all([register(`Winner A ${round}`), register(`Winner B ${round}`)]);
        expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
        const winner = answers.find((r) => r.status === 201)!;
        expect((await service().displayNames([personId])).get(personId)).toBe(winner.body.displayName);
      }
    });

    it('refuses a consultation on a BCF plan the ledger does not hold, recording nothing', async () => {
      const head = await withStore((store) => store.headPosition());
      const consultee = await api.token('programme-lead', 'user-p-0007', 'p-0007');
      const consult = () =>
        post(
          '/api/governance/instruments/bcf-plan/no-such-plan/consultations',
          {
            consultationId: 'c-missing-plan',
            version: 1,
            delegationId: 'southend-hwb-2017-06-21-ibcf',
            postId: 'southend-hwb-chair',
            on: '2017-07-10',
            response: 'concurred',
            reason: 'test: a plan that is not recorded',
          },
          consultee,
        );
      const refused = await consult();
      expect(refused.status).toBe(404);
      expect(refused.body.detail).toMatch(/plan 'no-such-plan' is not recorded/);
      expect(await withStore((store) => store.headPosition())).toBe(head);
      expect((await consult()).status).toBe(404);
      expect(await withStore((store) => store.headPosition())).toBe(head);
    });
  },
  { per: 'suite' },
);
