import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { BodyView, GovernanceView, governanceKey, governanceProjection } from '@bcl/domain-governance';
import { Viewpoint } from '@bcl/kernel';
import { ViewpointViews } from '../event-log/viewpoint-views';

/** Decision bodies in id order, a page at a time, optionally of one area, from a viewpoint. */
export class ListBodiesQuery {
  constructor(
    readonly filter: { limit: number; after?: string; areaId?: string },
    readonly viewpoint: Viewpoint = {},
  ) {}
}

/** Bodies are few (one board or committee per area and a handful more), so one scan pages them. */
const BODY_SCAN = 500;

@QueryHandler(ListBodiesQuery)
export class ListBodiesHandler implements IQueryHandler<ListBodiesQuery> {
  constructor(private readonly views: ViewpointViews) {}

  async execute({ filter, viewpoint }: ListBodiesQuery) {
    const governance = this.views.from(viewpoint)<GovernanceView>(governanceProjection);
    const items: BodyView[] = [];
    let afterKey = filter.after === undefined ? undefined : governanceKey.body(filter.after);
    for (;;) {
      const page = (await governance.list(governanceKey.body(''), BODY_SCAN, afterKey)) as BodyView[];
      for (const body of page) {
        if (filter.areaId !== undefined && body.areaId !== filter.areaId) continue;
        items.push(body);
        if (items.length === filter.limit) return { items, next: body.bodyId };
      }
      if (page.length < BODY_SCAN) return { items, next: null };
      afterKey = governanceKey.body(page[page.length - 1]!.bodyId);
    }
  }
}
