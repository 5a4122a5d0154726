import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CreatePost, createPost, evolvePost, postStream } from '@bcl/domain-registry';
import { CommandContext, LedgerWriter, WriteResult } from '../../ledger/ledger-writer';
import { StreamFacts } from '../../ledger/stream-facts';

export class CreatePostCommand {
  constructor(
    readonly input: CreatePost,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(CreatePostCommand)
export class CreatePostHandler implements ICommandHandler<CreatePostCommand, WriteResult> {
  constructor(
    private readonly ledger: LedgerWriter,
    private readonly facts: StreamFacts,
  ) {}

  execute({ input, context }: CreatePostCommand): Promise<WriteResult> {
    return this.ledger.execute({
      stream: postStream(input.postId),
      evolve: evolvePost,
      gather: () => this.facts.organisation(input.organisationId),
      decide: (state, organisation) => createPost(state, input, organisation),
      effectiveOn: input.createdOn,
      context,
    });
  }
}
