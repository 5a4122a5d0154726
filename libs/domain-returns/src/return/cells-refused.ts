import { DomainError } from '@bcl/kernel';

/** Where a bad value sits in a workbook, when it came from one (docs/quarterly-returns.md, "Import"). */
export interface CellProblem {
  field: string;
  reason: string;
  sheet?: string;
  row?: number;
}

/**
 * Values refused, one problem per cell, all at once: nothing is recorded. The API answers 422 with one entry per
 * cell in `errors`; the CLI prints one line per cell.
 */
export class CellsRefused extends DomainError {
  constructor(readonly problems: CellProblem[]) {
    super(
      'invalid',
      problems[0]?.field ?? 'values',
      problems
        .map((p) => `${p.sheet ? `${p.sheet} row ${p.row ?? '?'} ` : ''}${p.field}: ${p.reason}`)
        .join('; '),
    );
  }
}
