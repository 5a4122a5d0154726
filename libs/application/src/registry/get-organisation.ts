import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { OrganisationView, nameAsAt, viewKey } from '@bcl/domain-registry';
import { Viewpoint } from '@bcl/kernel';
import { RegistryViews } from './registry-views';
import { todayInEngland } from '../business-dates';

export class GetOrganisationQuery {
  constructor(
    readonly organisationId: string,
    readonly viewpoint: Viewpoint = {},
  ) {}
}

export type OrganisationResource = Omit<OrganisationView, 'history'> & { name: string };

@QueryHandler(GetOrganisationQuery)
export class GetOrganisationHandler implements IQueryHandler<GetOrganisationQuery, OrganisationResource> {
  constructor(private readonly views: RegistryViews) {}

  async execute({ organisationId, viewpoint }: GetOrganisationQuery): Promise<OrganisationResource> {
    const { history, ...view } = await this.views
      .from(viewpoint)
      .get<OrganisationView>(viewKey.organisation(organisationId));
    const asAt = viewpoint.asAt ?? todayInEngland();
    const name = nameAsAt({ ...view, history }, { asAt }) ?? view.names[0]!.name;
    return { ...view, name }; // the timeline has its own route
  }
}
