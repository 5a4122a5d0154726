import { appendFileSync } from 'node:fs';

/**
 * Phase marks for profiling: with BENCH_PHASE_MARKS=<file> set, each timed window appends one JSON line
 * `{ phase, startUs, endUs }` on the monotonic clock that `node --cpu-prof` stamps its samples with, so
 * `profile-top` can split one profile of a whole run into its phases. Without the variable it writes nothing.
 */
let scope = '';

/** Prefixes the phases marked from now on (for example with the store's name). */
export function setPhaseScope(name: string): void {
  scope = name;
}

export async function markPhase<T>(phase: string, work: () => Promise<T>): Promise<T> {
  const file = process.env.BENCH_PHASE_MARKS;
  const startUs = Number(process.hrtime.bigint() / 1000n);
  try {
    return await work();
  } finally {
    if (file) {
      const endUs = Number(process.hrtime.bigint() / 1000n);
      const name = scope ? `${scope} ${phase}` : phase;
      appendFileSync(file, `${JSON.stringify({ phase: name, startUs, endUs })}\n`);
    }
  }
}
