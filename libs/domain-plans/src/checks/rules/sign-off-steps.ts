import { CalendarDate } from '@bcl/kernel';
import { SignOffAct, reportBackDueOn, reportBackOutstanding } from '@bcl/domain-governance/facts';
import { PlanState } from '../../plan/plan';
import { RuleResult, ruleSource } from '../check-result';

/**
 * What governance recorded of the plan's sign-off (docs/sign-off.md): its sign-off acts (every version; the
 * rules read the checked one's), and the date the checks are read on (an `asAt`, or today).
 */
export interface PlanSignOffFacts {
  acts: SignOffAct[];
  on: CalendarDate;
}

const actsOf = (state: PlanState, signOff: PlanSignOffFacts | undefined) =>
  (signOff?.acts ?? []).filter((act) => act.instrument.version === state.version);

/** P2: submitted with no sign-off in this version (brief §3.1, hard guards) is a warning. */
export function checkSubmittedWithoutSignOff(state: PlanState, signOff?: PlanSignOffFacts): RuleResult[] {
  const steps = state.steps.map((s) => s.step);
  const signed = steps.includes('signed-off') || actsOf(state, signOff).some((a) => a.step === 'signed-off');
  if (!steps.includes('submitted') || signed) return [];
  return [
    {
      checkId: 'P2:submitted-without-sign-off',
      rule: 'P2',
      severity: 'warning',
      outcome: 'fail',
      message: 'the plan was submitted with no sign-off recorded in this version',
      source: ruleSource('P2', undefined, "the version's recorded lifecycle steps"),
    },
  ];
}

const P12 = {
  rule: 'P12',
  severity: 'warning',
  outcome: 'fail',
  source: ruleSource('P12', undefined, "governance's delegation and report-back facts"),
} as const;

/**
 * P12: a sign-off by a delegate is reported back to the Board. A governance sign-off is checked against its
 * delegation's report-back duty with the register's own rule (`reportBackOutstanding`): outstanding after the
 * given date, or after the body's first meeting following the sign-off. A sign-off recorded as a plan step
 * (before governance recorded them) is checked as it always was: reported back, or not. A report-back the
 * ledger holds only as assumed satisfies the rule, and the check says so (information, with the assumption).
 */
export function checkDelegatedSignOffReported(state: PlanState, signOff?: PlanSignOffFacts): RuleResult[] {
  const results: RuleResult[] = [];
  const legacy = state.steps.some((s) => s.step === 'signed-off' && s.delegated);
  if (legacy && !state.steps.some((s) => s.step === 'reported-back'))
    results.push({
      ...P12,
      checkId: 'P12:delegated-sign-off-not-reported',
      message: 'signed off by a delegate, and not yet reported back to the Board',
    });
  for (const act of actsOf(state, signOff)) {
    if (act.step === 'reported-back' && act.evidence.assumed !== null)
      results.push({
        ...P12,
        severity: 'information',
        outcome: 'pass',
        checkId: `P12:reported-back-assumed:${act.approvalId}`,
        message: `reported back on ${act.on}, but that report-back is assumed, not documented: ${act.evidence.assumed}`,
      });
    if (act.step !== 'signed-off' || act.authority.kind !== 'delegation' || !act.reportBack) continue;
    if (!reportBackOutstanding(act.reportBack, signOff!.on)) continue;
    results.push({
      ...P12,
      checkId: `P12:delegated-sign-off-not-reported:${act.approvalId}`,
      message: `signed off on ${act.on} under delegation '${act.authority.delegationId}', and not reported back to '${act.reportBack.bodyId}' by ${reportBackDueOn(act.reportBack)}`,
    });
  }
  return results;
}
