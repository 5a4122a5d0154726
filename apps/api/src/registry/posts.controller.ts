import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { READERS } from '@bcl/identity';
import { AllowRoles } from '../auth/access-policy';
import { WriteContext, WriteRequest } from '../http/write-context';
import { CommandQueryController } from '../http/command-query-controller';
import { setEtag } from '../http/etag';
import { IdParam, MemberParams } from '../http/id-param';
import { AppointPostHolderDto, CreatePostDto, EndDatedDto } from './dto/registry.dto';
import { AsAtQueryDto } from '../http/common.dto';
import { CreatePostCommand } from './commands/create-post';
import { AppointPostHolderCommand } from './commands/appoint-post-holder';
import { EndPostHoldingCommand } from './commands/end-post-holding';
import { GetPostQuery } from './queries/get-post';
import { PostHolderQuery } from './queries/post-holder';
import { normaliseKnownAt, todayInEngland } from '../http/business-dates';

@ApiTags('posts')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('posts')
export class PostsController extends CommandQueryController {
  @Post()
  @AllowRoles('admin', 'governance-officer')
  async create(@Body() { reason, ...input }: CreatePostDto, @WriteContext() request: WriteRequest) {
    return this.write(
      new CreatePostCommand(input, request.because(reason)),
      request,
      new GetPostQuery(input.postId),
      `/api/posts/${input.postId}`,
    );
  }

  @Get(':id')
  @AllowRoles(...READERS)
  async get(@Param() { id }: IdParam, @Res({ passthrough: true }) response: Response) {
    const post = await this.queries.execute(new GetPostQuery(id));
    setEtag(response, post.revision);
    return post;
  }

  @Get(':id/holder')
  @AllowRoles(...READERS)
  holder(@Param() { id }: IdParam, @Query() query: AsAtQueryDto) {
    const viewpoint = { asAt: query.asAt ?? todayInEngland(), knownAt: normaliseKnownAt(query.knownAt) };
    return this.queries.execute(new PostHolderQuery(id, viewpoint));
  }

  @Post(':id/holders')
  @HttpCode(200)
  @AllowRoles('admin', 'governance-officer')
  @ApiHeader({ name: 'If-Match', required: false })
  async appoint(
    @Param() { id }: IdParam,
    @Body() { reason, ...input }: AppointPostHolderDto,
    @WriteContext() request: WriteRequest,
  ) {
    return this.write(
      new AppointPostHolderCommand(
        { ...input, postId: id, until: input.until ?? null },
        request.because(reason),
      ),
      request,
      new GetPostQuery(id),
    );
  }

  @Post(':id/holders/:memberId/end')
  @HttpCode(200)
  @AllowRoles('admin', 'governance-officer')
  @ApiHeader({ name: 'If-Match', required: false })
  async endHolding(
    @Param() { id, memberId }: MemberParams,
    @Body() { reason, until }: EndDatedDto,
    @WriteContext() request: WriteRequest,
  ) {
    return this.write(
      new EndPostHoldingCommand({ postId: id, personId: memberId, until }, request.because(reason)),
      request,
      new GetPostQuery(id),
    );
  }
}
