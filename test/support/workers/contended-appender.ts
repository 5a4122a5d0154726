/**
 * Child process for the concurrency test: appends to streams it shares with other processes and to its own,
 * always with the exact expected revision it last read, and reports every outcome as one JSON line.
 * It prints `ready` once its store is open and starts only when it reads `go` on stdin, so that all workers
 * overlap; its first append creates the stream every worker races for (exactly one may win).
 * Usage: node -r bin/register-aliases.js contended-appender.js <store> <worker> <appends> <raced-stream>
 */
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { ExpectedRevision, WrongExpectedRevisionError } from '@bcl/event-store';
import { openEventStore } from '@bcl/event-store-open';

async function main(): Promise<void> {
  const [setting, worker, appendsText, racedStream] = process.argv.slice(2);
  const store = await openEventStore(setting);
  const appends = Number(appendsText);
  const report = { worker, accepted: [] as string[], rejected: [] as string[], conflicts: 0 };
  const attempt = async (
    stream: string,
    count: number,
    expected: ExpectedRevision,
    i: number,
  ): Promise<void> => {
    const events = Array.from({ length: count }, () => ({
      eventId: randomUUID(),
      type: 'SpendRecorded',
      data: { worker: String(worker), i },
      metadata: { actor: { id: `worker-${worker}` }, correlationId: randomUUID() },
    }));
    const ids = events.map((event) => event.eventId);
    try {
      await store.append(stream, events, expected);
      report.accepted.push(...ids);
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      report.conflicts += 1;
      report.rejected.push(...ids);
    }
  };

  process.stdout.write('ready\n');
  await once(createInterface({ input: process.stdin }), 'line');
  await attempt(racedStream ?? 'raced', 2, 'no-stream', -1);
  for (let i = 0; i < appends; i += 1) {
    const stream = i % 3 === 0 ? `own-${worker}` : `shared-${i % 2}`;
    const revision = await store.streamRevision(stream);
    await attempt(stream, 1 + (i % 3), revision === -1 ? 'no-stream' : revision, i);
  }
  await store.close();
  process.stdout.write(`${JSON.stringify(report)}\n`);
  process.stdin.destroy();
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
