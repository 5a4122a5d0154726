import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Answer, ApiProcess, adminToken, call, readLog, startApiProcess } from './api-process';

const PAIRS = 20;

interface Racer {
  key: string;
  displayName: string;
  answer?: Answer;
}

/** Reads a person from one process until its read model shows them (at most 10 s). */
async function personFrom(url: string, token: string, personId: string): Promise<Answer> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const answer = await call(`${url}/api/people/${personId}`, { token });
    if (answer.status === 200 || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Issue 11: two API processes on one SQLite log and one service store (its default, beside the log). Two
 * registrations of one personId with different names race, one to each process; only the request whose
 * event the log holds may put its name in the personal-data vault, so both processes show the winner's name.
 */
describe('two API processes on one SQLite file: no vault drift (built API)', () => {
  let dir: string;
  const apis: ApiProcess[] = [];
  const setting = () => `sqlite:${join(dir, 'ledger.db')}`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bcl-two-processes-'));
    apis.push(await startApiProcess(setting()));
    apis.push(await startApiProcess(setting()));
  }, 120_000);
  afterAll(async () => {
    await Promise.all(apis.map((api) => api.stop('SIGKILL')));
    rmSync(dir, { recursive: true, force: true });
  });

  it(`shows, from both processes, the name of the request whose event was recorded (${PAIRS} races)`, async () => {
    const token = await adminToken('admin-two-processes');
    const race = async (pair: number) => {
      const personId = `p-race-${pair}`;
      const racers: Racer[] = apis.map((_, side) => ({
        key: `race-${pair}-${side}`,
        displayName: `Racer ${pair} Side ${side === 0 ? 'A' : 'B'}`,
      }));
      await Promise.all(
        racers.map(async (racer, side) => {
          racer.answer = await call(`${apis[side]!.url}/api/people`, {
            method: 'POST',
            token,
            key: racer.key,
            body: { personId, displayName: racer.displayName, reason: 'two processes fault test' },
          });
        }),
      );
      return { personId, racers };
    };
    const races = await Promise.all(Array.from({ length: PAIRS }, (_, pair) => race(pair)));

    const log = await readLog(setting());
    const recordedKey = new Map(
      log
        .filter((event) => event.type === 'PersonRegistered')
        .map((event) => [String(event.data.personId), String(event.metadata.idempotencyKey)]),
    );
    const shown = [];
    for (const { personId, racers } of races) {
      const winner = racers.find((racer) => racer.key === recordedKey.get(personId));
      const names = [];
      for (const api of apis) {
        const person = await personFrom(api.url, token, personId);
        names.push((person.body as { displayName?: unknown }).displayName);
      }
      shown.push({
        personId,
        statuses: racers.map((racer) => racer.answer!.status).sort(),
        lostMidWrite: racers.some((racer) => /concurrent-change/.test(JSON.stringify(racer.answer!.body))),
        winnerAnswered: winner?.answer?.status,
        names,
        expected: winner ? [winner.displayName, winner.displayName] : 'a recorded winner',
      });
    }
    // Each race: one 201 (the recorded request) and one refusal (409: already registered); both processes show
    // the recorded request's name, never the loser's.
    const drift = shown.filter((race) => JSON.stringify(race.names) !== JSON.stringify(race.expected));
    expect({ drift, races: shown.length }).toEqual({ drift: [], races: PAIRS });
    expect(shown.filter((race) => race.winnerAnswered !== 201)).toEqual([]);
    expect(shown.filter((race) => JSON.stringify(race.statuses) !== '[201,409]')).toEqual([]);
    expect(log.filter((event) => event.type === 'PersonRegistered')).toHaveLength(PAIRS);

    // A retry of either request (same key and body, to the other process) keeps its outcome and the name.
    for (const { personId, racers } of races) {
      for (const [side, racer] of racers.entries()) {
        const retry = await call(`${apis[1 - side]!.url}/api/people`, {
          method: 'POST',
          token,
          key: racer.key,
          body: { personId, displayName: racer.displayName, reason: 'two processes fault test' },
        });
        expect({ key: racer.key, status: retry.status }).toEqual({
          key: racer.key,
          status: racer.answer!.status,
        });
      }
      const winner = racers.find((racer) => racer.key === recordedKey.get(personId))!;
      for (const api of apis)
        expect((await personFrom(api.url, token, personId)).body).toMatchObject({
          displayName: winner.displayName,
        });
    }
    process.stdout.write(
      `two processes on one SQLite file: ${PAIRS} races, ${PAIRS * 2} writes attempted, ${recordedKey.size} recorded, ${shown.filter((race) => race.statuses[0] === 201).length} answered 201, ${shown.filter((race) => race.lostMidWrite).length} lost after deciding (409 concurrent change), vault drift in ${drift.length}\n`,
    );
  }, 180_000);
});
