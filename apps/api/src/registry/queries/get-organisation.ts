import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { OrganisationView, nameAsAt, viewKey } from '@bcl/domain-registry';
import { RegistryViews } from './registry-views';
import { todayInEngland } from '../../http/business-dates';

export class GetOrganisationQuery {
  constructor(readonly organisationId: string) {}
}

export type OrganisationResource = Omit<OrganisationView, 'history'> & { name: string };

@QueryHandler(GetOrganisationQuery)
export class GetOrganisationHandler implements IQueryHandler<GetOrganisationQuery, OrganisationResource> {
  constructor(private readonly views: RegistryViews) {}

  async execute({ organisationId }: GetOrganisationQuery): Promise<OrganisationResource> {
    const { history, ...view } = await this.views.get<OrganisationView>(viewKey.organisation(organisationId));
    const name = nameAsAt({ ...view, history }, { asAt: todayInEngland() }) ?? view.names[0]!.name;
    return { ...view, name }; // the timeline has its own route
  }
}
