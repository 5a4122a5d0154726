import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { BodyView, governanceKey, governanceProjection } from '@bcl/domain-governance';
import { AreaView, PostView, postHolderOn, viewKey } from '@bcl/domain-registry';
import { CalendarDate, Viewpoint, isWithin } from '@bcl/kernel';
import { Problem } from '../problem';
import { todayInEngland } from '../business-dates';
import { ViewpointViews } from '../event-log/viewpoint-views';
import { RegistryViews } from './registry-views';

/** Narrows the posts listed: seated on a governance body, or of an organisation that is a member of an area. */
export interface PostsFilter {
  bodyId?: string;
  areaId?: string;
}

export class ListPostsQuery {
  constructor(
    readonly limit: number,
    readonly after?: string,
    readonly filter: PostsFilter = {},
    readonly viewpoint: Viewpoint = {},
  ) {}
}

/** A post in a list: what it is, and who held it on the date (by pseudonymous id: names are personal data). */
export interface PostSummary {
  postId: string;
  title: string;
  organisationId: string;
  createdOn: CalendarDate;
  holder: { personId: string; from: CalendarDate; until: CalendarDate | null; interim: boolean } | null;
}

/**
 * Posts in id order, a page at a time, from a viewpoint. The filters are read on the viewpoint's date (`asAt`,
 * default today): `bodyId` keeps the posts holding a seat on the body then, `areaId` the posts of organisations
 * that were members of the area then. A body or area that is not recorded is a 404, not an empty page.
 */
@QueryHandler(ListPostsQuery)
export class ListPostsHandler implements IQueryHandler<ListPostsQuery> {
  constructor(
    private readonly registry: RegistryViews,
    private readonly views: ViewpointViews,
  ) {}

  async execute({
    limit,
    after,
    filter,
    viewpoint,
  }: ListPostsQuery): Promise<{ asAt: CalendarDate; items: PostSummary[]; next: string | null }> {
    const asAt = viewpoint.asAt ?? todayInEngland();
    const registry = this.registry.from(viewpoint);
    const wanted = await this.filterOf(filter, asAt, viewpoint);
    const items: PostSummary[] = [];
    let afterKey = after ? viewKey.post(after) : undefined;
    for (;;) {
      const page = await registry.list<PostView>(viewKey.post(''), limit, afterKey);
      for (const post of page) {
        if (!wanted(post)) continue;
        items.push(summaryOf(post, asAt, viewpoint.knownAt));
        if (items.length === limit) return { asAt, items, next: post.postId };
      }
      if (page.length < limit) return { asAt, items, next: null };
      afterKey = viewKey.post(page[page.length - 1]!.postId);
    }
  }

  private async filterOf(
    filter: PostsFilter,
    asAt: CalendarDate,
    viewpoint: Viewpoint,
  ): Promise<(post: PostView) => boolean> {
    const tests: ((post: PostView) => boolean)[] = [];
    if (filter.bodyId !== undefined) {
      const body = await this.views
        .from(viewpoint)(governanceProjection)
        .get(governanceKey.body(filter.bodyId));
      if (!body) throw new Problem(404, 'not-found', 'Not found', `body '${filter.bodyId}' is not recorded`);
      const seated = new Set(
        (body as BodyView).seats
          .filter((seat) => isWithin(asAt, seat.from, seat.until))
          .map((seat) => seat.postId),
      );
      tests.push((post) => seated.has(post.postId));
    }
    if (filter.areaId !== undefined) {
      const area = await this.registry.from(viewpoint).get<AreaView>(viewKey.area(filter.areaId));
      const members = new Set(
        area.members
          .filter((member) => isWithin(asAt, member.from, member.until))
          .map((member) => member.organisationId),
      );
      tests.push((post) => members.has(post.organisationId));
    }
    return (post) => tests.every((test) => test(post));
  }
}

function summaryOf(post: PostView, asAt: CalendarDate, knownAt: string | undefined): PostSummary {
  const holding = postHolderOn(post, { asAt, ...(knownAt !== undefined ? { knownAt } : {}) });
  return {
    postId: post.postId,
    title: post.title,
    organisationId: post.organisationId,
    createdOn: post.createdOn,
    holder: holding
      ? { personId: holding.personId, from: holding.from, until: holding.until, interim: holding.interim }
      : null,
  };
}
