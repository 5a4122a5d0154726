import { DeciderSpecification } from './decider-specification';

/** A tiny decider: a tally that records additions and refuses to go over ten. */
type Added = { type: 'Added'; data: { amount: number } };
const evolve = (state: number | undefined, event: Added): number => (state ?? 0) + event.data.amount;
const add = (state: number | undefined, amount: number): Added[] => {
  if ((state ?? 0) + amount > 10) throw new RangeError(`over ten: ${(state ?? 0) + amount}`);
  return [{ type: 'Added', data: { amount } }];
};
const added = (amount: number): Added => ({ type: 'Added', data: { amount } });

describe('DeciderSpecification', () => {
  const tally = DeciderSpecification.for({ evolve });

  it('folds the given events, runs the decision on that state and compares the events it records', () => {
    const seen: (number | undefined)[] = [];
    tally
      .given([added(2), added(3)])
      .when((state) => {
        seen.push(state);
        return add(state, 4);
      })
      .then([added(4)]);
    tally
      .given()
      .when((state) => {
        seen.push(state);
        return add(state, 1);
      })
      .then([added(1)]);
    expect(seen).toEqual([5, undefined]);
  });

  it('fails then() when the decision records other events, or throws', () => {
    expect(() =>
      tally
        .given([added(2)])
        .when((state) => add(state, 4))
        .then([added(5)]),
    ).toThrow(/toEqual/);
    expect(() =>
      tally
        .given([added(9)])
        .when((state) => add(state, 4))
        .then([added(4)]),
    ).toThrow('over ten: 13');
  });

  it('passes thenThrows() on a throw its check accepts, and fails it when nothing is thrown or the check refuses', () => {
    tally
      .given([added(9)])
      .when((state) => add(state, 4))
      .thenThrows((error) => error instanceof RangeError);
    expect(() =>
      tally
        .given([added(1)])
        .when((state) => add(state, 4))
        .thenThrows(),
    ).toThrow('expected the decision to throw, but it recorded [{"type":"Added","data":{"amount":4}}]');
    expect(() =>
      tally
        .given([added(9)])
        .when((state) => add(state, 4))
        .thenThrows((error) => error instanceof TypeError),
    ).toThrow('the decision threw, but not as expected: RangeError: over ten: 13');
    expect(() =>
      tally
        .given([added(9)])
        .when((state) => add(state, 4))
        .thenThrows(() => expect(1).toBe(2)),
    ).toThrow(/toBe/);
  });

  it('starts from initialState, and takes commands when the decider has decide', () => {
    const seeded = DeciderSpecification.for({ evolve, initialState: 5, decide: add });
    seeded
      .given([added(1)])
      .when(4)
      .then([added(4)]);
    seeded
      .given([added(1)])
      .when(5)
      .thenThrows((error) => String(error).includes('over ten: 11'));
    expect(() =>
      tally
        .given()
        .when(1 as never)
        .then([]),
    ).toThrow('give `decide`');
  });
});
