/**
 * The pooled-fund context's published facts: what other contexts may ask of it (an agreement's terms in force
 * on a date, whether it establishes a pool), and nothing else. Importers use `@bcl/domain-fund/facts`.
 */
import { CalendarDate } from '@bcl/kernel';
import { AgreementState, AgreementTerms, agreementAsAt } from './agreement/s75-agreement';

export type { AgreementState, AgreementTerms } from './agreement/s75-agreement';
export { agreementStream, evolveAgreement } from './agreement/s75-agreement';

/** The agreement's terms in force on a date, or null (no agreement, or none in force yet). */
export function termsInForce(agreement: AgreementState | undefined, on: CalendarDate): AgreementTerms | null {
  return (agreement && agreementAsAt(agreement, on)?.terms) ?? null;
}

/** Whether the terms in force when a year begins, or a variation during it, establish the pool. */
export function establishesPool(
  agreement: AgreementState | undefined,
  poolId: string,
  year: { start: CalendarDate; end: CalendarDate },
): boolean {
  const versions = agreement
    ? [
        agreementAsAt(agreement, year.start),
        ...agreement.versions.filter((v) => v.effectiveOn >= year.start && v.effectiveOn < year.end),
      ]
    : [];
  return versions.some((v) => v?.terms.pools.some((p) => p.poolId === poolId));
}
