import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EventStore, logEventPages } from '@bcl/event-store';
import { LedgerAssumedFact, assumedFactsOfLedger } from '@bcl/contexts';
import { EventRecord } from '@bcl/kernel';
import { EVENT_STORE } from '../../event-log/event-log.tokens';

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
    const events: EventRecord[] = [];
    for await (const page of logEventPages(this.store))
      events.push(...page.filter((event) => knownAt === undefined || event.recordedAt <= knownAt));
    const facts = assumedFactsOfLedger(events);
    return { knownAt: knownAt ?? null, count: facts.length, facts };
  }
}
