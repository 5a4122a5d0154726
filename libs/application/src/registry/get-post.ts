import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PostView, viewKey } from '@bcl/domain-registry';
import { Viewpoint } from '@bcl/kernel';
import { RegistryViews } from './registry-views';

export class GetPostQuery {
  constructor(
    readonly postId: string,
    readonly viewpoint: Viewpoint = {},
  ) {}
}

@QueryHandler(GetPostQuery)
export class GetPostHandler implements IQueryHandler<GetPostQuery, PostView> {
  constructor(private readonly views: RegistryViews) {}

  execute({ postId, viewpoint }: GetPostQuery): Promise<PostView> {
    return this.views.from(viewpoint).get<PostView>(viewKey.post(postId));
  }
}
