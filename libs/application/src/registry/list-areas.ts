import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AreaView, viewKey } from '@bcl/domain-registry';
import { Viewpoint } from '@bcl/kernel';
import { RegistryViews } from './registry-views';

export class ListAreasQuery {
  constructor(
    readonly limit: number,
    readonly after?: string,
    readonly viewpoint: Viewpoint = {},
  ) {}
}

@QueryHandler(ListAreasQuery)
export class ListAreasHandler implements IQueryHandler<ListAreasQuery> {
  constructor(private readonly views: RegistryViews) {}

  async execute({ limit, after, viewpoint }: ListAreasQuery) {
    const page = await this.views
      .from(viewpoint)
      .list<AreaView>(viewKey.area(''), limit, after ? viewKey.area(after) : undefined);
    const items = page.map(({ areaId, name, structure, establishedOn }) => ({
      areaId,
      name,
      structure,
      establishedOn,
    }));
    return { items, next: page.length === limit ? page[page.length - 1]!.areaId : null };
  }
}
