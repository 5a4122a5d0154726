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
    const each = problems.map(
      (p) => `${p.sheet ? `${p.sheet} row ${p.row ?? '?'} ` : ''}${p.field}: ${p.reason}`,
    );
    super('invalid', problems[0]?.field ?? 'values', each.join('; '));
    // each problem names its own cell: the message does not name the first one twice
    this.message = each.join('; ');
  }
}
