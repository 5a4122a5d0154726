import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EndPostHolding, endPostHolding, evolvePost, postStream } from '@bcl/domain-registry';
import { CommandContext, LedgerWriter, WriteResult } from '../../ledger/ledger-writer';

export class EndPostHoldingCommand {
  constructor(
    readonly input: EndPostHolding,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(EndPostHoldingCommand)
export class EndPostHoldingHandler implements ICommandHandler<EndPostHoldingCommand, WriteResult> {
  constructor(private readonly ledger: LedgerWriter) {}

  execute({ input, context }: EndPostHoldingCommand): Promise<WriteResult> {
    return this.ledger.execute({
      stream: postStream(input.postId),
      evolve: evolvePost,
      decide: (state) => endPostHolding(state, input),
      effectiveOn: input.until,
      context,
    });
  }
}
