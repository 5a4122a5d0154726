import { refuse } from '@bcl/kernel';
import { AgreementTerms } from '../../agreement/s75-agreement';
import { FUND_LIMITS } from '../../shared/fund-limits';
import { Posting } from '../accounts';
import { PooledFundState } from '../pooled-fund';

/** A money movement as a finance officer states it; the books turn it into balanced postings. */
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

/** The movement whose kinds include K. */
export type MovementOf<K extends MoneyMovement['kind']> = MoneyMovement extends infer M
  ? M extends { kind: infer Kinds }
    ? [Extract<Kinds, K>] extends [never]
      ? never
      : M
    : never
  : never;

export interface PostingFacts {
  /** The agreement's terms on the effective date (null if none in effect). */
  terms: AgreementTerms | null;
  organisationExists(organisationId: string): boolean;
}

/** The postings a movement makes, and what the command said beside them. */
export interface Postings {
  postings: Posting[];
  detail: Record<string, string>;
}

/** What every kind of movement is checked against: the pool-year, the agreement's terms, the registry. */
export interface PostingContext {
  state: PooledFundState;
  terms: AgreementTerms;
  facts: PostingFacts;
}

/** Refuses an amount that is not a positive whole number of pence within the template's limit. */
export function positive(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value <= 0)
    refuse(
      'invalid',
      field,
      'must be a positive whole number of pence (a correction is a reversal, not a negative)',
    );
  if (value > FUND_LIMITS.amountPenceMax)
    refuse('invalid', field, `must not exceed ${FUND_LIMITS.amountPenceMax} pence (the template's limit)`);
}

/** Refuses a partner that is not a party to the agreement. */
export function party({ terms }: PostingContext, partnerId: string, field: string): void {
  if (!terms.parties.includes(partnerId))
    refuse('invalid', field, `'${partnerId}' is not a party to the agreement`);
}

/** The agreement's schedule for a scheme in this pool, or a refusal. */
export function scheduled({ terms, state }: PostingContext, schemeId: string) {
  const schedule = terms.schedules.find((s) => s.schemeId === schemeId && s.poolId === state.poolId);
  if (!schedule)
    return refuse(
      'invalid',
      'movement.schemeId',
      `scheme '${schemeId}' is not in the agreement's schedules for pool '${state.poolId}'`,
    );
  return schedule;
}

/** An account's balance over every transaction of the pool-year. */
export const balanceOf = ({ state }: PostingContext, name: string) => state.balances[name] ?? 0;
