import { CalendarDate, isCalendarDate, refuse, isFinancialYear } from '@bcl/kernel';
import { FUND_LIMITS } from '../shared/fund-limits';
import { AgreementEvent, AgreementState, AgreementTerms } from './s75-agreement';

export interface AgreementFacts {
  organisationExists(organisationId: string): boolean;
  postExists(postId: string): boolean;
  areaExists: boolean;
}

const amount = (value: number, field: string) => {
  if (!Number.isSafeInteger(value) || value < 0)
    refuse('invalid', field, 'must be whole pence, not negative');
  if (value > FUND_LIMITS.amountPenceMax)
    refuse('invalid', field, `must not exceed ${FUND_LIMITS.amountPenceMax} pence (the template's limit)`);
};

/** Terms that hang together: parties exist, every pool, schedule, rule and share names a party and a pool. */
function checkTerms(terms: AgreementTerms, facts: AgreementFacts): void {
  const parties = new Set(terms.parties);
  if (parties.size < 2 || parties.size !== terms.parties.length)
    refuse('invalid', 'terms.parties', 'name at least two different parties');
  terms.parties.forEach((party, i) => {
    if (!facts.organisationExists(party))
      refuse('not-found', `terms.parties[${i}]`, `organisation '${party}' is not in the registry`);
  });
  if (!parties.has(terms.hostPartnerId))
    refuse('invalid', 'terms.hostPartnerId', 'must be one of the parties');
  if (terms.pooledFundManagerPostId !== null && !facts.postExists(terms.pooledFundManagerPostId))
    refuse(
      'not-found',
      'terms.pooledFundManagerPostId',
      `post '${terms.pooledFundManagerPostId}' is not in the registry`,
    );
  const pools = new Set(terms.pools.map((p) => p.poolId));
  if (pools.size === 0 || pools.size !== terms.pools.length)
    refuse('invalid', 'terms.pools', 'establish at least one pool, each id once');
  const schemes = new Set<string>();
  terms.schedules.forEach((s, i) => {
    if (schemes.has(s.schemeId))
      refuse('invalid', `terms.schedules[${i}].schemeId`, `'${s.schemeId}' is scheduled twice`);
    schemes.add(s.schemeId);
    if (!pools.has(s.poolId))
      refuse('invalid', `terms.schedules[${i}].poolId`, `'${s.poolId}' is not a pool of the agreement`);
    if (!parties.has(s.leadPartnerId))
      refuse('invalid', `terms.schedules[${i}].leadPartnerId`, 'must be one of the parties');
    if (s.budgetPence != null) amount(s.budgetPence, `terms.schedules[${i}].budgetPence`);
    if (s.capPence !== null) amount(s.capPence, `terms.schedules[${i}].capPence`);
  });
  terms.contributionRules.forEach((r, i) => {
    if (!parties.has(r.partnerId))
      refuse('invalid', `terms.contributionRules[${i}].partnerId`, 'must be one of the parties');
    if (!pools.has(r.poolId))
      refuse(
        'invalid',
        `terms.contributionRules[${i}].poolId`,
        `'${r.poolId}' is not a pool of the agreement`,
      );
    if (r.year !== null && !isFinancialYear(r.year))
      refuse('invalid', `terms.contributionRules[${i}].year`, 'must be a financial year such as 2016-17');
    amount(r.amountPence, `terms.contributionRules[${i}].amountPence`);
  });
  if (terms.riskShare.kind === 'percentage-split') {
    const shares = terms.riskShare.shares;
    shares.forEach((s, i) => {
      if (!parties.has(s.partnerId))
        refuse('invalid', `terms.riskShare.shares[${i}].partnerId`, 'must be one of the parties');
      if (!Number.isInteger(s.basisPoints) || s.basisPoints < 0)
        refuse('invalid', `terms.riskShare.shares[${i}].basisPoints`, 'must be a whole number, not negative');
    });
    if (shares.reduce((sum, s) => sum + s.basisPoints, 0) !== 10_000)
      refuse('invalid', 'terms.riskShare.shares', 'the shares must add up to 10,000 basis points (100%)');
  }
  if (terms.riskShare.kind === 'risk-share-fund')
    amount(terms.riskShare.fundPence, 'terms.riskShare.fundPence');
  if (!isCalendarDate(terms.term.from))
    refuse('invalid', 'terms.term.from', 'must be a real date written YYYY-MM-DD');
  if (terms.term.until !== null && terms.term.until <= terms.term.from)
    refuse('invalid', 'terms.term.until', `must be after the term begins (${terms.term.from})`);
}

export function establishAgreement(
  state: AgreementState | undefined,
  command: {
    agreementId: string;
    areaId: string;
    variationId: string;
    effectiveOn: CalendarDate;
    terms: AgreementTerms;
  },
  facts: AgreementFacts,
): AgreementEvent[] {
  if (state) refuse('conflict', 'agreementId', `agreement '${command.agreementId}' is already established`);
  if (!facts.areaExists) refuse('not-found', 'areaId', `HWB area '${command.areaId}' is not in the registry`);
  checkTerms(command.terms, facts);
  if (command.effectiveOn < command.terms.term.from)
    refuse('invalid', 'effectiveOn', `must not be before the term begins (${command.terms.term.from})`);
  return [{ type: 'S75AgreementEstablished', data: { ...command } }];
}

/** A variation replaces the terms from its effective date; earlier dates still show the earlier terms. */
export function varyAgreement(
  state: AgreementState | undefined,
  command: {
    agreementId: string;
    variationId: string;
    effectiveOn: CalendarDate;
    summary: string;
    terms: AgreementTerms;
  },
  facts: AgreementFacts,
): AgreementEvent[] {
  if (!state)
    return refuse('not-found', 'agreementId', `agreement '${command.agreementId}' is not established`);
  if (state.versions.some((v) => v.variationId === command.variationId))
    refuse('conflict', 'variationId', `variation '${command.variationId}' is already recorded`);
  if (command.effectiveOn < state.versions[0]!.effectiveOn)
    refuse(
      'invalid',
      'effectiveOn',
      `must not be before the agreement took effect (${state.versions[0]!.effectiveOn})`,
    );
  checkTerms(command.terms, facts);
  return [{ type: 'S75AgreementVaried', data: { ...command } }];
}
