import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PlanningReference } from '@bcl/domain-plans';

/**
 * The reference data of each planning cycle, read from `bcf-<cycle>.json` files: the configured directory (the
 * apps' LEDGER_REFERENCE_DIR), or the repository's libs/domain-plans/reference. A new cycle is a new file, not a
 * code change.
 */
export function referenceDirectory(configured?: string): string {
  if (configured) return configured;
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'libs', 'domain-plans', 'reference');
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('cannot find libs/domain-plans/reference: set LEDGER_REFERENCE_DIR');
}

function knownCycles(directory = referenceDirectory()): string[] {
  return readdirSync(directory)
    .map((file) => /^bcf-(\d{4}-\d{2})\.json$/.exec(file)?.[1])
    .filter((cycle): cycle is string => cycle !== undefined)
    .sort();
}

/** The reference for a cycle, or undefined when no file holds it. */
export function planningReference(
  cycle: string,
  directory = referenceDirectory(),
): PlanningReference | undefined {
  if (!knownCycles(directory).includes(cycle)) return undefined;
  return JSON.parse(readFileSync(join(directory, `bcf-${cycle}.json`), 'utf8')) as PlanningReference;
}
