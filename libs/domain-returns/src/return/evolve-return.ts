import { assert } from '@bcl/kernel';
import { Cell, QuarterlyReturnState, ReturnEvent, returnStream } from './quarterly-return';

/**
 * Folds one event of a return's stream into its state. `revision` counts the events folded (− 1); `version` is
 * 1 when issued and the entry's or amendment's own version after; a validation stands only for the version it
 * ran on (an entry or amendment clears it); entered and amended cells name the event that set them (its stream
 * and revision; the position is filled in by a reader that knows it, `returnView`).
 */
export function evolveReturn(
  state: QuarterlyReturnState | undefined,
  event: ReturnEvent,
): QuarterlyReturnState {
  if (event.type === 'ReturnIssued') {
    assert(state === undefined, `return '${event.data.returnId}' is issued once`);
    const { prepopulated, ...issued } = event.data;
    return {
      ...issued,
      version: 1,
      revision: 0,
      cells: { ...prepopulated },
      amendments: [],
      validation: null,
      submitted: null,
      status: 'issued',
    };
  }
  assert(state !== undefined, `${event.type} of return '${event.data.returnId}' before it was issued`);
  const revision = state.revision + 1;
  const stream = returnStream(state.returnId);
  switch (event.type) {
    case 'ReturnFieldsEntered': {
      const entered: Record<string, Cell> = Object.fromEntries(
        Object.entries(event.data.values).map(([field, value]) => [
          field,
          { value, from: { kind: 'entered', stream, revision, position: null } },
        ]),
      );
      return {
        ...state,
        version: event.data.version,
        revision,
        cells: { ...state.cells, ...entered },
        validation: null,
        status: 'in-completion',
      };
    }
    case 'PriorQuarterAmended':
      return {
        ...state,
        version: event.data.version,
        revision,
        cells: {
          ...state.cells,
          [event.data.field]: {
            value: event.data.amendedValue,
            from: { kind: 'amended', stream, revision, position: null },
          },
        },
        amendments: [...state.amendments, { ...event.data, revision }],
        validation: null,
        status: 'in-completion',
      };
    case 'ReturnValidated': {
      const current = event.data.version === state.version;
      return {
        ...state,
        revision,
        validation: current ? event.data : state.validation,
        status: current ? (event.data.passed ? 'validated' : 'validation-failed') : state.status,
      };
    }
    case 'ReturnSubmitted':
      return { ...state, revision, submitted: event.data, status: 'submitted' };
  }
}

/** Folds a stream's events from the start: undefined when it holds none. */
export const foldReturn = (events: readonly ReturnEvent[]): QuarterlyReturnState | undefined =>
  events.reduce<QuarterlyReturnState | undefined>(evolveReturn, undefined);
