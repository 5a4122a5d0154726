import { openEventStore } from '@bcl/event-store-open';
import { verifyStore } from '@bcl/event-store';
import { startWorker } from '../support/child-process';
import { readWholeLog } from '../support/read-log';
import { describeEachDurableStore } from '../support/durable-stores';

const KILLS = 20;

/** Starts the looping appender, waits a random moment after its first acknowledged append, kills it with SIGKILL. */
async function appendUntilKilled(setting: string, round: number): Promise<string[]> {
  const child = startWorker('looping-appender', [setting, String(round)]);
  const acknowledged: string[] = [];
  let buffer = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        if (line !== 'ready') acknowledged.push(line);
        if (acknowledged.length > 0) resolve();
      }
    });
    child.on('exit', (code) =>
      reject(new Error(`appender exited (${code}) before it was killed: ${stderr}`)),
    );
  });
  await ready;
  await new Promise((resolve) => setTimeout(resolve, 20 + Math.floor(Math.random() * 150)));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  return acknowledged;
}

describeEachDurableStore('SIGKILL during appends', (setting) => {
  it('leaves whole transactions only, keeps every acknowledged append, verifies, and lets appends go on', async () => {
    const acknowledged = new Set<string>();
    let previousCount = 0;
    for (let round = 0; round < KILLS; round += 1) {
      for (const batch of await appendUntilKilled(setting(), round)) acknowledged.add(batch);
      const store = await openEventStore(setting());
      try {
        const batches = new Map<string, { size: number; seen: number }>();
        const events = await readWholeLog(store);
        for (const event of events.filter((e) => !e.stream.startsWith('crash-side'))) {
          const { batchId, size } = event.data as { batchId: string; size: number };
          const entry = batches.get(batchId) ?? { size, seen: 0 };
          entry.seen += 1;
          batches.set(batchId, entry);
        }
        const count = events.length;
        for (const [batchId, entry] of batches)
          expect({ batchId, seen: entry.seen }).toEqual({ batchId, seen: entry.size });
        for (const batchId of acknowledged) expect(batches.has(batchId)).toBe(true);
        expect((await verifyStore(store)).ok).toBe(true);
        expect(count).toBeGreaterThanOrEqual(previousCount);
        previousCount = count;
      } finally {
        await store.close();
      }
    }
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILLS);
  }, 120_000);
});
