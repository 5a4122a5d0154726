import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AgreementState, agreementAsAt, agreementStream, evolveAgreement } from '@bcl/domain-fund';
import { foldKnownAt } from '@bcl/fund-reports';
import { Viewpoint } from '@bcl/kernel';
import { EventStore } from '@bcl/event-store';
import { todayInEngland } from '../business-dates';
import { FundLogIndex } from './list-fund-index';
import { StreamFacts } from '../event-log/stream-facts';

/** Section 75 agreements in id order, a page at a time, optionally of one area, from a viewpoint. */
export class ListAgreementsQuery {
  constructor(
    readonly limit: number,
    readonly after?: string,
    readonly areaId?: string,
    readonly viewpoint: Viewpoint = {},
  ) {}
}

export interface AgreementSummary {
  agreementId: string;
  areaId: string;
  /** The version in effect on the viewpoint's date (today when absent); null before the agreement starts. */
  inEffect: { variationId: string; effectiveOn: string; summary: string } | null;
  versions: number;
  parties: string[];
  pools: { poolId: string; name: string }[];
  href: string;
}

@QueryHandler(ListAgreementsQuery)
export class ListAgreementsHandler implements IQueryHandler<ListAgreementsQuery> {
  constructor(
    private readonly index: FundLogIndex,
    private readonly facts: StreamFacts,
  ) {}

  async execute({ limit, after, areaId, viewpoint }: ListAgreementsQuery) {
    const listed = (await this.index.agreementsSeenFrom(viewpoint)).filter(
      (agreement) =>
        (areaId === undefined || agreement.areaId === areaId) &&
        (after === undefined || agreement.agreementId > after),
    );
    const page = listed.slice(0, limit);
    const items = await Promise.all(
      page.map(({ agreementId }) => agreementSummary(this.facts.store, agreementId, viewpoint)),
    );
    return {
      items: items.filter((item): item is AgreementSummary => item !== null),
      next: listed.length > limit ? page[page.length - 1]!.agreementId : null,
    };
  }
}

/** The agreement as the ledger knew it at the viewpoint, summarised; null when nothing of it was known then. */
export async function agreementSummary(
  store: EventStore,
  agreementId: string,
  viewpoint: Viewpoint,
): Promise<AgreementSummary | null> {
  const state = await knownAgreement(store, agreementId, viewpoint);
  if (!state) return null;
  const version = agreementAsAt(state, viewpoint.asAt ?? todayInEngland());
  const terms = (version ?? state.versions.at(-1)!).terms;
  return {
    agreementId,
    areaId: state.areaId,
    inEffect: version
      ? { variationId: version.variationId, effectiveOn: version.effectiveOn, summary: version.summary }
      : null,
    versions: state.versions.length,
    parties: terms.parties,
    pools: terms.pools,
    href: `/api/fund/agreements/${agreementId}`,
  };
}

export async function knownAgreement(
  store: EventStore,
  agreementId: string,
  viewpoint: Viewpoint,
): Promise<AgreementState | undefined> {
  return (await foldKnownAt(store, agreementStream(agreementId), evolveAgreement, viewpoint.knownAt)).state;
}
