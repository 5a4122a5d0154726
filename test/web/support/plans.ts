import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..', '..');

/** How many events the store holds, as `bcl verify` counts them (it also checks the hash chain). */
export async function eventCount(ledgerStore: string): Promise<number> {
  const { stdout } = await run('node', [join(ROOT, 'bin', 'bcl.js'), '--store', ledgerStore, 'verify'], {
    cwd: ROOT,
  });
  const counted = /OK: (\d+) events in the store verified/.exec(stdout);
  if (!counted) throw new Error(`bcl verify did not count the events: ${stdout}`);
  return Number(counted[1]);
}

interface PlanDocument {
  justification: string;
  contributions: { key: string; amountsPence: Record<string, number> }[];
  [section: string]: unknown;
}

/** The demo's Kent 2017-19 plan document (demo/plans/), changed by `change`, written as `name` in `directory`. */
export function kentPlanFile(
  directory: string,
  name: string,
  change: (document: PlanDocument) => void,
): string {
  const document = JSON.parse(
    readFileSync(join(ROOT, 'demo', 'plans', 'kent-2017-19.json'), 'utf8'),
  ) as PlanDocument;
  change(document);
  const path = join(directory, name);
  writeFileSync(path, JSON.stringify(document, null, 2));
  return path;
}

/** A plan version as the planning workbook (XLSX) `bcl plan export` writes, read from the store. */
export async function exportedPlanWorkbook(
  ledgerStore: string,
  planId: string,
  out: string,
): Promise<string> {
  await run(
    'node',
    [join(ROOT, 'bin', 'bcl.js'), '--store', ledgerStore, 'plan', 'export', planId, '--out', out],
    { cwd: ROOT },
  );
  return out;
}
