import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AppointPostHolder, appointPostHolder, evolvePost, postStream } from '@bcl/domain-registry';
import { CommandContext, LedgerWriter, WriteResult } from '../../ledger/ledger-writer';
import { StreamFacts } from '../../ledger/stream-facts';

export class AppointPostHolderCommand {
  constructor(
    readonly input: AppointPostHolder,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(AppointPostHolderCommand)
export class AppointPostHolderHandler implements ICommandHandler<AppointPostHolderCommand, WriteResult> {
  constructor(
    private readonly ledger: LedgerWriter,
    private readonly facts: StreamFacts,
  ) {}

  execute({ input, context }: AppointPostHolderCommand): Promise<WriteResult> {
    return this.ledger.execute({
      stream: postStream(input.postId),
      evolve: evolvePost,
      gather: () => this.facts.person(input.personId),
      decide: (state, person) => appointPostHolder(state, input, person),
      effectiveOn: input.from,
      context,
    });
  }
}
