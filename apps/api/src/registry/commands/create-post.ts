import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CreatePost, createPost, evolvePost, postStream } from '@bcl/domain-registry';
import { CommandContext, EventLogWriter, WriteResult } from '../../event-log/event-log-writer';
import { StreamFacts } from '../../event-log/stream-facts';

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
