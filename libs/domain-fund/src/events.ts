import type { EventPayload, EventSchemasOf } from '@bcl/kernel';
import type { AgreementEvent } from './agreement/s75-agreement';
import type { FundEvent } from './ledger/pooled-fund';

type StoredPosting = { account: string; amountPence: number };

/**
 * Version 1 credited an overspend charged to partners to the scheme's `expenditure/{scheme}`, taking it off the
 * scheme's spend; version 2 credits `overspend-charged/{scheme}` and leaves the spend as it was. A charge (and
 * the reversal of one) is read with its credit moved to the new account; every other transaction is unchanged.
 */
export function chargeKeepsTheSpend(data: EventPayload): EventPayload {
  const detail = data['detail'] as Record<string, string> | undefined;
  const isCharge = data['kind'] === 'overspend-charged' || detail?.['reversedKind'] === 'overspend-charged';
  if (!isCharge) return data;
  const postings = (data['postings'] as StoredPosting[]).map((p) =>
    p.account.startsWith('expenditure/')
      ? { ...p, account: `overspend-charged/${p.account.slice('expenditure/'.length)}` }
      : p,
  );
  return { ...data, postings };
}

/**
 * Every event type the pooled fund records (section 75 agreements and the pool-year ledgers), with the schema
 * version the code writes and reads today and the upcasters from older versions. A new event type fails to
 * compile until it is declared here. How to change an event: docs/file-formats.md, "Changing an event".
 */
export const FUND_EVENT_SCHEMAS = {
  S75AgreementEstablished: { currentVersion: 1 },
  S75AgreementVaried: { currentVersion: 1 },
  PooledFundYearOpened: { currentVersion: 1 },
  FundTransactionPosted: { currentVersion: 2, upcasters: [{ from: 1, upcast: chargeKeepsTheSpend }] },
  FundFigureStated: {
    currentVersion: 2,
    // version 2 added statedOn; a figure recorded before does not say when it was stated
    upcasters: [{ from: 1, upcast: (data) => ({ ...data, statedOn: null }) }],
  },
  PooledFundYearClosed: { currentVersion: 1 },
  PooledFundYearReopened: { currentVersion: 1 },
} as const satisfies EventSchemasOf<(AgreementEvent | FundEvent)['type']>;
