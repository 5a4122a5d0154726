import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { READERS } from '@bcl/identity';
import { AllowRoles } from '@bcl/application';
import { setEtag } from '../http/etag';
import { IdParam } from '../http/id-param';
import { AsAtQueryDto } from '../http/common.dto';
import { GetPostQuery, ListPostsQuery } from '@bcl/application';
import { PostHolderQuery } from '@bcl/application';
import { normaliseKnownAt, todayInEngland, viewpointOf } from '@bcl/application';
import { CommandQueryController } from '../http/write-route';
import { ListPostsQueryDto } from './dto/registry-lists.dto';

/** The posts' read routes; each write is a use case under use-cases/. */
@ApiTags('posts')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('posts')
export class PostsController extends CommandQueryController {
  @Get()
  @AllowRoles(...READERS)
  list(@Query() { limit, after, bodyId, areaId, ...viewpoint }: ListPostsQueryDto) {
    return this.queries.execute(
      new ListPostsQuery(limit ?? 50, after, { bodyId, areaId }, viewpointOf(viewpoint)),
    );
  }

  @Get(':id')
  @AllowRoles(...READERS)
  async get(
    @Param() { id }: IdParam,
    @Query() query: AsAtQueryDto,
    @Res({ passthrough: true }) response: Response,
  ) {
    const post = await this.queries.execute(new GetPostQuery(id, viewpointOf(query)));
    setEtag(response, post.revision);
    return post;
  }

  @Get(':id/holder')
  @AllowRoles(...READERS)
  holder(@Param() { id }: IdParam, @Query() query: AsAtQueryDto) {
    const viewpoint = { asAt: query.asAt ?? todayInEngland(), knownAt: normaliseKnownAt(query.knownAt) };
    return this.queries.execute(new PostHolderQuery(id, viewpoint));
  }
}
