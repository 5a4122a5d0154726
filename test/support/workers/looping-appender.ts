/**
 * Child process for the crash test: appends batches of 1 to 5 events in a loop until it is killed, and
 * prints the id of each batch once the store has acknowledged it (so the parent knows what was durable).
 * Usage: node -r bin/register-aliases.js looping-appender.js <store> <round>
 */
import { randomUUID } from 'node:crypto';
import { openEventStore } from '@bcl/event-store-open';

async function main(): Promise<void> {
  const [setting, round] = process.argv.slice(2);
  const store = await openEventStore(setting);
  process.stdout.write('ready\n');
  for (let i = 0; ; i += 1) {
    const batchId = `${round}-${i}`;
    const size = 1 + (i % 5);
    const events = Array.from({ length: size }, (_, index) => ({
      eventId: randomUUID(),
      type: 'ContributionReceived',
      data: { batchId, size, index, padding: 'x'.repeat(200 + (i % 7) * 300) },
      metadata: { actor: { id: 'crash-test' }, correlationId: batchId },
    }));
    await Promise.all([
      store.append(`crash-${i % 4}`, events, 'any'),
      store.append(`crash-side-${i % 3}`, [{ ...events[0]!, eventId: randomUUID() }], 'any'),
    ]);
    process.stdout.write(`${batchId}\n`);
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
