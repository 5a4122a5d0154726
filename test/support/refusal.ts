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
