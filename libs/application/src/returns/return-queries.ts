import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { FinancialYear, Viewpoint, knownBy } from '@bcl/kernel';
import { EventStore } from '@bcl/event-store';
import { ReturnView } from '@bcl/domain-returns';
import { loadLaterAmendments, loadReturnEvents, loadYearReturns } from '@bcl/quarterly-returns';
import { EVENT_STORE } from '../event-log/event-log.tokens';
import { Problem } from '../problem';
import { ReturnContext, returnNotIssued } from './return-context';
import { foldReturn, returnHistory, returnView } from '@bcl/domain-returns';

/** A return as a reader sees it, with its stream's current revision (its ETag). */
export type ReturnState = ReturnView & { returnId: string; revision: number; viewpoint: Viewpoint };

/** The return from a viewpoint, as submitted (its own stream) or as restated (with later returns' amendments). */
export class ShowReturnQuery {
  constructor(
    readonly returnId: string,
    readonly basis: 'as-submitted' | 'as-restated',
    readonly viewpoint: Viewpoint,
  ) {}
}
@QueryHandler(ShowReturnQuery)
export class ShowReturnHandler implements IQueryHandler<ShowReturnQuery, ReturnState> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute({ returnId, basis, viewpoint }: ShowReturnQuery): Promise<ReturnState> {
    const own = await loadReturnEvents(this.store, returnId);
    const later =
      basis === 'as-restated'
        ? (await loadLaterAmendments(this.store, returnId)).flatMap((q) => q.events)
        : [];
    const view = returnView(own, basis === 'as-restated' ? { viewpoint, restatedBy: later } : { viewpoint });
    if (!view)
      throw own.length === 0
        ? returnNotIssued(returnId)
        : new Problem(
            404,
            'not-found',
            'Not found',
            `return '${returnId}' was not issued as seen from ${JSON.stringify(viewpoint)}`,
          );
    return { ...view, viewpoint, revision: own.length - 1 };
  }
}

/** The return's checks from a viewpoint: every template rule and consistency check, and the sections' cells. */
export class ReturnChecksQuery {
  constructor(
    readonly returnId: string,
    readonly viewpoint: Viewpoint,
  ) {}
}
@QueryHandler(ReturnChecksQuery)
export class ReturnChecksHandler implements IQueryHandler<ReturnChecksQuery> {
  constructor(
    private readonly returns: ReturnContext,
    private readonly shown: ShowReturnHandler,
  ) {}
  async execute({ returnId, viewpoint }: ReturnChecksQuery) {
    const view = await this.shown.execute(new ShowReturnQuery(returnId, 'as-submitted', viewpoint));
    const state = { ...view, revision: view.revision };
    const checks = await this.returns.checks(state, viewpoint.asAt);
    const blocking = checks.filter((c) => c.severity === 'blocking' && c.outcome === 'fail').length;
    return {
      returnId,
      version: view.version,
      status: view.status,
      viewpoint,
      blockingFailures: blocking,
      checks,
    };
  }
}

/**
 * Every event of the return, oldest first: what changed, when recorded, and the date it took effect; with `knownAt`
 * (an instant as `recordedAt` is stored), only those recorded by then.
 */
export class ReturnHistoryQuery {
  constructor(
    readonly returnId: string,
    readonly knownAt?: string,
  ) {}
}
@QueryHandler(ReturnHistoryQuery)
export class ReturnHistoryHandler implements IQueryHandler<ReturnHistoryQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute({ returnId, knownAt }: ReturnHistoryQuery) {
    const events = (await loadReturnEvents(this.store, returnId)).filter((event) => knownBy(knownAt, event));
    if (events.length === 0) throw returnNotIssued(returnId);
    return { returnId, revision: events.length - 1, history: returnHistory(events) };
  }
}

/** An area's returns of a year (each quarter: issued or not, its status, version and deadline). */
export class AreaReturnsQuery {
  constructor(
    readonly areaId: string,
    readonly year: FinancialYear,
    readonly viewpoint: Viewpoint,
  ) {}
}
@QueryHandler(AreaReturnsQuery)
export class AreaReturnsHandler implements IQueryHandler<AreaReturnsQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute({ areaId, year, viewpoint }: AreaReturnsQuery) {
    const quarters = await loadYearReturns(this.store, areaId, year);
    const returns = quarters.map(({ returnId, quarter, events }) => {
      const view = returnView(events, { viewpoint });
      const state = view ?? (viewpoint.asAt || viewpoint.knownAt ? undefined : foldReturn(events));
      return {
        returnId,
        quarter,
        issued: state !== undefined && state !== null,
        status: state?.status ?? null,
        version: state?.version ?? null,
        deadline: state?.deadline ?? null,
        submitted: state?.submitted ?? null,
        href: `/api/returns/${returnId}`,
      };
    });
    return { areaId, financialYear: year, viewpoint, returns };
  }
}

export const RETURN_QUERY_HANDLERS = [
  ShowReturnHandler,
  ReturnChecksHandler,
  ReturnHistoryHandler,
  AreaReturnsHandler,
];
