import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EventStore } from '@bcl/event-store';
import { LedgerAssumedFact, assumedFactsOfLedger, knownLog } from '@bcl/contexts';
import { EVENT_STORE } from '../event-log/event-log.tokens';

/** Every assumed fact in the ledger, each with its areas, from the whole log (as known at an instant, if given). */
export class LedgerAssumedFactsQuery {
  constructor(readonly knownAt?: string) {}
}

export interface LedgerAssumedFactsAnswer {
  knownAt: string | null;
  count: number;
  facts: LedgerAssumedFact[];
}

@QueryHandler(LedgerAssumedFactsQuery)
export class LedgerAssumedFactsHandler implements IQueryHandler<
  LedgerAssumedFactsQuery,
  LedgerAssumedFactsAnswer
> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ knownAt }: LedgerAssumedFactsQuery): Promise<LedgerAssumedFactsAnswer> {
    const facts = assumedFactsOfLedger(await knownLog(this.store, knownAt));
    return { knownAt: knownAt ?? null, count: facts.length, facts };
  }
}
