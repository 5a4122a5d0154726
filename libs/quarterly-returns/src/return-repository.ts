import { FinancialYear, QUARTERS, Quarter } from '@bcl/kernel';
import { EventStore, StoredEvent, readWholeStream } from '@bcl/event-store';
import { returnIdOf, returnStream } from '@bcl/domain-returns';

/** A return's events as the log recorded them: typed, with stream, revision, position and metadata. */
export type { RecordedReturnEvent } from '@bcl/domain-returns';
import type { RecordedReturnEvent } from '@bcl/domain-returns';

const typed = (events: StoredEvent[]): RecordedReturnEvent[] => events as unknown as RecordedReturnEvent[];

/** Every event of one return's stream, oldest first; empty when the return was never issued. */
export async function loadReturnEvents(store: EventStore, returnId: string): Promise<RecordedReturnEvent[]> {
  return typed(await readWholeStream(store, returnStream(returnId)));
}

/** One quarter's return of an area's year: its id and its events (empty when not issued). */
export interface QuarterReturnEvents {
  returnId: string;
  quarter: Quarter;
  events: RecordedReturnEvent[];
}

/** The four quarters' returns of an area's financial year, Q1 to Q4, each with its events (empty: not issued). */
export async function loadYearReturns(
  store: EventStore,
  areaId: string,
  year: FinancialYear,
): Promise<QuarterReturnEvents[]> {
  return Promise.all(
    QUARTERS.map(async (quarter) => {
      const returnId = returnIdOf(areaId, year, quarter);
      return { returnId, quarter, events: await loadReturnEvents(store, returnId) };
    }),
  );
}

/**
 * The events of the later quarters' returns of the same area and year as `returnId` (whose
 * `PriorQuarterAmended` may restate its figures), oldest quarter first; empty for a Q4 return, or one never
 * issued.
 */
export async function loadLaterAmendments(
  store: EventStore,
  returnId: string,
): Promise<QuarterReturnEvents[]> {
  const own = await loadReturnEvents(store, returnId);
  const issued = own.find((event) => event.type === 'ReturnIssued');
  if (!issued || issued.type !== 'ReturnIssued') return [];
  const { areaId, financialYear, quarter } = issued.data;
  const year = await loadYearReturns(store, areaId, financialYear);
  return year.filter((later) => later.quarter > quarter);
}
