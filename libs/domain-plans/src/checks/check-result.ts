export type Severity = 'blocking' | 'warning' | 'information';
export type Outcome = 'pass' | 'rounding' | 'fail' | 'not-checkable';

export interface CheckResult {
  /** Stable id of this check on this subject, e.g. `S6:pooled-budget:2017-18`: what a warning acceptance names. */
  checkId: string;
  rule: string;
  /** Blocking stops sign-off; a warning needs a finance officer's acceptance; information is for the record. */
  severity: Severity;
  outcome: Outcome;
  message: string;
  /**
   * Where the rule comes from, in the repository: its row in docs/plan-format.md and, where it takes figures from
   * reference data, the reference data file and keys (`ruleSource`). Never a document outside the repository.
   */
  source: string;
  figures?: { stated?: string; computed?: string; difference?: string };
  accepted: boolean;
}

/** What a rule reports; `checkPlan` adds whether a finance officer accepted it. */
export type RuleResult = Omit<CheckResult, 'accepted'>;

/** Pence as pounds for a message: `£1,234.5` → `£1,234.50`, whole pounds without pence. */
export const pounds = (pence: bigint | number): string => {
  const value = BigInt(pence);
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = (abs % 100n).toString().padStart(2, '0');
  return `${sign}£${whole}${fraction === '00' ? '' : `.${fraction}`}`;
};
export const sum = (values: number[]): bigint => values.reduce((total, value) => total + BigInt(value), 0n);
const abs = (value: bigint): bigint => (value < 0n ? -value : value);

/** Agrees exactly, within the rounding limit, or not. */
export const classify = (difference: bigint, limit: bigint): Outcome =>
  difference === 0n ? 'pass' : abs(difference) <= limit ? 'rounding' : 'fail';

/** The reference data file of a cycle, as the repository holds it. */
export const referenceFile = (cycle: string) => `libs/domain-plans/reference/bcf-${cycle}.json`;

/**
 * A check's citation: the rule's row in the checks table of docs/plan-format.md, then (where the rule takes
 * figures from reference data) the keys it reads from the cycle's reference data file, then any other input.
 */
export const ruleSource = (
  rule: string,
  reference?: { cycle: string; keys: string[] },
  ...inputs: string[]
): string =>
  [
    `docs/plan-format.md#the-checks ${rule}`,
    ...(reference ? [`${reference.keys.join(', ')} of ${referenceFile(reference.cycle)}`] : []),
    ...inputs,
  ].join('; ');
