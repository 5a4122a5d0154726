import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AreaView, viewKey } from '@bcl/domain-registry';
import { RegistryViews } from './registry-views';

export class GetAreaQuery {
  constructor(readonly areaId: string) {}
}

@QueryHandler(GetAreaQuery)
export class GetAreaHandler implements IQueryHandler<GetAreaQuery, AreaView> {
  constructor(private readonly views: RegistryViews) {}

  execute({ areaId }: GetAreaQuery): Promise<AreaView> {
    return this.views.get<AreaView>(viewKey.area(areaId));
  }
}
