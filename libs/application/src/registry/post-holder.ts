import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PostView, Viewpoint, postHolderOn, viewKey } from '@bcl/domain-registry';
import { ServiceStore } from '@bcl/service-store';
import { SERVICE_STORE } from '../event-log/event-log.tokens';
import { RegistryViews } from './registry-views';

export class PostHolderQuery {
  constructor(
    readonly postId: string,
    readonly viewpoint: Viewpoint,
  ) {}
}

/** Who held a post on a date, with their name from the vault (null once erased). */
@QueryHandler(PostHolderQuery)
export class PostHolderHandler implements IQueryHandler<PostHolderQuery> {
  constructor(
    private readonly views: RegistryViews,
    @Inject(SERVICE_STORE) private readonly service: ServiceStore,
  ) {}

  async execute({ postId, viewpoint }: PostHolderQuery) {
    const post = await this.views.get<PostView>(viewKey.post(postId));
    const holding = postHolderOn(post, viewpoint);
    const names = holding
      ? await this.service.displayNames([holding.personId])
      : new Map<string, string | null>();
    return {
      postId,
      title: post.title,
      asAt: viewpoint.asAt,
      knownAt: viewpoint.knownAt ?? null,
      holder: holding
        ? {
            personId: holding.personId,
            displayName: names.get(holding.personId) ?? null,
            from: holding.from,
            until: holding.until,
            interim: holding.interim,
            evidence: holding.evidence,
          }
        : null,
    };
  }
}
