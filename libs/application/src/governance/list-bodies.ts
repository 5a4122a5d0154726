import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { BodyView, governanceKey as key, governanceProjection } from '@bcl/domain-governance';
import { Viewpoint } from '@bcl/kernel';
import { ViewpointViews } from '../event-log/viewpoint-views';

/** Decision-making bodies in id order, a page at a time, optionally only those of one area. */
export class ListBodiesQuery {
  constructor(
    readonly limit: number,
    readonly after?: string,
    readonly areaId?: string,
    readonly viewpoint: Viewpoint = {},
  ) {}
}

export interface BodySummary {
  bodyId: string;
  name: string;
  kind: BodyView['kind'];
  areaId: string | null;
  establishedOn: string;
  meetings: number;
  links: { self: string; decisions: string };
}

@QueryHandler(ListBodiesQuery)
export class ListBodiesHandler implements IQueryHandler<ListBodiesQuery> {
  constructor(private readonly views: ViewpointViews) {}

  async execute({
    limit,
    after,
    areaId,
    viewpoint,
  }: ListBodiesQuery): Promise<{ items: BodySummary[]; next: string | null }> {
    const reader = this.views.from(viewpoint)(governanceProjection);
    const items: BodySummary[] = [];
    let afterKey: string | undefined = after ? key.body(after) : undefined;
    // The area filter applies within each scanned page, so a page is filled from as many pages as it takes.
    for (;;) {
      const page = await reader.list<BodyView>(key.body(''), limit, afterKey);
      for (const body of page) {
        if (areaId !== undefined && body.areaId !== areaId) continue;
        items.push(summaryOf(body));
        if (items.length === limit) return { items, next: body.bodyId };
      }
      if (page.length < limit) return { items, next: null };
      afterKey = key.body(page[page.length - 1]!.bodyId);
    }
  }
}

function summaryOf(body: BodyView): BodySummary {
  return {
    bodyId: body.bodyId,
    name: body.name,
    kind: body.kind,
    areaId: body.areaId,
    establishedOn: body.establishedOn,
    meetings: body.meetings.length,
    links: {
      self: `/api/governance/bodies/${body.bodyId}`,
      decisions: `/api/governance/bodies/${body.bodyId}/decisions`,
    },
  };
}
