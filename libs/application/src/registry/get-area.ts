import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AreaView, viewKey } from '@bcl/domain-registry';
import { Viewpoint } from '@bcl/kernel';
import { RegistryViews } from './registry-views';

export class GetAreaQuery {
  constructor(
    readonly areaId: string,
    readonly viewpoint: Viewpoint = {},
  ) {}
}

@QueryHandler(GetAreaQuery)
export class GetAreaHandler implements IQueryHandler<GetAreaQuery, AreaView> {
  constructor(private readonly views: RegistryViews) {}

  execute({ areaId, viewpoint }: GetAreaQuery): Promise<AreaView> {
    return this.views.from(viewpoint).get<AreaView>(viewKey.area(areaId));
  }
}
