import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoredEvent } from '@bcl/event-store';
import { Answer, ApiProcess, adminToken, call, readLog, startApiProcess } from './api-process';

const WRITERS = 40;
/**
 * The API is killed a few milliseconds (KILL_DELAYS_MS, one per round) after this many writes have been answered, at a moment unrelated to any
 * answer, so some writes are recorded but not yet answered, and others not yet recorded.
 */
const ANSWERED_BEFORE_KILL = 20;
const KILL_DELAYS_MS = [40, 15, 80, 5, 120, 25, 60, 10, 100, 2];

interface Write {
  key: string;
  personId: string;
  displayName: string;
  /** The answer to the first attempt; undefined when the kill came first. */
  first?: Answer;
  retry?: Answer;
}

/** Keys of the people registered in the log, with how many PersonRegistered events each has. */
function registrations(events: StoredEvent[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const event of events) {
    if (event.type !== 'PersonRegistered') continue;
    const key = String(event.metadata.idempotencyKey);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * Issue 11: SIGKILL while 40 writers with distinct Idempotency-Keys are in flight, restart on the same store,
 * retry every request with its key and body. Each retry gets its original outcome (the kept answer, or the
 * write as the log holds it, or a first recording), never a conflict with itself; the log holds each once.
 */
describe('SIGKILL under concurrent idempotent writers, then retries (built API, SQLite)', () => {
  let dir: string;
  let api: ApiProcess | undefined;
  const setting = () => `sqlite:${join(dir, 'ledger.db')}`;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bcl-sigkill-'));
  });
  afterAll(async () => {
    await api?.stop('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  /** One round: 40 writers until the kill (`delayMs` after 20 answers); the log's registrations after it. */
  const round = async (token: string, name: string, delayMs: number, writes: Write[]) => {
    api = await startApiProcess(setting());
    const url = api.url;
    let answered = 0;
    let killed: Promise<void> | undefined;
    const kill = () => (killed ??= api!.stop('SIGKILL'));
    const deadline = setTimeout(kill, 30_000); // bounded even if writes stall
    const writer = async (w: number) => {
      for (let n = 0; !killed; n += 1) {
        const write: Write = {
          key: `crash-${name}-w${w}-n${n}`,
          personId: `p-crash-${name}-w${w}-n${n}`,
          displayName: `Crash ${name} Writer ${w} Number ${n}`,
        };
        writes.push(write);
        try {
          write.first = await call(`${url}/api/people`, {
            method: 'POST',
            token,
            key: write.key,
            body: { personId: write.personId, displayName: write.displayName, reason: 'sigkill fault test' },
          });
        } catch {
          return; // the connection died with the process
        }
        answered += 1;
        if (answered === ANSWERED_BEFORE_KILL) setTimeout(kill, delayMs);
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    clearTimeout(deadline);
    await kill();
    api = undefined;
    return registrations(await readLog(setting()));
  };

  it('answers every retry with its original outcome, and the log holds each write once', async () => {
    const token = await adminToken('admin-sigkill');
    const writes: Write[] = [];
    // Kill again (new writes, the same store) until some write was recorded but not answered: the case a
    // lost idempotency answer must not turn into a conflict. At most ten rounds, each at another moment.
    let atKill = new Map<string, number>();
    let rounds = 0;
    for (const delayMs of KILL_DELAYS_MS) {
      rounds += 1;
      atKill = await round(token, `r${rounds}`, delayMs, writes);
      if (writes.some((write) => !write.first && atKill.has(write.key))) break;
    }

    const firstAnswers = writes.filter((write) => write.first);
    expect(firstAnswers.length).toBeGreaterThanOrEqual(ANSWERED_BEFORE_KILL * rounds);
    expect(firstAnswers.filter((write) => write.first!.status !== 201)).toEqual([]);
    for (const write of firstAnswers) expect(atKill.get(write.key)).toBe(1);
    const recordedButUnanswered = writes.filter((write) => !write.first && atKill.has(write.key));
    expect(recordedButUnanswered.length).toBeGreaterThan(0);
    expect(writes.filter((write) => !atKill.has(write.key)).length).toBeGreaterThan(0);

    api = await startApiProcess(setting());
    const restarted = api.url;
    await Promise.all(
      writes.map(async (write) => {
        write.retry = await call(`${restarted}/api/people`, {
          method: 'POST',
          token,
          key: write.key,
          body: { personId: write.personId, displayName: write.displayName, reason: 'sigkill fault test' },
        });
      }),
    );
    const outcome = (write: Write) => ({
      key: write.key,
      status: write.retry!.status,
      replayed: write.retry!.headers.get('idempotency-replayed') === 'true',
      displayName: (write.retry!.body as { displayName?: unknown }).displayName,
    });
    // Recorded before the kill (answered or not): replayed, with its name; not recorded: recorded now, 201.
    expect(writes.map(outcome)).toEqual(
      writes.map((write) => ({
        key: write.key,
        status: 201,
        replayed: atKill.has(write.key),
        displayName: write.displayName,
      })),
    );
    for (const write of writes) {
      const person = await call(`${restarted}/api/people/${write.personId}`, { token });
      expect({ status: person.status, body: person.body }).toMatchObject({
        status: 200,
        body: { personId: write.personId, displayName: write.displayName },
      });
    }
    await api.stop();
    api = undefined;

    const log = await readLog(setting());
    const after = registrations(log);
    expect([...after].filter(([, count]) => count !== 1)).toEqual([]);
    expect([...after.keys()].sort()).toEqual(writes.map((write) => write.key).sort());
    expect(new Set(log.map((event) => event.eventId)).size).toBe(log.length);

    const figures = {
      attempted: writes.length,
      answeredBeforeKill: firstAnswers.length,
      recordedAtKill: atKill.size,
      rounds,
      recordedButUnanswered: recordedButUnanswered.length,
      retried: writes.length,
      replayed: writes.filter((write) => write.retry!.headers.get('idempotency-replayed') === 'true').length,
      recordedByRetry: writes.filter((write) => !atKill.has(write.key)).length,
      inLogAfter: after.size,
    };
    process.stdout.write(`sigkill under ${WRITERS} writers, then retries: ${JSON.stringify(figures)}\n`);
  }, 180_000);
});
