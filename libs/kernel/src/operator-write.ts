/**
 * An operator's raw write (`bcl append`): an event no context's rules decided, marked so in its metadata
 * (`operatorWrite: { reason, intoContextStream }`). Every view that shows such an event marks it, with the reason.
 */
export type OperatorWrite = {
  /** Why the operator wrote it (required by `bcl append`). */
  reason: string;
  /** True when the operator insisted on writing into a bounded context's stream (`--into-context-stream`). */
  intoContextStream: boolean;
}; // a type, not an interface: event metadata's JSON index signature accepts it

/** The operator-write mark of an event's metadata, or null when a context's rules wrote the event. */
export function operatorWriteOf(metadata: unknown): OperatorWrite | null {
  const mark = (metadata as { operatorWrite?: unknown } | null | undefined)?.operatorWrite;
  if (typeof mark !== 'object' || mark === null) return null;
  const { reason, intoContextStream } = mark as Record<string, unknown>;
  return { reason: typeof reason === 'string' ? reason : '', intoContextStream: intoContextStream === true };
}

/**
 * The mark as a view's field, to spread into it: `{ operatorWrite: { reason } }` for an operator write, nothing
 * otherwise (a view of a context's stream needs no `intoContextStream`: any operator write there insisted).
 */
export function operatorWriteMark(metadata: unknown): { operatorWrite?: { reason: string } } {
  const mark = operatorWriteOf(metadata);
  return mark === null ? {} : { operatorWrite: { reason: mark.reason } };
}
