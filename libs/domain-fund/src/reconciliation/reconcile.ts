import { FUND_LIMITS } from '../shared/fund-limits';
import {
  FundPosition,
  PoolYearRecord,
  Viewpoint,
  currentFigures,
  indexAnswers,
  visibleAt,
} from '../position/fund-position';
import { LedgerTotalsIndex } from '../position/ledger-totals';
import { Classification, Finding } from './finding';
import {
  FactEvidence,
  FindingEvidence,
  NO_FACT_EVIDENCE,
  findingsEvidence,
  findingsEvidenceIndexed,
} from './finding-evidence';
import { RuleInForce, PlanFigures, ReconciliationCheck, statedFigure } from './reconciliation-input';
import { quartersAddUp } from './checks/quarters-add-up';
import { schemesEqualPooledFund } from './checks/schemes-equal-pooled-fund';
import { statedActualEqualsLedger } from './checks/stated-actual-equals-ledger';
import { contributionsEqualPooledFund } from './checks/contributions-equal-pooled-fund';
import { statedTotalEqualsAccounts } from './checks/stated-total-equals-accounts';
import { dfgPassedDownInFull } from './checks/dfg-passed-down-in-full';
import { agreementContributionEqualsLedger } from './checks/agreement-contribution-equals-ledger';
import {
  planContributionEqualsLedger,
  planDfgPassDownEqualsLedger,
  planExpenditureEqualsLedger,
} from './checks/plan-equals-ledger';

/** The checks in the order their findings are reported. */
const CHECKS: readonly ReconciliationCheck[] = [
  quartersAddUp,
  schemesEqualPooledFund,
  statedActualEqualsLedger,
  contributionsEqualPooledFund,
  statedTotalEqualsAccounts,
  dfgPassedDownInFull,
  agreementContributionEqualsLedger,
  planContributionEqualsLedger,
  planExpenditureEqualsLedger,
  planDfgPassDownEqualsLedger,
];

/**
 * Compares, for one pool-year, each stated total with the total of its parts, the quarterly income and
 * expenditure with the pooled fund, the schemes' planned spend with the pooled fund, stated actuals with the
 * ledger, contributions with the pooled fund, the DFG passed down, the agreement's contribution rules and the
 * area's BCF plan (one function per check, under `checks/`). It reports; it corrects nothing. Each finding says
 * what it rests on (`evidence`): the stated figures' evidence and the assumed transactions its ledger side
 * counts, from `facts` (a fact with no evidence held is assumed).
 */
export function reconcile(
  state: PoolYearRecord,
  position: FundPosition,
  viewpoint: Viewpoint,
  plan: PlanFigures | null = null,
  /** The agreement's contribution rules for this pool and year, in effect at the viewpoint. */
  rules: RuleInForce[] = [],
  /** The evidence recorded beside each transaction, figure and agreement version. */
  facts: FactEvidence = NO_FACT_EVIDENCE,
  /**
   * The pool-year's ledger totals per day, each transaction added with its assumption as `facts` hold it: when
   * it answers from the viewpoint, the evidence is counted from it rather than by a pass over every transaction.
   */
  index?: LedgerTotalsIndex,
) {
  const figures = [...currentFigures(state.figures, viewpoint).values()];
  const pooled =
    statedFigure(figures, 'plan', 'pooled-fund', 'pool', null) ??
    statedFigure(figures, 'actual', 'pooled-fund', 'pool', null);
  const input = { year: state.year, figures, pooled, position, plan, rules };
  const checked = CHECKS.flatMap((check) => check(input));
  const sources = checked.map((f) => f.sources);
  const evidence = indexAnswers(state, viewpoint, index)
    ? findingsEvidenceIndexed(sources, index, viewpoint, facts)
    : findingsEvidence(sources, visibleAt(state.transactions!, viewpoint), facts);
  const findings = checked.map(({ sources: _sources, ...f }, i): Finding & { evidence: FindingEvidence } => ({
    ...f,
    evidence: evidence[i]!,
  }));
  const count = (c: Classification) => findings.filter((f) => f.classification === c).length;
  return {
    poolId: state.poolId,
    year: state.year,
    ...viewpoint,
    roundingTolerancePence: FUND_LIMITS.roundingTolerancePence,
    plan: plan ? { planId: plan.planId, version: plan.version } : null,
    summary: {
      agrees: count('agrees'),
      rounding: count('rounding'),
      discrepancy: count('discrepancy'),
      notCheckable: count('not-checkable'),
    },
    /** How many findings rest on an assumed fact (a figure, the terms or a transaction): never documented. */
    findingsRestingOnAssumed: findings.filter((f) => f.evidence.restsOnAssumed).length,
    findings,
  };
}
