import { DomainError } from '@bcl/kernel';

/** Runs a domain decision: 'accepted', or its refusal as "<kind> <field>" (other errors are rethrown). */
export function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return `${error.kind} ${error.field}`;
    throw error;
  }
  return 'accepted';
}

/** For DeciderSpecification's thenThrows: the decision was refused with a DomainError of this kind on this field. */
export function refusedAs(kind: DomainError['kind'], field: string): (error: unknown) => void {
  return (error) => {
    if (!(error instanceof DomainError)) throw error;
    expect({ kind: error.kind, field: error.field }).toEqual({ kind, field });
  };
}
