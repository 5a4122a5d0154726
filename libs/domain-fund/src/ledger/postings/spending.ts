import { refuse } from '@bcl/kernel';
import { splitByShares } from '../../shared/split-pence';
import { account } from '../accounts';
import { MovementOf, PostingContext, Postings, party, positive, scheduled } from './money-movement';

/** Spend on a scheme in the agreement's schedules, out of the bank. */
export function expenditure(context: PostingContext, movement: MovementOf<'expenditure'>): Postings {
  const schedule = scheduled(context, movement.schemeId);
  positive(movement.amountPence, 'movement.amountPence');
  return {
    postings: [
      { account: account.expenditure(movement.schemeId), amountPence: movement.amountPence },
      { account: account.bank, amountPence: -movement.amountPence },
    ],
    detail: { schemeId: movement.schemeId, leadPartnerId: schedule.leadPartnerId },
  };
}

/** DFG passed down by a county to a district council in the registry, out of the bank. */
export function dfgPassDown({ facts }: PostingContext, movement: MovementOf<'dfg-pass-down'>): Postings {
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
}

/**
 * A scheme's overspend charged to partners under the risk-share terms: to the incurring partner (the scheme's
 * lead unless named), or split by shares; terms that meet it from a risk-share fund refuse it. The charge is
 * credited to `overspend-charged/{scheme}`, never to the scheme's expenditure: the spend stays what it was.
 */
export function overspendCharged(
  context: PostingContext,
  movement: MovementOf<'overspend-charged'>,
): Postings {
  const schedule = scheduled(context, movement.schemeId);
  positive(movement.amountPence, 'movement.amountPence');
  const out = { account: account.overspendCharged(movement.schemeId), amountPence: -movement.amountPence };
  const share = context.terms.riskShare;
  if (share.kind === 'incurring-partner') {
    const partnerId = movement.partnerId ?? schedule.leadPartnerId;
    party(context, partnerId, 'movement.partnerId');
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
