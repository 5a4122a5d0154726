import { EventStore, JsonObject, foldEvents, newEventId, readWholeStream } from '@bcl/event-store';
import {
  AgreementTerms,
  FundEvent,
  PooledFundState,
  evolvePooledFund,
  pooledFundStream,
  postTransaction,
} from '@bcl/domain-fund';

const BATCH = 1_000;

/** Appends expenditure transactions (two postings each) to a pool-year until it holds `postings` (benchmarks only). */
export async function growPoolYear(
  store: EventStore,
  pool: { poolId: string; year: string },
  postings: number,
  terms: AgreementTerms,
): Promise<void> {
  const stream = pooledFundStream(pool.poolId, pool.year);
  let state = foldEvents(await readWholeStream(store, stream), evolvePooledFund) as PooledFundState;
  let revision = await store.streamRevision(stream);
  const facts = { terms, organisationExists: () => true };
  const scheme = terms.schedules[0]!.schemeId;
  for (let made = state.transactions.length * 2; made < postings;) {
    const batch: FundEvent[] = [];
    for (let i = 0; i < BATCH && made < postings; i += 1, made += 2) {
      const day = new Date(Date.UTC(2016, 3, 1 + (made % 365))).toISOString().slice(0, 10);
      const events = postTransaction(
        state,
        {
          transactionId: `bench-${made}`,
          effectiveOn: day,
          statedBy: { kind: 'decision', reference: 'bench' },
          correctionOf: null,
          movement: { kind: 'expenditure', schemeId: scheme, amountPence: 100 + (made % 97) },
        },
        facts,
      );
      for (const event of events) state = evolvePooledFund(state, event);
      batch.push(...events);
    }
    const metadata = {
      actor: { id: 'bench', roles: ['admin'] },
      reason: 'benchmark',
      correlationId: 'return-bench',
    };
    await store.append(
      stream,
      batch.map((e) => ({
        eventId: newEventId(),
        type: e.type,
        schemaVersion: 2,
        data: e.data as unknown as JsonObject,
        metadata,
      })),
      revision,
    );
    revision += batch.length;
  }
}
