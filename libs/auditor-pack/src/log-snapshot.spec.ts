import { InMemoryEventStore } from '@bcl/event-store-in-memory';
import {
  checkEventInclusion,
  eventLineFromJson,
  inclusionProofFromJson,
  newEventId,
  takeDigest,
  verifyStore,
} from '@bcl/event-store';
import { readLogOnce } from './log-snapshot';

describe("the pack's one read of the log", () => {
  it('gives the digest takeDigest gives, an export of every event, and proofs that hold against that digest', async () => {
    const store = new InMemoryEventStore();
    for (let i = 0; i < 7; i += 1)
      await store.append(
        `body-${i % 3}`,
        [
          {
            eventId: newEventId(),
            type: 'BodyEstablished',
            data: { n: i },
            metadata: { actor: { id: 'test' }, correlationId: 'c-1' },
          },
        ],
        'any',
      );
    const snapshot = (await readLogOnce(store, '2026-11-30T08:00:00.000Z'))!;
    const digest = (await takeDigest(store))!;
    expect(snapshot.digest).toEqual(digest);
    expect(snapshot.verification).toMatchObject({ ok: true, eventsChecked: 7, digest: { matched: true } });
    expect(snapshot.events.map((e) => e.position)).toEqual(
      (await store.readAll({})).events.map((e) => e.position),
    );
    const lines = snapshot.exportText.trim().split('\n');
    expect(lines).toHaveLength(8);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      format: 'bcl-export/1',
      exportedAt: '2026-11-30T08:00:00.000Z',
    });
    expect((await verifyStore(store, digest)).ok).toBe(true);
    for (const event of snapshot.events) {
      const made = snapshot.proofOf(event.position.toString())!;
      expect(
        checkEventInclusion(eventLineFromJson(made.event), inclusionProofFromJson(made.proof), digest),
      ).toBeNull();
    }
    expect(snapshot.proofOf('999')).toBeNull();
  });

  it('gives nothing for an empty log', async () => {
    expect(await readLogOnce(new InMemoryEventStore(), '2026-11-30T08:00:00.000Z')).toBeNull();
  });
});
