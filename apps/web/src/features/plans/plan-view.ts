import { PLAN_SECTIONS } from '@bcl/domain-plans';
import { pounds } from '../../views/nunjucks-environment';

/**
 * How the plan pages show a plan's parts: each section as a table of its entries, any entry value as text
 * (pence as pounds, amounts by year as one line), and a check's severity and outcome as GOV.UK tags.
 */

/** Each section's heading, in the order the plan format lists them. */
export const SECTION_TITLES: Record<string, string> = {
  contributions: 'Contributions',
  dfgPassDown: 'Disabled Facilities Grant passed down to districts',
  schemes: 'Schemes',
  metrics: 'Metrics',
  conditionStatements: 'National condition statements',
  risks: 'Risks',
  hicm: 'High Impact Change Model assessments',
  narratives: 'Narratives',
  statedTotals: 'Totals as stated in the plan',
  ascBaseline: 'Adult social care baseline',
  dfgJointAgreements: 'Disabled Facilities Grant joint agreements',
  ascNhsMinimum: 'NHS minimum contribution to adult social care',
  variant: 'Variant of another plan',
};

export const sectionTitle = (section: string): string => SECTION_TITLES[section] ?? section;

/** A field name as words: `amountsPence` → "amounts", `leadCommissionerId` → "lead commissioner id". */
export function fieldLabel(field: string): string {
  const words = field
    .replace(/Pence$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Any value of a plan entry as text; money fields (named `…Pence`) in pounds. */
export function displayValue(field: string, value: unknown): string {
  if (value === null || value === undefined) return 'not stated';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return /Pence$/.test(field) ? pounds(value) : String(value);
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    return value.map((item) => displayValue(field, item)).join(field === 'spend' ? '; ' : ', ');
  }
  // an object: amounts by year, or a spend line, as `name: value` pairs
  return Object.entries(value as Record<string, unknown>)
    .map(([name, item]) => `${name}: ${displayValue(/Pence$/.test(field) ? field : name, item)}`)
    .join(', ');
}

export interface SectionTable {
  section: string;
  title: string;
  head: { text: string }[];
  rows: { text: string }[][];
}

/** Each section of a plan's content as a table: the entry key first, then its other fields. */
export function sectionTables(content: Record<string, Record<string, unknown>[]>): SectionTable[] {
  return PLAN_SECTIONS.map((section) => {
    const entries = content[section] ?? [];
    const fields = ['key', ...new Set(entries.flatMap((entry) => Object.keys(entry)))].filter(
      (field, index, all) => all.indexOf(field) === index,
    );
    return {
      section,
      title: sectionTitle(section),
      head: fields.map((field) => ({ text: fieldLabel(field) })),
      rows: entries.map((entry) => fields.map((field) => ({ text: displayValue(field, entry[field]) }))),
    };
  });
}

const SEVERITY_TAGS: Record<string, string> = {
  blocking: 'govuk-tag--red',
  warning: 'govuk-tag--yellow',
  information: 'govuk-tag--blue',
};
const OUTCOME_TAGS: Record<string, string> = {
  pass: 'govuk-tag--green',
  fail: 'govuk-tag--red',
};

/** A check as the checks table shows it: severity and outcome as tags, figures and acceptance as text. */
export interface CheckRow {
  checkId: string;
  rule: string;
  severity: { text: string; classes: string };
  outcome: { text: string; classes: string };
  message: string;
  source: string;
  figures: string;
  acceptance: string;
  citations: string[];
}

interface CheckLike {
  checkId: string;
  rule: string;
  severity: string;
  outcome: string;
  message: string;
  source: string;
  figures?: Record<string, string | undefined>;
  accepted: boolean;
  acceptance?: {
    acceptedBy: string;
    on: string;
    reason: string;
    evidence?: { citations: string[]; assumed: string | null };
  };
}

const SEVERITY_ORDER = ['blocking', 'warning', 'information'];
const OUTCOME_ORDER = ['fail', 'not-checkable', 'pass'];
const rank = (order: string[], value: string): number =>
  order.includes(value) ? order.indexOf(value) : order.length;

/** The checks as rows: blocking first, then warnings, then information; within each, failures first. */
export function checkRows(checks: CheckLike[]): CheckRow[] {
  const ordered = [...checks].sort(
    (a, b) =>
      rank(SEVERITY_ORDER, a.severity) - rank(SEVERITY_ORDER, b.severity) ||
      rank(OUTCOME_ORDER, a.outcome) - rank(OUTCOME_ORDER, b.outcome),
  );
  return ordered.map((check) => ({
    checkId: check.checkId,
    rule: check.rule,
    severity: { text: check.severity, classes: SEVERITY_TAGS[check.severity] ?? 'govuk-tag--grey' },
    outcome: { text: check.outcome, classes: OUTCOME_TAGS[check.outcome] ?? 'govuk-tag--grey' },
    message: check.message,
    source: check.source,
    figures: Object.entries(check.figures ?? {})
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => `${name} ${value}`)
      .join(', '),
    acceptance: check.acceptance
      ? `accepted by ${check.acceptance.acceptedBy} on ${check.acceptance.on}: ${check.acceptance.reason}`
      : check.accepted
        ? 'accepted'
        : '',
    citations: check.acceptance?.evidence?.citations ?? [],
  }));
}

/** Evidence as one line: its citations, and what was assumed where the sources do not say. */
export function evidenceText(
  evidence: { citations?: string[]; assumed?: string | null } | null | undefined,
): string {
  if (!evidence) return '';
  const cited = evidence.citations?.length ? `cites ${evidence.citations.join(', ')}` : 'cites nothing';
  return evidence.assumed ? `${cited}; assumed: ${evidence.assumed}` : cited;
}
