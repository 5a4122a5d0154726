/**
 * Typed projections: a read model is a name, a version and one handler per event type of its context, each
 * either building views or explicitly `'ignored'`. The handler map is keyed by the context's event union, so
 * a new event type that no projection mentions fails to compile. Pure: no I/O, so the same events always
 * give the same views (the service's projection runner and the CLI's in-memory replay both run this).
 */

declare const VIEW: unique symbol;

/** A view's key, typed by the view stored under it (a plain string at run time). */
export type ViewKey<V> = string & { readonly [VIEW]: V };

/** Names a key as holding views of type V. Key builders (e.g. `viewKey.area(id)`) are the only callers. */
export const viewKeyOf = <V>(key: string): ViewKey<V> => key as ViewKey<V>;

/** An event as the log recorded it: what a projection may read besides the event's own data. */
export interface EventRecord {
  type: string;
  data: unknown;
  stream: string;
  /** 0-based position within the stream: a view's ETag. */
  revision: number;
  /** Position in the global log. */
  position: bigint;
  /** When the store committed the event (ISO 8601 UTC): the "as known at" axis. */
  recordedAt: string;
  /** The event's metadata as stored (`evidence`, `validTime`, actor, reason); read it with `evidenceOf`. */
  metadata?: { readonly [key: string]: unknown };
}

/** A context's event, as recorded: its typed `type` and `data` with the record's metadata. */
export type Recorded<E extends { type: string; data: unknown }> = E & Omit<EventRecord, 'type' | 'data'>;

/** The member(s) of an event union with the given type (also for members whose `type` is itself a union). */
export type EventOfType<E extends { type: string }, T extends string> = E extends { type: infer U }
  ? T extends U
    ? E & { type: T }
    : never
  : never;

export interface ViewChange<V> {
  key: string;
  view: V;
}

/** Names a changed view, its key and value checked against each other. */
export const change = <V>(key: ViewKey<V>, view: V): ViewChange<V> => ({ key, view });

/** Reads a view as already changed by earlier events of the same batch. */
export type LoadView<V> = <X extends V>(key: ViewKey<X>) => X | undefined;

export interface EventHandler<E, V> {
  /** The keys `apply` will load, read before the batch runs (none if omitted). */
  reads?: (event: E) => ViewKey<V>[];
  apply: (event: E, load: LoadView<V>) => ViewChange<V>[];
}

/** One entry per event type of the context: a handler, or `'ignored'`. A missing type is a compile error. */
export type ProjectionHandlers<E extends { type: string; data: unknown }, V> = {
  [T in E['type']]: EventHandler<Recorded<EventOfType<E, T>>, V> | 'ignored';
};

/** A projection in the shape the projection runner and the in-memory replay take. */
export interface Projection<V> {
  readonly name: string;
  /** Bump when the views' shape or meaning changes: a stored checkpoint of another version forces a rebuild. */
  readonly version: number;
  handles(event: { type: string }): boolean;
  /** The view keys `apply` will read for this event, loaded before it runs. */
  keysRead(event: EventRecord): string[];
  apply(event: EventRecord, load: (key: string) => V | undefined): ViewChange<V>[];
}

/**
 * Defines a projection of the events `E` of one context into views `V`. Events of other types (other
 * contexts) are not handled; the event given to a handler is the one its key names.
 */
export function defineProjection<E extends { type: string; data: unknown }, V>(definition: {
  name: string;
  version: number;
  handlers: ProjectionHandlers<E, V>;
}): Projection<V> {
  const handlers = definition.handlers as Record<string, EventHandler<EventRecord, V> | 'ignored'>;
  const handlerOf = (type: string): EventHandler<EventRecord, V> | undefined => {
    const handler = Object.hasOwn(handlers, type) ? handlers[type] : undefined;
    return handler === 'ignored' ? undefined : handler;
  };
  return {
    name: definition.name,
    version: definition.version,
    handles: (event) => handlerOf(event.type) !== undefined,
    keysRead: (event) => handlerOf(event.type)?.reads?.(event) ?? [],
    apply(event, load) {
      const typed: LoadView<V> = <X extends V>(key: ViewKey<X>) => load(key) as X | undefined;
      return handlerOf(event.type)?.apply(event, typed) ?? [];
    },
  };
}

/** Applies events to views held in memory (a replay, or a given-events-then-views test). */
export function projectInMemory<V>(
  projection: Projection<V>,
  events: Iterable<EventRecord>,
  views: Map<string, V> = new Map(),
): Map<string, V> {
  for (const event of events) {
    if (!projection.handles(event)) continue;
    for (const { key, view } of projection.apply(event, (k) => views.get(k))) views.set(key, view);
  }
  return views;
}

/**
 * Records events as a log would, for specs and offline tools: global positions from 1, revisions counted per
 * stream, and `recordedAt` as given (else one second apart from 2024-01-01T00:00:00Z).
 */
export function recordedEvents(
  events: readonly {
    type: string;
    data: unknown;
    stream?: string;
    recordedAt?: string;
    metadata?: { readonly [key: string]: unknown };
  }[],
): EventRecord[] {
  const revisions = new Map<string, number>();
  return events.map((event, index) => {
    const stream = event.stream ?? 'stream';
    const revision = revisions.get(stream) ?? 0;
    revisions.set(stream, revision + 1);
    return {
      type: event.type,
      data: event.data,
      stream,
      revision,
      position: BigInt(index + 1),
      recordedAt: event.recordedAt ?? new Date(Date.UTC(2024, 0, 1, 0, 0, index)).toISOString(),
      ...(event.metadata ? { metadata: event.metadata } : {}),
    };
  });
}

/** Reads one projection's views: the port the API (over the service store) and the CLI (in memory) share. */
export interface ViewReader<V> {
  get<X extends V>(key: ViewKey<X>): Promise<X | undefined>;
  /** The views found, by key (missing keys are absent). */
  getMany<X extends V>(keys: ViewKey<X>[]): Promise<Map<string, X>>;
  /** Views whose key starts with `prefix` (a key builder given ''), in key order, after `afterKey`. */
  list<X extends V>(prefix: ViewKey<X>, limit: number, afterKey?: string): Promise<X[]>;
}

/** A reader over views held in memory (e.g. replayed by `projectInMemory`). */
export function memoryViewReader<V>(views: ReadonlyMap<string, V>): ViewReader<V> {
  const read = <X extends V>(key: string) => views.get(key) as X | undefined;
  return {
    async get<X extends V>(key: ViewKey<X>) {
      return read<X>(key);
    },
    async getMany<X extends V>(keys: ViewKey<X>[]) {
      const found = new Map<string, X>();
      for (const key of keys) {
        const view = read<X>(key);
        if (view !== undefined) found.set(key, view);
      }
      return found;
    },
    async list<X extends V>(prefix: ViewKey<X>, limit: number, afterKey = '') {
      return [...views.keys()]
        .filter((key) => key.startsWith(prefix) && key > afterKey)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
        .slice(0, limit)
        .map((key) => read<X>(key)!);
    },
  };
}
