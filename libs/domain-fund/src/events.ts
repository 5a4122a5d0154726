import type { EventSchemasOf } from '@bcl/kernel';
import type { AgreementEvent } from './agreement/s75-agreement';
import type { FundEvent } from './ledger/pooled-fund';

/**
 * Every event type the pooled fund records (section 75 agreements and the pool-year ledgers), with the schema
 * version the code writes and reads today and the upcasters from older versions. A new event type fails to
 * compile until it is declared here. How to change an event: docs/file-formats.md, "Changing an event".
 */
export const FUND_EVENT_SCHEMAS = {
  S75AgreementEstablished: { currentVersion: 1 },
  S75AgreementVaried: { currentVersion: 1 },
  PooledFundYearOpened: { currentVersion: 1 },
  FundTransactionPosted: { currentVersion: 1 },
  FundFigureStated: {
    currentVersion: 2,
    // version 2 added statedOn; a figure recorded before does not say when it was stated
    upcasters: [{ from: 1, upcast: (data) => ({ ...data, statedOn: null }) }],
  },
  PooledFundYearClosed: { currentVersion: 1 },
  PooledFundYearReopened: { currentVersion: 1 },
} as const satisfies EventSchemasOf<(AgreementEvent | FundEvent)['type']>;
