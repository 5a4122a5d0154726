import { CalendarDate, isCalendarDate, refuse, quarterOf, yearBounds } from '@bcl/kernel';
import { AgreementTerms } from '../agreement/s75-agreement';
import { FUND_LIMITS } from '../shared/fund-limits';
import { splitPence } from '../shared/split-pence';
import { ACCOUNT_PATTERN, Posting, account, balances, sumPence } from './accounts';
import { FundEvent, PooledFundState, assertPostable, StatedBy, Transaction } from './pooled-fund';

/** A money movement as a finance officer states it; the ledger turns it into balanced postings. */
export type MoneyMovement =
  | {
      kind: 'contribution-committed' | 'contribution-received';
      partnerId: string;
      source: string;
      amountPence: number;
    }
  | { kind: 'allocation' | 'expenditure'; schemeId: string; amountPence: number }
  | { kind: 'dfg-pass-down'; districtId: string; amountPence: number }
  | { kind: 'overspend-charged'; schemeId: string; amountPence: number; partnerId: string | null }
  | { kind: 'reserve-set-aside' | 'underspend-ring-fenced'; reserve: string; amountPence: number }
  | { kind: 'reserve-drawn'; reserve: string; amountPence: number; trigger: string }
  | { kind: 'carried-forward-in'; fromYear: string; parts: { purpose: string; amountPence: number }[] }
  | { kind: 'carried-forward-out'; toYear: string; amountPence: number }
  | { kind: 'journal'; postings: Posting[] };

export interface PostTransaction {
  transactionId: string;
  effectiveOn: CalendarDate;
  statedBy: StatedBy;
  correctionOf: string | null;
  movement: MoneyMovement;
}

export interface PostingFacts {
  /** The agreement's terms on the effective date (null if none in effect). */
  terms: AgreementTerms | null;
  organisationExists(organisationId: string): boolean;
}

const positive = (value: number, field: string) => {
  if (!Number.isSafeInteger(value) || value <= 0)
    refuse(
      'invalid',
      field,
      'must be a positive whole number of pence (a correction is a reversal, not a negative)',
    );
  if (value > FUND_LIMITS.amountPenceMax)
    refuse('invalid', field, `must not exceed ${FUND_LIMITS.amountPenceMax} pence (the template's limit)`);
};

/** An overspend split between partners by the basis points of the risk-share terms. */
export const splitByShares = (amountPence: number, shares: { partnerId: string; basisPoints: number }[]) =>
  [
    ...splitPence(
      amountPence,
      shares.map((s) => ({ key: s.partnerId, weight: s.basisPoints })),
    ).entries(),
  ].map(([partnerId, pence]) => ({ partnerId, amountPence: pence }));

function postingsFor(
  state: PooledFundState,
  movement: MoneyMovement,
  facts: PostingFacts,
): { postings: Posting[]; detail: Record<string, string> } {
  const terms = facts.terms;
  if (!terms)
    return refuse(
      'conflict',
      'effectiveOn',
      `no S75 agreement '${state.agreementId}' is in effect on that date`,
    );
  const party = (partnerId: string, field: string) => {
    if (!terms.parties.includes(partnerId))
      refuse('invalid', field, `'${partnerId}' is not a party to the agreement`);
  };
  const scheduled = (schemeId: string) => {
    const schedule = terms.schedules.find((s) => s.schemeId === schemeId && s.poolId === state.poolId);
    if (!schedule)
      refuse(
        'invalid',
        'movement.schemeId',
        `scheme '${schemeId}' is not in the agreement's schedules for pool '${state.poolId}'`,
      );
    return schedule!;
  };
  const balanceOf = (name: string) => state.balances[name] ?? 0;
  switch (movement.kind) {
    case 'contribution-committed':
    case 'contribution-received': {
      party(movement.partnerId, 'movement.partnerId');
      positive(movement.amountPence, 'movement.amountPence');
      const { partnerId, source, amountPence } = movement;
      const receivable = account.receivable(partnerId, source);
      const detail = { partnerId, source };
      if (movement.kind === 'contribution-committed')
        return {
          postings: [
            { account: receivable, amountPence },
            { account: account.income(partnerId, source), amountPence: -amountPence },
          ],
          detail,
        };
      if (balanceOf(receivable) < amountPence)
        refuse(
          'conflict',
          'movement.amountPence',
          `${amountPence} pence is more than the ${balanceOf(receivable)} pence committed and not yet received`,
        );
      return {
        postings: [
          { account: account.bank, amountPence },
          { account: receivable, amountPence: -amountPence },
        ],
        detail,
      };
    }
    case 'allocation':
      scheduled(movement.schemeId);
      positive(movement.amountPence, 'movement.amountPence');
      return {
        postings: [
          { account: account.unallocated, amountPence: movement.amountPence },
          { account: account.allocated(movement.schemeId), amountPence: -movement.amountPence },
        ],
        detail: { schemeId: movement.schemeId },
      };
    case 'expenditure': {
      const schedule = scheduled(movement.schemeId);
      positive(movement.amountPence, 'movement.amountPence');
      return {
        postings: [
          { account: account.expenditure(movement.schemeId), amountPence: movement.amountPence },
          { account: account.bank, amountPence: -movement.amountPence },
        ],
        detail: { schemeId: movement.schemeId, leadPartnerId: schedule.leadPartnerId },
      };
    }
    case 'dfg-pass-down':
      if (!facts.organisationExists(movement.districtId))
        refuse(
          'not-found',
          'movement.districtId',
          `organisation '${movement.districtId}' is not in the registry`,
        );
      positive(movement.amountPence, 'movement.amountPence');
      return {
        postings: [
          { account: account.dfgPassedDown(movement.districtId), amountPence: movement.amountPence },
          { account: account.bank, amountPence: -movement.amountPence },
        ],
        detail: { districtId: movement.districtId },
      };
    case 'overspend-charged': {
      const schedule = scheduled(movement.schemeId);
      positive(movement.amountPence, 'movement.amountPence');
      const out = { account: account.expenditure(movement.schemeId), amountPence: -movement.amountPence };
      const share = terms.riskShare;
      if (share.kind === 'incurring-partner') {
        const partnerId = movement.partnerId ?? schedule.leadPartnerId;
        party(partnerId, 'movement.partnerId');
        return {
          postings: [{ account: account.recoverable(partnerId), amountPence: movement.amountPence }, out],
          detail: { schemeId: movement.schemeId, partnerId, terms: 'incurring-partner' },
        };
      }
      if (share.kind === 'percentage-split')
        return {
          postings: [
            ...splitByShares(movement.amountPence, share.shares)
              .filter((p) => p.amountPence > 0)
              .map((p) => ({ account: account.recoverable(p.partnerId), amountPence: p.amountPence })),
            out,
          ],
          detail: { schemeId: movement.schemeId, terms: 'percentage-split' },
        };
      return refuse(
        'invalid',
        'movement.kind',
        "the agreement meets overspends from its risk-share fund: record a 'reserve-drawn' with its trigger",
      );
    }
    case 'reserve-set-aside':
    case 'underspend-ring-fenced':
      positive(movement.amountPence, 'movement.amountPence');
      return {
        postings: [
          { account: account.unallocated, amountPence: movement.amountPence },
          { account: account.reserve(movement.reserve), amountPence: -movement.amountPence },
        ],
        detail: { reserve: movement.reserve },
      };
    case 'reserve-drawn': {
      positive(movement.amountPence, 'movement.amountPence');
      const held = -balanceOf(account.reserve(movement.reserve));
      if (movement.amountPence > held)
        refuse('conflict', 'movement.amountPence', `reserve '${movement.reserve}' holds ${held} pence`);
      return {
        postings: [
          { account: account.reserve(movement.reserve), amountPence: movement.amountPence },
          { account: account.unallocated, amountPence: -movement.amountPence },
        ],
        detail: { reserve: movement.reserve, trigger: movement.trigger },
      };
    }
    case 'carried-forward-in': {
      if (movement.parts.length === 0) refuse('invalid', 'movement.parts', 'name at least one part');
      movement.parts.forEach((p, i) => positive(p.amountPence, `movement.parts[${i}].amountPence`));
      const total = movement.parts.reduce((sum, p) => sum + p.amountPence, 0);
      return {
        postings: [
          { account: account.bank, amountPence: total },
          ...movement.parts.map((p) => ({
            account: account.broughtForward(p.purpose),
            amountPence: -p.amountPence,
          })),
        ],
        detail: { fromYear: movement.fromYear },
      };
    }
    case 'carried-forward-out':
      positive(movement.amountPence, 'movement.amountPence');
      return {
        postings: [
          { account: account.carriedForward(movement.toYear), amountPence: movement.amountPence },
          { account: account.bank, amountPence: -movement.amountPence },
        ],
        detail: { toYear: movement.toYear },
      };
    case 'journal': {
      if (movement.postings.length < 2 || movement.postings.length > FUND_LIMITS.postingsPerTransactionMax)
        refuse('invalid', 'movement.postings', `give 2 to ${FUND_LIMITS.postingsPerTransactionMax} postings`);
      movement.postings.forEach((p, i) => {
        if (!ACCOUNT_PATTERN.test(p.account))
          refuse(
            'invalid',
            `movement.postings[${i}].account`,
            `'${p.account}' is not in the chart of accounts`,
          );
        if (
          !Number.isSafeInteger(p.amountPence) ||
          p.amountPence === 0 ||
          Math.abs(p.amountPence) > FUND_LIMITS.amountPenceMax
        )
          refuse(
            'invalid',
            `movement.postings[${i}].amountPence`,
            'must be whole pence, not zero, within the template limit',
          );
      });
      const sum = sumPence(movement.postings);
      if (sum !== 0)
        refuse('invalid', 'movement.postings', `the postings must balance: they sum to ${sum} pence, not 0`);
      return {
        postings: movement.postings.map(({ account: name, amountPence }) => ({ account: name, amountPence })),
        detail: {},
      };
    }
  }
}

/**
 * Records a money movement as one balanced transaction in the pool-year, or refuses it (recording nothing):
 * a closed year, a date outside the year, an unscheduled scheme, a negative or oversized amount, an
 * unbalanced journal, a correction of something not recorded.
 */
export function postTransaction(
  state: PooledFundState | undefined,
  command: PostTransaction,
  facts: PostingFacts,
): FundEvent[] {
  assertPostable(state, command.transactionId);
  if (!isCalendarDate(command.effectiveOn))
    refuse('invalid', 'effectiveOn', 'must be a real date written YYYY-MM-DD');
  const { start, end } = yearBounds(state.year);
  if (command.effectiveOn < start || command.effectiveOn >= end)
    refuse('invalid', 'effectiveOn', `must fall in ${state.year} (${start} to ${end}, exclusive)`);
  if (command.correctionOf !== null && !state.reversedBy[command.correctionOf])
    refuse('conflict', 'correctionOf', `'${command.correctionOf}' must be reversed before it is replaced`);
  const { postings, detail } = postingsFor(state, command.movement, facts);
  const transaction: Transaction = {
    transactionId: command.transactionId,
    kind: command.movement.kind,
    effectiveOn: command.effectiveOn,
    quarter: quarterOf(command.effectiveOn),
    postings,
    statedBy: command.statedBy,
    reverses: null,
    correctionOf: command.correctionOf,
    detail,
  };
  assertBalanced(transaction.postings);
  return [
    { type: 'FundTransactionPosted', data: { ...transaction, poolId: state.poolId, year: state.year } },
  ];
}

/** Every transaction the ledger writes balances; a failure here is a bug, never bad input. */
export function assertBalanced(postings: readonly Posting[]): void {
  if (sumPence(postings) !== 0 || [...balances(postings).values()].some((v) => !Number.isSafeInteger(v)))
    throw new Error('invariant violated: a transaction does not balance to zero');
}
