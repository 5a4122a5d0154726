import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  CreatePost,
  createPost,
  evolveOrganisation,
  evolvePost,
  organisationStream,
  postStream,
} from '@bcl/domain-registry';
import { CommandContext, LedgerWriter, WriteResult } from '../../ledger/ledger-writer';

export class CreatePostCommand {
  constructor(
    readonly input: CreatePost,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(CreatePostCommand)
export class CreatePostHandler implements ICommandHandler<CreatePostCommand, WriteResult> {
  constructor(private readonly ledger: LedgerWriter) {}

  async execute({ input, context }: CreatePostCommand): Promise<WriteResult> {
    const organisation = await this.ledger.load(organisationStream(input.organisationId), evolveOrganisation);
    return this.ledger.execute({
      stream: postStream(input.postId),
      evolve: evolvePost,
      decide: (state) => createPost(state, input, organisation.state),
      effectiveOn: input.createdOn,
      context,
    });
  }
}
