/**
 * A command the domain refuses. `kind` says how a caller should treat it: `invalid` (the request is wrong
 * in itself), `conflict` (it contradicts what is recorded), `not-found` (it names something not recorded).
 */
export class DomainError extends Error {
  constructor(
    readonly kind: 'invalid' | 'conflict' | 'not-found',
    /** The request field at fault, as a JSON path such as `effectiveOn` or `codes[0].value`. */
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'DomainError';
  }
}

export function refuse(kind: DomainError['kind'], field: string, reason: string): never {
  throw new DomainError(kind, field, reason);
}
