import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { Actor } from '@bcl/event-store';
import { READERS } from '@bcl/identity';
import { AllowRoles } from '../auth/access-policy';
import { CurrentActor } from '../auth/actor';
import { setEtag } from '../http/etag';
import { WriteResult } from '../ledger/ledger-writer';
import { commandContext } from '../http/command-context';
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
export class PostsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @AllowRoles('admin', 'governance-officer')
  async create(
    @Body() { reason, ...input }: CreatePostDto,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.commands.execute<CreatePostCommand, WriteResult>(
      new CreatePostCommand(input, commandContext(request, actor, reason)),
    );
    response.setHeader('Location', `/api/posts/${input.postId}`);
    return this.respond(input.postId, result, response);
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
    @CurrentActor() actor: Actor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.commands.execute<AppointPostHolderCommand, WriteResult>(
      new AppointPostHolderCommand(
        { ...input, postId: id, until: input.until ?? null },
        commandContext(request, actor, reason),
      ),
    );
    return this.respond(id, result, response);
  }

  @Post(':id/holders/:memberId/end')
  @HttpCode(200)
  @AllowRoles('admin', 'governance-officer')
  @ApiHeader({ name: 'If-Match', required: false })
  async endHolding(
    @Param() { id, memberId }: MemberParams,
    @Body() { reason, until }: EndDatedDto,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.commands.execute<EndPostHoldingCommand, WriteResult>(
      new EndPostHoldingCommand(
        { postId: id, personId: memberId, until },
        commandContext(request, actor, reason),
      ),
    );
    return this.respond(id, result, response);
  }

  private async respond(id: string, result: WriteResult, response: Response) {
    setEtag(response, result.revision);
    return this.queries.execute(new GetPostQuery(id));
  }
}
