import { Body, Post } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';

import { CreatePost, REGISTRY_LIMITS as L, createPost, evolvePost, postStream } from '@bcl/domain-registry';
import { AllowRoles } from '@bcl/application';
import { CommandContext, EventLogWriter, WriteResult } from '@bcl/application';
import { StreamFacts } from '@bcl/application';
import { ReasonDto } from '../../http/common.dto';
import { IsCalendarDate, IsId, IsText } from '../../http/validators';
import { DATE } from '../dto/registry.dto';
import { GetPostQuery } from '@bcl/application';
import {
  CommandQueryController,
  WriteContext,
  WriteRequest,
  OperationId,
  WriteRoutes,
} from '../../http/write-route';

/** Use case: create a post (e.g. Chair of an HWB) in an organisation. */

export class CreatePostDto extends ReasonDto {
  @ApiProperty({ example: 'kent-hwb-chair' })
  @IsId()
  postId!: string;

  @ApiProperty({ example: 'Chair, Kent HWB' })
  @IsText(L.nameLengthMax)
  title!: string;

  @ApiProperty({ example: 'kent-county-council' })
  @IsId()
  organisationId!: string;

  @ApiProperty(DATE)
  @IsCalendarDate()
  createdOn!: string;
}

export class CreatePostCommand {
  constructor(
    readonly input: CreatePost,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(CreatePostCommand)
export class CreatePostHandler implements ICommandHandler<CreatePostCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly facts: StreamFacts,
  ) {}

  execute({ input, context }: CreatePostCommand): Promise<WriteResult> {
    return this.writer.execute({
      stream: postStream(input.postId),
      evolve: evolvePost,
      gather: () => this.facts.organisation(input.organisationId),
      decide: (state, organisation) => createPost(state, input, organisation),
      effectiveOn: input.createdOn,
      context,
    });
  }
}

@WriteRoutes('posts')
export class CreatePostRoute extends CommandQueryController {
  @OperationId('PostsController', 'create')
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
}
