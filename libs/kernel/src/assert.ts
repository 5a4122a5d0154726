/**
 * Asserts an invariant the code itself guarantees (TIGER_STYLE): a failure is a bug in the ledger, never bad
 * input, so it throws a plain Error that the HTTP shell answers as a 500 and nothing is recorded.
 */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`invariant violated: ${message}`);
}
