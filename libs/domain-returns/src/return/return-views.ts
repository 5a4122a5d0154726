import {
  Quarter,
  QUARTERS,
  Recorded,
  Viewpoint,
  effectiveDateOf,
  eventSeenFrom,
  operatorWriteMark,
} from '@bcl/kernel';
import { evolveReturn } from './evolve-return';
import {
  Cell,
  FieldValue,
  PriorQuarterAmended,
  QuarterlyReturnState,
  ReturnEvent,
  ReturnView,
  returnIdOf,
} from './quarterly-return';

/** A return's event as the log recorded it (stream, revision, global position, recordedAt, metadata). */
export type RecordedReturnEvent = Recorded<ReturnEvent>;

export interface ReturnViewOptions {
  viewpoint: Viewpoint;
  /**
   * The events of the later returns of the same area and year (whole streams, any order). Given, the view is
   * `as-restated`; absent, `as-submitted` (its own stream only).
   */
  restatedBy?: readonly RecordedReturnEvent[];
}

/**
 * The events of each stream seen from the viewpoint: each stream's events (in its order, as the log gives
 * them) up to the first one not seen (recorded after `knownAt`, or in effect after `asAt` by its metadata's
 * `validTime`). A return's events build on each other (each version on the one before), so an event not yet
 * seen hides every later one of its stream.
 */
export function seenPrefix<E extends RecordedReturnEvent>(events: readonly E[], viewpoint: Viewpoint): E[] {
  const hidden = new Set<string>();
  return events.filter((event) => {
    if (hidden.has(event.stream)) return false;
    if (eventSeenFrom(viewpoint, event)) return true;
    hidden.add(event.stream);
    return false;
  });
}

/** The later returns of the same area and year: the only ones whose amendments restate this one. */
const laterReturnIds = (state: QuarterlyReturnState): Set<string> =>
  new Set(
    QUARTERS.filter((q) => q > state.quarter).map((q) =>
      returnIdOf(state.areaId, state.financialYear, q as Quarter),
    ),
  );

/**
 * A return as seen from a viewpoint (null when its issue is not seen), with the global position of each
 * entered or amended cell's event. As restated (`restatedBy` given), one rule decides which later amendment
 * restates it: a `PriorQuarterAmended` recorded in a LATER return of the same area and year (Q(n+1)..Q4, by
 * return id) that is itself submitted (seen so from the viewpoint: a draft restates nothing), of a field THIS
 * return holds, for a quarter no later than this return's (`targetQuarter` ≤ its
 * quarter). So a Q3 amendment of the Q1 actual restates both Q1 and Q2 (which carried it); each amendment is
 * applied in recorded order and kept, with both values, in `restatements`.
 */
export function returnView(
  events: readonly RecordedReturnEvent[],
  options: ReturnViewOptions,
): ReturnView | null {
  const seen = seenPrefix(events, options.viewpoint);
  if (seen.length === 0) return null;
  const state = seen.reduce<QuarterlyReturnState | undefined>(evolveReturn, undefined)!;
  const positions = new Map(seen.map((e) => [`${e.stream}#${e.revision}`, e.position.toString()]));
  const withPosition = (cell: Cell): Cell =>
    (cell.from.kind === 'entered' || cell.from.kind === 'amended' || cell.from.kind === 'previous-return') &&
    cell.from.position === null
      ? {
          ...cell,
          from: {
            ...cell.from,
            position: positions.get(`${cell.from.stream}#${cell.from.revision}`) ?? null,
          },
        }
      : cell;
  const cells: Record<string, Cell> = Object.fromEntries(
    Object.entries(state.cells).map(([field, cell]) => [field, withPosition(cell)]),
  );
  const restatements: ReturnView['restatements'] = [];
  let lastChanged = seen.at(-1)!.recordedAt;
  if (options.restatedBy !== undefined) {
    const later = laterReturnIds(state);
    const laterSeen = seenPrefix(options.restatedBy, options.viewpoint);
    // A later return restates only once it is submitted (seen so from the viewpoint): a draft restates nothing.
    const submitted = new Set(laterSeen.filter((e) => e.type === 'ReturnSubmitted').map((e) => e.stream));
    const amendments = laterSeen
      .filter((e) => submitted.has(e.stream))
      .filter(
        (e): e is Extract<RecordedReturnEvent, { type: 'PriorQuarterAmended' }> =>
          e.type === 'PriorQuarterAmended',
      )
      .filter(
        (e) => later.has(e.data.returnId) && e.data.targetQuarter <= state.quarter && e.data.field in cells,
      )
      .sort((a, b) => a.recordedAt.localeCompare(b.recordedAt) || (a.position < b.position ? -1 : 1));
    for (const e of amendments) {
      const position = e.position.toString();
      cells[e.data.field] = {
        value: e.data.amendedValue,
        from: { kind: 'amended', stream: e.stream, revision: e.revision, position },
      };
      restatements.push({
        ...e.data,
        stream: e.stream,
        revision: e.revision,
        position,
        ...operatorWriteMark(e.metadata),
      });
      if (e.recordedAt > lastChanged) lastChanged = e.recordedAt;
    }
  }
  const { revision: _revision, ...rest } = state;
  const submission = seen.findLast((e) => e.type === 'ReturnSubmitted');
  return {
    ...rest,
    submitted:
      rest.submitted === null ? null : { ...rest.submitted, ...operatorWriteMark(submission?.metadata) },
    cells,
    basis: options.restatedBy === undefined ? 'as-submitted' : 'as-restated',
    restatements,
    recordedAt: { issued: seen[0]!.recordedAt, lastChanged },
  };
}

/** One field an event changed: its value before and after. */
export interface ReturnFieldChange {
  field: string;
  before: FieldValue;
  after: FieldValue;
}

/** One event of a return's history: what it was, when, who recorded it, and what it changed. */
export interface ReturnHistoryEntry {
  type: ReturnEvent['type'];
  /** The return's version after the event. */
  version: number;
  revision: number;
  /** The global position (a decimal string). */
  position: string;
  /** When it took effect (its metadata's validTime, date part): the `asAt` axis; null where none was given. */
  effectiveOn: string | null;
  recordedAt: string;
  /** The actor the metadata names (`actor.id`), else the person the event names, else null. */
  by: string | null;
  /** The metadata's reason (an amendment's own reason where none). */
  reason: string | null;
  changes: ReturnFieldChange[];
  /** Present when an operator wrote the event raw (`bcl append`), not the return's rules: the operator's reason. */
  operatorWrite?: { reason: string };
  /** A line saying what happened, e.g. `validated version 3: failed (ie)`. */
  summary: string;
}

/** A return's history, one entry per event seen from the viewpoint (all events without one), oldest first. */
export function returnHistory(
  events: readonly RecordedReturnEvent[],
  viewpoint: Viewpoint = {},
): ReturnHistoryEntry[] {
  let state: QuarterlyReturnState | undefined;
  return seenPrefix(events, viewpoint).map((event) => {
    const before = state?.cells ?? {};
    state = evolveReturn(state, event);
    const metadata = event.metadata ?? {};
    const actor = metadata['actor'];
    const actorId =
      typeof actor === 'object' && actor !== null && typeof (actor as { id?: unknown }).id === 'string'
        ? (actor as { id: string }).id
        : null;
    const reason = typeof metadata['reason'] === 'string' ? metadata['reason'] : null;
    const fields = changedFields(event);
    return {
      type: event.type,
      version: state.version,
      revision: event.revision,
      position: event.position.toString(),
      effectiveOn: effectiveDateOf(event),
      recordedAt: event.recordedAt,
      by: actorId ?? personOf(event),
      reason: reason ?? (event.type === 'PriorQuarterAmended' ? event.data.reason : null),
      changes: fields
        .map((field) => ({
          field,
          before: before[field]?.value ?? null,
          after: state!.cells[field]?.value ?? null,
        }))
        // an issue lists what it pre-filled; nothing it left empty
        .filter((c) => c.before !== c.after),
      ...operatorWriteMark(metadata),
      summary: summaryOf(event, state),
    };
  });
}

const changedFields = (event: ReturnEvent): string[] => {
  switch (event.type) {
    case 'ReturnIssued':
      return Object.keys(event.data.prepopulated);
    case 'ReturnFieldsEntered':
      return Object.keys(event.data.values);
    case 'PriorQuarterAmended':
      return [event.data.field];
    default:
      return [];
  }
};

const personOf = (event: ReturnEvent): string | null =>
  event.type === 'ReturnFieldsEntered'
    ? event.data.enteredBy
    : event.type === 'PriorQuarterAmended'
      ? event.data.amendedBy
      : null;

function summaryOf(event: ReturnEvent, state: QuarterlyReturnState): string {
  switch (event.type) {
    case 'ReturnIssued':
      return `issued Q${event.data.quarter} ${event.data.financialYear} on template ${event.data.templateVersion}, due ${event.data.deadline.at}`;
    case 'ReturnFieldsEntered':
      return `entered ${Object.keys(event.data.values).length} field(s): version ${event.data.version}`;
    case 'PriorQuarterAmended':
      return amendedSummary(event.data);
    case 'ReturnValidated': {
      const failed = event.data.sections.filter((s) => !s.passed).map((s) => s.section);
      return `validated version ${event.data.version}: ${event.data.passed ? 'passed' : `failed (${failed.join(', ')})`}`;
    }
    case 'ReturnSubmitted':
      return `submitted version ${event.data.version} at ${event.data.submittedAt}${event.data.late ? ' (late)' : ''} by ${event.data.channel}; status ${state.status}`;
  }
}

const amendedSummary = (a: PriorQuarterAmended): string =>
  `amended ${a.field} (Q${a.targetQuarter}, returned in '${a.targetReturnId}') from ${String(a.previousValue)} to ${String(a.amendedValue)}: version ${a.version}`;
