import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PostView, viewKey } from '@bcl/domain-registry';
import { RegistryViews } from './registry-views';

export class GetPostQuery {
  constructor(readonly postId: string) {}
}

@QueryHandler(GetPostQuery)
export class GetPostHandler implements IQueryHandler<GetPostQuery, PostView> {
  constructor(private readonly views: RegistryViews) {}

  execute({ postId }: GetPostQuery): Promise<PostView> {
    return this.views.get<PostView>(viewKey.post(postId));
  }
}
