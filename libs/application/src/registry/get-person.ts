import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PersonView, viewKey } from '@bcl/domain-registry';
import { ServiceStore } from '@bcl/service-store';
import { SERVICE_STORE } from '../event-log/event-log.tokens';
import { Viewpoint } from '@bcl/kernel';
import { RegistryViews } from './registry-views';

export class GetPersonQuery {
  constructor(
    readonly personId: string,
    readonly viewpoint: Viewpoint = {},
  ) {}
}

@QueryHandler(GetPersonQuery)
export class GetPersonHandler implements IQueryHandler<GetPersonQuery> {
  constructor(
    private readonly views: RegistryViews,
    @Inject(SERVICE_STORE) private readonly service: ServiceStore,
  ) {}

  async execute({ personId, viewpoint }: GetPersonQuery) {
    const view = await this.views.from(viewpoint).get<PersonView>(viewKey.person(personId));
    const names = await this.service.displayNames([personId]);
    return { ...view, displayName: view.erased ? null : (names.get(personId) ?? null) };
  }
}
