import { CalendarDate, FinancialYear, Quarter } from '@bcl/kernel';

/**
 * A quarterly return: one stream per HWB area, financial year and quarter (BRIEF §3.3). Issued pre-populated
 * from the ledger, filled in, validated, signed off (a governance approval of instrument kind
 * `quarterly-return`, id = the return id, version = the return's version), submitted (which locks it), and
 * restated only by a later quarter's `PriorQuarterAmended`.
 */

/** A cell's value: see `FieldTemplate` for each type's shape. null clears an entered value. */
export type FieldValue = string | number | null;

/** `southend-2016-17-q1`: the area, the financial year and the quarter. */
export const returnIdOf = (areaId: string, year: FinancialYear, quarter: Quarter): string =>
  `${areaId}-${year}-q${quarter}`;
export const returnStream = (returnId: string): string => `quarterly-return-${returnId}`;

/**
 * Where a value came from, so an auditor can follow it: the event that entered or pre-filled it (stream and
 * revision, and the global position where the reader knows it), or the ledger event it was copied from.
 */
export type ValueSource =
  | { kind: 'entered'; stream: string; revision: number; position: string | null }
  | {
      kind: 'ledger';
      /** What it is, e.g. `stated plan income Q2 of pool southend-bcf 2016-17`. */
      description: string;
      /** The ledger event it was read from; null where nothing was recorded (the value is then null too). */
      stream: string | null;
      revision: number | null;
      position: string | null;
    }
  | { kind: 'previous-return'; returnId: string; stream: string; revision: number; position: string | null }
  | { kind: 'reference'; file: string; key: string }
  | { kind: 'amended'; stream: string; revision: number; position: string | null };

export interface Cell {
  value: FieldValue;
  from: ValueSource;
}

export interface Deadline {
  at: string;
  source: string | null;
  assumed: string | null;
}

export interface ReturnIssued {
  returnId: string;
  areaId: string;
  financialYear: FinancialYear;
  quarter: Quarter;
  templateVersion: string;
  /** The previous quarter's return of the same year (null for Q1), whose submitted values were carried. */
  previousReturnId: string | null;
  deadline: Deadline;
  /** Every pre-filled cell, with its source (ledger, reference data or previous return). */
  prepopulated: Record<string, Cell>;
}

export interface ReturnFieldsEntered {
  returnId: string;
  /** The version this entry makes (the previous version + 1). */
  version: number;
  /** Who completed them (the person id from authentication). */
  enteredBy: string;
  values: Record<string, FieldValue>;
}

/** A figure previously returned, changed in a later return (Q11, Q12): both values, who and why. */
export interface PriorQuarterAmended {
  returnId: string;
  version: number;
  field: string;
  /** The quarter the figure is for, and the return it was previously returned in. */
  targetQuarter: Quarter;
  targetReturnId: string;
  previousValue: FieldValue;
  amendedValue: FieldValue;
  amendedBy: string;
  reason: string;
}

export interface SectionValidation {
  section: string;
  passed: boolean;
  /** The blocking checks that failed in the section, by check id. */
  failing: string[];
}

/** The template's validation run on a version: each section's cell green or red (Q3, Q4). */
export interface ReturnValidated {
  returnId: string;
  version: number;
  passed: boolean;
  sections: SectionValidation[];
}

/** Sent to NHS England: the version locks. `late` compares `submittedAt` with the deadline (Q2). */
export interface ReturnSubmitted {
  returnId: string;
  version: number;
  submittedAt: string;
  deadline: Deadline;
  late: boolean;
  /** e.g. `email to england.bettercaresupport@nhs.net`. */
  channel: string;
  /** e.g. `Southend-on-Sea HWB` (Q2). */
  fileName: string;
  /** The approval (governance) that signed this version off. */
  approvalId: string;
}

export type ReturnEvent =
  | { type: 'ReturnIssued'; data: ReturnIssued }
  | { type: 'ReturnFieldsEntered'; data: ReturnFieldsEntered }
  | { type: 'PriorQuarterAmended'; data: PriorQuarterAmended }
  | { type: 'ReturnValidated'; data: ReturnValidated }
  | { type: 'ReturnSubmitted'; data: ReturnSubmitted };

export type ReturnStatus = 'issued' | 'in-completion' | 'validation-failed' | 'validated' | 'submitted';

/**
 * The return as its own stream records it: what its issue named, then its cells and versions. Its sign-off is a
 * governance fact (an approval of a version), asked of governance where it matters (submission).
 */
export interface QuarterlyReturnState extends Omit<ReturnIssued, 'prepopulated'> {
  /** 1 when issued; each entry or amendment makes the next. */
  version: number;
  /** The stream's revision of the last event folded (its count − 1). */
  revision: number;
  cells: Record<string, Cell>;
  amendments: (PriorQuarterAmended & { revision: number })[];
  /** The last validation, if it was of the current version. */
  validation: ReturnValidated | null;
  submitted: ReturnSubmitted | null;
  status: ReturnStatus;
}

/** What the governance record says of a version's sign-off: the complete approval, if any. */
export interface ReturnSignOff {
  approvalId: string;
  version: number;
  signedBy: string;
  actingPostId: string;
  on: CalendarDate;
}

/**
 * A return as a reader sees it from a viewpoint: `as-submitted` (its own stream) or `as-restated` (with the
 * later returns' amendments of its figures applied, each kept beside the value it replaced).
 */
export interface ReturnView extends Omit<QuarterlyReturnState, 'revision' | 'submitted'> {
  basis: 'as-submitted' | 'as-restated';
  /** The submission; `operatorWrite` (the operator's reason) when an operator wrote it raw (`bcl append`). */
  submitted: (ReturnSubmitted & { operatorWrite?: { reason: string } }) | null;
  /**
   * Each amendment a later return made of this return's figures (as-restated only), oldest first; one an
   * operator wrote raw (`bcl append`) carries `operatorWrite` with the operator's reason.
   */
  restatements: (PriorQuarterAmended & {
    stream: string;
    revision: number;
    position: string | null;
    operatorWrite?: { reason: string };
  })[];
  /** When the return was issued, last changed and (if so) submitted, on the "as known at" axis. */
  recordedAt: { issued: string; lastChanged: string };
}
