import { CalendarDate } from '@bcl/kernel';
import { ReturnTemplate, Severity } from '../template/return-template';
import { Cell, PriorQuarterAmended, QuarterlyReturnState, ReturnSubmitted } from '../return/quarterly-return';

export type CheckOutcome = 'pass' | 'fail' | 'not-checkable';

/**
 * One check of a return: a template rule (Q1-Q20: `kind: 'rule'`, what turns a section red) or a reviewer's
 * consistency finding (`kind: 'consistency'`, R1-…, never blocking sign-off unless the template says so).
 * Every figure it rests on is named with its value and where it came from; nothing is corrected.
 */
export interface ReturnCheck {
  /** Stable id of the check on its subject, e.g. `Q6:conditions.3i`, `R1:additional.phb`. */
  checkId: string;
  rule: string;
  kind: 'rule' | 'consistency';
  severity: Severity;
  outcome: CheckOutcome;
  /** The section whose validation cell it colours. */
  section: string;
  message: string;
  /** `docs/quarterly-returns.md#the-checks <rule>; <the template's citation>`. */
  source: string;
  /** The figures it compares, each with the return (or ledger) it came from: both sides of every finding. */
  cells: { field: string; returnId: string; value: Cell['value']; from: Cell['from'] }[];
}

/** What the checks read: the return, its earlier quarters' returns of the year, and its template. */
export interface ReturnUnderCheck {
  template: ReturnTemplate;
  returnId: string;
  quarter: 1 | 2 | 3 | 4;
  cells: Record<string, Cell>;
  /** The earlier quarters' returns of the same year, oldest first, as submitted (restated where asked). */
  earlier: { returnId: string; quarter: 1 | 2 | 3 | 4; cells: Record<string, Cell> }[];
  /** The amendments this return makes of earlier returns' figures. */
  amendments: PriorQuarterAmended[];
  submitted: ReturnSubmitted | null;
  /** The date the return is read as completed on: the submission date, else the viewpoint's date. */
  completedOn: CalendarDate;
}

/**
 * A return and the year's earlier returns (states or views) as the checks read them: completed on the day it was
 * submitted, else on `on` (the viewpoint's date, or today).
 */
export function returnUnderCheck(
  template: ReturnTemplate,
  subject: Pick<QuarterlyReturnState, 'returnId' | 'quarter' | 'cells' | 'amendments' | 'submitted'>,
  earlier: readonly Pick<QuarterlyReturnState, 'returnId' | 'quarter' | 'cells'>[],
  on: CalendarDate,
): ReturnUnderCheck {
  return {
    template,
    returnId: subject.returnId,
    quarter: subject.quarter,
    cells: subject.cells,
    earlier: earlier.map(({ returnId, quarter, cells }) => ({ returnId, quarter, cells })),
    amendments: subject.amendments,
    submitted: subject.submitted,
    completedOn: subject.submitted?.submittedAt.slice(0, 10) ?? on,
  };
}
