import { newEventId } from './event-id';
import { prepareAppend } from './append-planner';

describe('newEventId', () => {
  it('is a lower-case UUID version 7 with the RFC 9562 variant, carrying the time in milliseconds', () => {
    const id = newEventId(Date.UTC(2017, 5, 14, 10, 0, 0));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.UTC(2017, 5, 14, 10, 0, 0));
  });

  it('sorts by time, so later ids go to the end of the index', () => {
    const ids = [1_000, 2_000, 1_500_000_000_000, 1_800_000_000_000].map((ms) => newEventId(ms));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(Array.from({ length: 1000 }, () => newEventId(0))).size).toBe(1000);
  });

  it('is accepted by the store', () => {
    const event = {
      eventId: newEventId(),
      type: 'T',
      data: {},
      metadata: { actor: { id: 'a' }, correlationId: 'c' },
    };
    expect(prepareAppend('s', [event], 'any').events[0]!.eventId).toBe(event.eventId);
  });
});
