/**
 * Given / when / then for deciders, in the spirit of Emmett's DeciderSpecification. A decider here is a pair of
 * functions: `recordX(state, input, facts?) => events[]` decides, `evolveX(state | undefined, event) => state`
 * folds. Given the events already recorded, when a decision runs on the state they fold to, then it records
 * these events, or it throws.
 *
 *   const organisations = DeciderSpecification.for({ evolve: evolveOrganisation });
 *   organisations.given([registered]).when((state) => renameOrganisation(state, command)).then([renamed]);
 *   organisations.given([]).when((state) => recordSuccession(state, command, undefined)).thenThrows(refusedAs('not-found', 'organisationId'));
 *
 * Pass `decide` as well to write `.when(command)`. Uses Jest's `expect`, so it runs inside specs only.
 * (`when()`'s result has a `then` method: do not `await` or return it from a test.)
 */
export interface Decider<State, Event, Command = never> {
  evolve: (state: State | undefined, event: Event) => State;
  /** The state before any event: undefined unless the decider folds from a seed. */
  initialState?: State;
  decide?: (state: State | undefined, command: Command) => readonly Event[];
}

/** A decision on the folded state: `(state) => recordX(state, input, facts)`. */
export type Decision<State, Event> = (state: State | undefined) => readonly Event[];

export interface Outcome<Event> {
  /** The decision records exactly these events (compared with Jest's toEqual). */
  then(expected: readonly Event[]): void;
  /** The decision throws; `check` may assert on the error (return false to fail). */
  thenThrows(check?: (error: unknown) => boolean | void): void;
}

export interface Given<State, Event, Command> {
  when(decision: Decision<State, Event> | Command): Outcome<Event>;
}

export const DeciderSpecification = {
  for<State, Event, Command = never>(decider: Decider<State, Event, Command>) {
    return {
      given(events: readonly Event[] = []): Given<State, Event, Command> {
        return {
          when(decision: Decision<State, Event> | Command): Outcome<Event> {
            const run = (): readonly Event[] => {
              const state = events.reduce<State | undefined>(decider.evolve, decider.initialState);
              if (typeof decision === 'function') return (decision as Decision<State, Event>)(state);
              if (!decider.decide)
                throw new Error('DeciderSpecification: give `decide` to pass a command to when()');
              return decider.decide(state, decision as Command);
            };
            return {
              then(expected: readonly Event[]): void {
                expect(run()).toEqual(expected);
              },
              thenThrows(check?: (error: unknown) => boolean | void): void {
                let thrown: { error: unknown } | undefined;
                let recorded: readonly Event[] | undefined;
                try {
                  recorded = run();
                } catch (error) {
                  thrown = { error };
                }
                if (!thrown)
                  throw new Error(
                    `expected the decision to throw, but it recorded ${JSON.stringify(recorded)}`,
                  );
                if (check?.(thrown.error) === false)
                  throw new Error(`the decision threw, but not as expected: ${String(thrown.error)}`);
              },
            };
          },
        };
      },
    };
  },
};
