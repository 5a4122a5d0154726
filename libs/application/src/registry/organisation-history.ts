import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { OrganisationView, organisationHistory, viewKey } from '@bcl/domain-registry';
import { RegistryViews } from './registry-views';

export class OrganisationHistoryQuery {
  constructor(
    readonly organisationId: string,
    readonly knownAt?: string,
  ) {}
}

/** Every dated fact about an organisation, in effective-date order: names, succession, area memberships. */
@QueryHandler(OrganisationHistoryQuery)
export class OrganisationHistoryHandler implements IQueryHandler<OrganisationHistoryQuery> {
  constructor(private readonly views: RegistryViews) {}

  async execute({ organisationId, knownAt }: OrganisationHistoryQuery) {
    const view = await this.views.get<OrganisationView>(viewKey.organisation(organisationId));
    return { organisationId, knownAt: knownAt ?? null, history: organisationHistory(view, knownAt) };
  }
}
