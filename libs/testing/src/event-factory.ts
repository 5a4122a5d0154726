import { randomUUID } from 'node:crypto';
import type { JsonObject, NewEvent } from '@bcl/event-store';

/** A well-formed event for tests, with the metadata every event must carry. */
export function newEvent(
  type = 'ContributionRecorded',
  data: JsonObject = { amountPence: 1_000 },
  eventId = randomUUID(),
): NewEvent {
  return {
    eventId,
    type,
    data,
    metadata: {
      actor: { id: 'user-test', authority: 'role:finance-officer' },
      correlationId: randomUUID(),
      reason: 'test',
    },
  };
}

export function uniqueStream(prefix = 'fund'): string {
  return `${prefix}-${randomUUID()}`;
}
