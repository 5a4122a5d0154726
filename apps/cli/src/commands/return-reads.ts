import { EventStore } from '@bcl/event-store';
import { Viewpoint } from '@bcl/kernel';
import { ReturnCheck, ReturnTemplate, ReturnView, returnIdOf, returnUnderCheck } from '@bcl/domain-returns';
import { UsageError } from '../cli-context';
import { ReturnWiring } from './return-wiring';

/** `southend-on-sea-2016-17-q1`: an area id, a financial year and a quarter. */
const RETURN_ID = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?-\d{4}-\d{2}-q[1-4]$/;

/** The return id, checked; a bad one is one line saying what to write. */
export function checkedReturnId(returnId: string): string {
  if (!RETURN_ID.test(returnId))
    throw new UsageError(
      `returnId: must be <area>-<year>-q<n>, e.g. southend-on-sea-2016-17-q1 (got '${returnId}')`,
    );
  return returnId;
}

/** Why no return is seen from the viewpoint, in the words the plan commands use. */
function notSeen(recorded: boolean, { asAt, knownAt }: Viewpoint): string {
  const known = knownAt === undefined ? '' : ` as known at ${knownAt}`;
  if (!recorded || asAt === undefined) return `no such return is recorded${known}`;
  return `was not issued by ${asAt}${known}`;
}

/** A return as seen from a viewpoint, as submitted or (with its later amendments) as restated; refused if unseen. */
export async function loadReturnView(
  wiring: ReturnWiring,
  store: EventStore,
  returnId: string,
  basis: ReturnView['basis'],
  viewpoint: Viewpoint,
): Promise<ReturnView> {
  const events = await wiring.loadReturnEvents(store, returnId);
  const submitted = wiring.returnViewOf(events, { basis: 'as-submitted', viewpoint, later: [] });
  if (!submitted) throw new UsageError(`${returnId}: ${notSeen(events.length > 0, viewpoint)}`);
  if (basis === 'as-submitted') return submitted;
  const later = await wiring.loadLaterAmendments(store, submitted);
  return wiring.returnViewOf(events, { basis, viewpoint, later }) ?? submitted;
}

/** Every check of a return, with its earlier quarters' returns of the year read on the same basis and viewpoint. */
export async function checksOf(
  wiring: ReturnWiring,
  store: EventStore,
  view: ReturnView,
  template: ReturnTemplate,
  viewpoint: Viewpoint,
): Promise<ReturnCheck[]> {
  const earlier: ReturnView[] = [];
  for (let quarter = 1; quarter < view.quarter; quarter += 1) {
    const returnId = returnIdOf(view.areaId, view.financialYear, quarter as 1 | 2 | 3);
    const events = await wiring.loadReturnEvents(store, returnId);
    const seen = wiring.returnViewOf(events, { basis: view.basis, viewpoint, later: [] });
    const earlierView =
      seen && view.basis === 'as-restated'
        ? (wiring.returnViewOf(events, {
            basis: 'as-restated',
            viewpoint,
            later: await wiring.loadLaterAmendments(store, seen),
          }) ?? seen)
        : seen;
    if (earlierView) earlier.push(earlierView);
  }
  return wiring.checkReturn(
    returnUnderCheck(template, view, earlier, viewpoint.asAt ?? new Date().toISOString().slice(0, 10)),
  );
}
