import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { OrganisationKind, OrganisationView, nameAsAt, viewKey } from '@bcl/domain-registry';
import { Viewpoint } from '@bcl/kernel';
import { RegistryViews } from './registry-views';
import { todayInEngland } from '../business-dates';

export class ListOrganisationsQuery {
  constructor(
    readonly limit: number,
    readonly after?: string,
    readonly kind?: OrganisationKind,
    readonly viewpoint: Viewpoint = {},
  ) {}
}

export interface OrganisationSummary {
  organisationId: string;
  name: string;
  kind: OrganisationKind;
  succeededBy: string | null;
}

/** Organisations in id order, a page at a time; `kind` filters within the page's scan. */
@QueryHandler(ListOrganisationsQuery)
export class ListOrganisationsHandler implements IQueryHandler<ListOrganisationsQuery> {
  constructor(private readonly views: RegistryViews) {}

  async execute({
    limit,
    after,
    kind,
    viewpoint,
  }: ListOrganisationsQuery): Promise<{ items: OrganisationSummary[]; next: string | null }> {
    const today = viewpoint.asAt ?? todayInEngland();
    const views = this.views.from(viewpoint);
    const items: OrganisationSummary[] = [];
    let afterKey = after ? viewKey.organisation(after) : undefined;
    for (;;) {
      const page = await views.list<OrganisationView>(viewKey.organisation(''), limit, afterKey);
      for (const view of page) {
        if (kind && view.kind !== kind) continue;
        items.push({
          organisationId: view.organisationId,
          name: nameAsAt(view, { asAt: today }) ?? view.names[0]!.name,
          kind: view.kind,
          succeededBy: view.succession?.successorId ?? null,
        });
        if (items.length === limit) return { items, next: view.organisationId };
      }
      if (page.length < limit) return { items, next: null };
      afterKey = viewKey.organisation(page[page.length - 1]!.organisationId);
    }
  }
}
