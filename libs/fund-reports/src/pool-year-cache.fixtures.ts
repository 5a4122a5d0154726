import { EventStore, JsonObject, foldEvents, newEventId, readWholeStream } from '@bcl/event-store';
import {
  AgreementTerms,
  FundEvent,
  StatedFigure,
  PooledFundState,
  agreementStream,
  evolvePooledFund,
  openYear,
  pooledFundStream,
} from '@bcl/domain-fund';

/** Test fixtures shared by the pool-year cache's specs: one pool, one scheme, two partners. */
export const TERMS: AgreementTerms = {
  parties: ['council', 'ccg'],
  hostPartnerId: 'council',
  pooledFundManagerPostId: null,
  pools: [{ poolId: 'pool', name: 'Pool' }],
  schedules: [
    {
      schemeId: 'carers',
      poolId: 'pool',
      name: 'Carers',
      element: 'bcf',
      leadPartnerId: 'council',
      capPence: null,
    },
  ],
  contributionRules: [],
  riskShare: { kind: 'incurring-partner' },
  underspend: 'carry-forward',
  term: { from: '2016-04-01', until: null },
};
export const STREAM = pooledFundStream('pool', '2016-17');

type Metadata = { actor: { id: string; roles: string[] }; correlationId: string } & JsonObject;

/** Appends the domain's events to a stream, each with `metadata`. */
export async function appendFundEvents(
  store: EventStore,
  stream: string,
  events: FundEvent[],
  metadata: Metadata,
): Promise<void> {
  await store.append(
    stream,
    events.map((e) => ({
      eventId: newEventId(),
      type: e.type,
      schemaVersion: 2,
      data: e.data as unknown as JsonObject,
      metadata,
    })),
    'any',
  );
}

/** The pool-year as the ledger's commands see it (folded from the whole stream). */
export const currentPoolYear = async (store: EventStore) =>
  foldEvents(await readWholeStream(store, STREAM), evolvePooledFund) as PooledFundState | undefined;

/** The agreement established and the pool-year opened. */
export async function establishAndOpen(
  store: EventStore,
  agreementMetadata: Metadata,
  openMetadata: Metadata,
): Promise<void> {
  await store.append(
    agreementStream('s75'),
    [
      {
        eventId: newEventId(),
        type: 'S75AgreementEstablished',
        data: {
          agreementId: 's75',
          areaId: 'area',
          variationId: 's75-v1',
          effectiveOn: '2016-04-01',
          terms: TERMS as unknown as JsonObject,
        },
        metadata: agreementMetadata,
      },
    ],
    'no-stream',
  );
  const opened = openYear(
    undefined,
    { poolId: 'pool', year: '2016-17', agreementId: 's75' },
    { poolEstablished: true },
  );
  await appendFundEvents(store, STREAM, opened, openMetadata);
}

/** Q1's actual expenditure, as a quarterly return states it. */
export const Q1_ACTUAL: StatedFigure = {
  figureId: 'q1-actual',
  basis: 'actual',
  line: 'expenditure',
  subject: 'pool',
  quarter: 1,
  amountPence: 305_00,
  statedBy: { kind: 'quarterly-return', reference: 'Q1 return' },
  statedOn: '2016-07-31',
  composedOf: null,
};
