import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AreaView, OrganisationView, Viewpoint, areaOrganisationsAsAt, viewKey } from '@bcl/domain-registry';
import { RegistryViews } from './registry-views';

export class AreaOrganisationsQuery {
  constructor(
    readonly areaId: string,
    readonly viewpoint: Viewpoint,
  ) {}
}

/** An area's organisations on a date, with succeeded members shown as their successors. */
@QueryHandler(AreaOrganisationsQuery)
export class AreaOrganisationsHandler implements IQueryHandler<AreaOrganisationsQuery> {
  constructor(private readonly views: RegistryViews) {}

  async execute({ areaId, viewpoint }: AreaOrganisationsQuery) {
    const area = await this.views.get<AreaView>(viewKey.area(areaId));
    const organisations = await this.loadWithSuccessors(area.members.map((member) => member.organisationId));
    return {
      areaId,
      asAt: viewpoint.asAt,
      knownAt: viewpoint.knownAt ?? null,
      organisations: areaOrganisationsAsAt(
        area,
        (id) => organisations.get(viewKey.organisation(id)),
        viewpoint,
      ),
    };
  }

  /** Loads the members and, generation by generation, every successor they lead to. */
  private async loadWithSuccessors(ids: string[]): Promise<Map<string, OrganisationView>> {
    const loaded = new Map<string, OrganisationView>();
    let wanted = [...new Set(ids)].map(viewKey.organisation);
    for (let generation = 0; wanted.length > 0 && generation < 32; generation += 1) {
      for (const [key, view] of await this.views.getMany<OrganisationView>(wanted)) loaded.set(key, view);
      wanted = [...loaded.values()]
        .map((view) => view.succession?.successorId)
        .filter((id): id is string => id !== undefined && !loaded.has(viewKey.organisation(id)))
        .map(viewKey.organisation);
    }
    return loaded;
  }
}
