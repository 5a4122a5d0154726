import { Quarter } from '@bcl/kernel';

/**
 * The reference data of one quarterly return template version (libs/domain-returns/reference/<version>.json):
 * its sheets and fields, allowed answers, validation rules with their citations, the consistency checks a
 * reviewer runs, and each quarter's deadline. It is data, not code: a return for another year is recorded by
 * adding a file (docs/quarterly-returns.md). The domain receives it as an argument.
 */
export interface ReturnTemplate {
  /** e.g. `bcf-quarterly-2016-17`: the file's name without `.json`. */
  templateVersion: string;
  title: string;
  /** Where the template comes from (document and lines). */
  source: string;
  financialYear: string;
  /** The planning cycle whose reference data names the national conditions (libs/domain-plans/reference). */
  planningCycle: string;
  quarters: Record<`Q${Quarter}`, QuarterTemplate>;
  /** Allowed answers by list name, e.g. `condition-status`: ["Yes", "No", "No - In Progress"]. */
  lists: Record<string, string[]>;
  sections: SectionTemplate[];
  /** The template's own validation rules (Q1-Q20 of the 2016-17 template): what turns a section's cell red. */
  rules: RuleTemplate[];
  /** What a reviewer checks beyond the template's rules: findings that correct nothing. */
  consistency: ConsistencyTemplate[];
  /**
   * What the file holds that its sources do not give (BRIEF §8), each with why: `key` names it as
   * `quarters.Q1.deadline`, `lists.<list>`, `sections.<section>`, `fields.<field id>` or `fields.<field id>.<property>`.
   */
  assumed?: TemplateAssumption[];
}

/** One thing a template file assumes, and why (the documented default a reader may change). */
export interface TemplateAssumption {
  key: string;
  why: string;
}

export interface QuarterTemplate {
  /** The sections of this quarter's return, in sheet order (Q4 adds year-end feedback as section 6). */
  sections: string[];
  /**
   * When the return is due (ISO 8601 with offset, e.g. `2016-11-25T12:00:00Z`), and its citation, or
   * `assumed` with why where the sources give none (a configurable default: docs/quarterly-returns.md).
   */
  deadline: { at: string; source: string | null; assumed: string | null };
}

export interface SectionTemplate {
  /** e.g. `cover`, `budget`, `conditions`, `ie`, `metrics`, `additional`, `year-end`, `narrative`. */
  id: string;
  /** The sheet's title; its name in a workbook is `<n>. <title>`, n its place in the quarter's section list. */
  title: string;
  fields: FieldTemplate[];
}

export const FIELD_TYPES = [
  'text',
  'email',
  'phone',
  'money',
  'count',
  'decimal',
  'percent',
  'date',
  'choice',
  'live-or-date',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/**
 * One cell a council fills (or the ledger pre-fills). Field ids are dotted paths, `<section>.<…>`, fixed by the
 * template version (docs/quarterly-returns.md lists them). Values (see `FieldValue`):
 * - text, email, phone: a string (trimmed, at most `lengthMax` or the template's default);
 * - money: integer pence (the template shows whole pounds); count: a whole number;
 * - decimal, percent: the number as written, a string such as `"13.3"` or `"94"` (never a float), at most
 *   `decimals` places; percent is 0-100;
 * - date: `YYYY-MM-DD`; choice: one of `lists[list]`; live-or-date: `"Live"` or a date (Q18);
 * - where `notAvailable` is set, the value may also be `NOT_AVAILABLE` (Q14).
 */
export interface FieldTemplate {
  id: string;
  label: string;
  type: FieldType;
  list?: string;
  decimals?: number;
  lengthMax?: number;
  notAvailable?: boolean;
  /** The quarters whose return has this field (default: every quarter whose return has the section). */
  quarters?: Quarter[];
  /** The quarter a figure is for (I&E rows): the target of a `PriorQuarterAmended`. */
  quarter?: Quarter;
  /** Pre-filled with the previous return's value; once returned, changed only by amendment (Q12). */
  carried?: boolean;
  /** Where the ledger pre-fills it from when the return is issued (never retyped). */
  prepopulate?: Prepopulation;
  /** Where it sits on its sheet: the row's label and, for a table, the column's header. */
  row: string;
  column?: string;
}

export type Prepopulation =
  /** The HWB area's name, from the registry. */
  | { from: 'hwb-name' }
  /** The pool-year's stated pooled budget (rounded to whole pounds, as the template says). */
  | { from: 'pooled-fund-total' }
  /** A figure of the pool-year: the stated one for the quarter where stated, else computed from the postings. */
  | {
      from: 'fund-figure';
      basis: 'plan' | 'forecast' | 'actual';
      direction: 'income' | 'expenditure';
      quarter: Quarter;
    }
  /** A metric's planned value from the area's plan for the year (its target). */
  | { from: 'plan-metric'; metric: string }
  /** A value of the planning cycle's reference data, e.g. a national condition's title. */
  | { from: 'reference'; key: string };

/** "Information not available" (Q14): a value a metric may take instead of a number. */
export const NOT_AVAILABLE = 'information not available';

export type Severity = 'blocking' | 'warning' | 'information';

/** A rule the template applies; `quarters` limits it to some quarters' returns. */
export type RuleTemplate = {
  /** The brief's id (Q1-Q20), shown with the check. */
  rule: string;
  severity: Severity;
  /** The template's words and where they are (document and lines). */
  source: string;
  quarters?: Quarter[];
} & (
  | { kind: 'required'; fields: string[] }
  /** Every money, count, decimal and percent field, in the template's units (pounds for money) (Q5). */
  | { kind: 'number-bounds'; min: number; max: number }
  /** Every choice field takes one of its list's answers (Q6, Q7, Q14 ...). */
  | { kind: 'allowed-answers' }
  /** When `when.field` is one of `when.in`, every field of `require` must be filled (Q6, Q7, Q13). */
  | { kind: 'required-when'; when: { field: string; in: string[] }; require: string[] }
  /** Σ parts = total, else `commentary` must be filled (Q9). */
  | { kind: 'sum-equals'; parts: string[]; total: string; commentary: string }
  /** `field` ≠ any filled field of `against` needs `commentary` (Q10). */
  | { kind: 'commentary-when-differs'; field: string; against: string[]; commentary: string }
  /** A filled text needs its paired choice filled (Q19: each success or challenge has a category). */
  | { kind: 'paired'; pairs: [string, string][] }
  /** The return is submitted by its deadline (Q2): late is a finding, never a refusal. */
  | { kind: 'deadline' }
);

/** A reviewer's check on any data (not a list of known cases); every finding names both figures and sources. */
export type ConsistencyTemplate = {
  /** e.g. `R1`; the table in docs/quarterly-returns.md says what each checks. */
  rule: string;
  severity: Severity;
  /** What it checks, in a sentence, and where the arithmetic comes from (e.g. brief M6). */
  source: string;
} &
  /** closing = opening (the previous return's closing) + added − stopped (M6). */
  (
    | { kind: 'stock-roll-forward'; closing: string; added: string; stopped: string }
    /** A percentage of a count is a whole number of that count, at the percentage's printed precision. */
    | { kind: 'share-of-count'; share: string; base: string }
    /** rate = numerator ÷ denominator × per, agreeing at the rate's printed precision (M1, M5). */
    | { kind: 'rate-agrees'; rate: string; numerator: string; denominator: string; per: number }
    /** A status in `onTrack` does not stand while the value is worse than target in every quarter so far. */
    | {
        kind: 'status-against-target';
        status: string;
        value: string;
        target: string;
        onTrack: string[];
        higherIsBetter: boolean;
      }
    /** When `if` holds, `then.field` being one of `then.in` contradicts it. */
    | { kind: 'contradiction'; if: { field: string; in: string[] }; then: { field: string; in: string[] } }
    /** A projected date (live-or-date) already past on the date the return was completed, and not `Live`. */
    | { kind: 'go-live-passed'; fields: string[] }
    /** A field that differs from the previous return's value while `commentary` is empty or unchanged. */
    | { kind: 'changed-without-commentary'; fields: string[]; commentary: string | null }
    /** Each prior-quarter figure restated by amendment: both values, who and why. */
    | { kind: 'restated' }
  );
