import { openEventStore } from '@bcl/event-store-open';
import { verifyStore } from '@bcl/event-store';
import { readWholeLog } from '../support/read-log';
import { collect, startWorker, waitForLine } from '../support/child-process';
import { describeEachDurableStore } from '../support/durable-stores';

const WORKERS = 4;
const APPENDS_PER_WORKER = 150;
const RACED_STREAM = 'raced-by-every-worker';

interface WorkerReport {
  worker: string;
  accepted: string[];
  rejected: string[];
  conflicts: number;
}

describeEachDurableStore('four processes appending at once', (setting) => {
  it('loses nothing, duplicates nothing, reports every conflict to its writer, and keeps a gapless verified log', async () => {
    const setup = await openEventStore(setting()); // create the store before the workers race to
    await setup.close();
    const workers = Array.from({ length: WORKERS }, (_, worker) =>
      startWorker('contended-appender', [
        setting(),
        String(worker),
        String(APPENDS_PER_WORKER),
        RACED_STREAM,
      ]),
    );
    const runs = workers.map(collect);
    await Promise.all(workers.map((child) => waitForLine(child, 'ready')));
    for (const child of workers) child.stdin?.end('go\n'); // all start together
    const outputs = await Promise.all(runs);
    for (const output of outputs) expect(output).toMatchObject({ code: 0, stderr: '' });
    const reports = outputs.map(
      (output) => JSON.parse(output.stdout.trim().split('\n').at(-1)!) as WorkerReport,
    );

    const store = await openEventStore(setting());
    try {
      const events = await readWholeLog(store);
      const stored = events.map((event) => event.eventId);
      const accepted = reports.flatMap((report) => report.accepted);
      const rejected = reports.flatMap((report) => report.rejected);
      expect(new Set(stored).size).toBe(stored.length);
      expect([...stored].sort()).toEqual([...accepted].sort());
      const storedIds = new Set(stored);
      expect(rejected.filter((id) => storedIds.has(id))).toEqual([]);
      // Every worker raced to create one stream with 'no-stream': exactly one won, the others were told.
      expect(events.filter((event) => event.stream === RACED_STREAM)).toHaveLength(2);
      expect(reports.reduce((sum, report) => sum + report.conflicts, 0)).toBeGreaterThanOrEqual(WORKERS - 1);

      const first = events[0]!.position;
      events.forEach((event, index) => expect(event.position).toBe(first + BigInt(index)));
      const byStream = new Map<string, number[]>();
      for (const event of events)
        byStream.set(event.stream, [...(byStream.get(event.stream) ?? []), event.revision]);
      for (const revisions of byStream.values())
        expect(revisions).toEqual(revisions.map((_, index) => index));

      const report = await verifyStore(store);
      expect(report).toMatchObject({ ok: true, eventsChecked: events.length });
    } finally {
      await store.close();
    }
  });
});
