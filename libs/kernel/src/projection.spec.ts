import {
  defineProjection,
  memoryViewReader,
  projectInMemory,
  recordedEvents,
  viewKeyOf,
  change,
} from './projection';

type CounterEvent =
  | { type: 'Counted'; data: { counterId: string; by: number } }
  | { type: 'Reset'; data: { counterId: string } }
  | { type: 'Noted'; data: { counterId: string; note: string } };
interface CounterView {
  counterId: string;
  total: number;
  revision: number;
}
const counterKey = (id: string) => viewKeyOf<CounterView>(`counter/${id}`);

const counters = defineProjection<CounterEvent, CounterView>({
  name: 'counters',
  version: 1,
  handlers: {
    Counted: {
      reads: (event) => [counterKey(event.data.counterId)],
      apply: (event, load) => {
        const before = load(counterKey(event.data.counterId));
        const total = (before?.total ?? 0) + event.data.by;
        return [
          change(counterKey(event.data.counterId), {
            counterId: event.data.counterId,
            total,
            revision: event.revision,
          }),
        ];
      },
    },
    Reset: {
      apply: (event) => [
        change(counterKey(event.data.counterId), {
          counterId: event.data.counterId,
          total: 0,
          revision: event.revision,
        }),
      ],
    },
    Noted: 'ignored',
  },
});

describe('defineProjection', () => {
  it('applies each handled event in log order, skips ignored and unknown types, and reads what it declared', async () => {
    const events = recordedEvents([
      { type: 'Counted', data: { counterId: 'a', by: 2 }, stream: 'counter-a' },
      { type: 'Counted', data: { counterId: 'b', by: 5 }, stream: 'counter-b' },
      { type: 'Noted', data: { counterId: 'a', note: 'ignored' }, stream: 'counter-a' },
      { type: 'SomethingElse', data: {}, stream: 'other' },
      { type: 'Counted', data: { counterId: 'a', by: 3 }, stream: 'counter-a' },
      { type: 'Reset', data: { counterId: 'b' }, stream: 'counter-b' },
    ]);
    expect(events.map((e) => [e.position, e.revision])).toEqual([
      [1n, 0],
      [2n, 0],
      [3n, 1],
      [4n, 0],
      [5n, 2],
      [6n, 1],
    ]);
    expect(events.map((e) => counters.handles(e))).toEqual([true, true, false, false, true, true]);
    expect(counters.keysRead(events[0]!)).toEqual(['counter/a']);
    expect(counters.keysRead(events[5]!)).toEqual([]);
    expect(counters.apply(events[2]!, () => undefined)).toEqual([]);

    const views = projectInMemory(counters, events);
    expect(Object.fromEntries(views)).toEqual({
      'counter/a': { counterId: 'a', total: 5, revision: 2 },
      'counter/b': { counterId: 'b', total: 0, revision: 1 },
    });
    const reader = memoryViewReader(views);
    expect(await reader.get(counterKey('a'))).toEqual({ counterId: 'a', total: 5, revision: 2 });
    expect(await reader.get(counterKey('z'))).toBeUndefined();
    expect([...(await reader.getMany([counterKey('b'), counterKey('z')])).keys()]).toEqual(['counter/b']);
    expect((await reader.list(counterKey(''), 10)).map((v) => v.counterId)).toEqual(['a', 'b']);
    expect((await reader.list(counterKey(''), 10, 'counter/a')).map((v) => v.counterId)).toEqual(['b']);
    expect(await reader.list(counterKey(''), 1)).toHaveLength(1);
  });

  it('does not compile when an event type of the context is neither handled nor ignored', () => {
    const incomplete = () =>
      defineProjection<CounterEvent, CounterView>({
        name: 'incomplete',
        version: 1,
        // @ts-expect-error 'Noted' is missing: every event type must be handled or marked 'ignored'
        handlers: { Counted: 'ignored', Reset: 'ignored' },
      });
    expect(incomplete().handles({ type: 'Noted' })).toBe(false);
  });
});
