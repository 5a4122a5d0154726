import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ApiHeader } from '@nestjs/swagger';
import { EndPostHolding, endPostHolding, evolvePost, postStream } from '@bcl/domain-registry';
import { AllowRoles } from '@bcl/application';
import { CommandContext, EventLogWriter, WriteResult } from '@bcl/application';
import { MemberParams } from '../../http/id-param';
import { EndDatedDto } from '../dto/registry.dto';
import { GetPostQuery } from '@bcl/application';
import {
  CommandQueryController,
  WriteContext,
  WriteRequest,
  OperationId,
  WriteRoutes,
} from '../../http/write-route';

/** Use case: a person stops holding a post (`until` is the first day no longer held). */

export class EndPostHoldingCommand {
  constructor(
    readonly input: EndPostHolding,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(EndPostHoldingCommand)
export class EndPostHoldingHandler implements ICommandHandler<EndPostHoldingCommand, WriteResult> {
  constructor(private readonly writer: EventLogWriter) {}

  execute({ input, context }: EndPostHoldingCommand): Promise<WriteResult> {
    return this.writer.execute({
      stream: postStream(input.postId),
      evolve: evolvePost,
      decide: (state) => endPostHolding(state, input),
      effectiveOn: input.until,
      context,
    });
  }
}

@WriteRoutes('posts')
export class EndPostHoldingRoute extends CommandQueryController {
  @OperationId('PostsController', 'endHolding')
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
