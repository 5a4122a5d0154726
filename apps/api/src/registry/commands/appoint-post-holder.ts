import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  AppointPostHolder,
  appointPostHolder,
  evolvePerson,
  evolvePost,
  personStream,
  postStream,
} from '@bcl/domain-registry';
import { CommandContext, LedgerWriter, WriteResult } from '../../ledger/ledger-writer';

export class AppointPostHolderCommand {
  constructor(
    readonly input: AppointPostHolder,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(AppointPostHolderCommand)
export class AppointPostHolderHandler implements ICommandHandler<AppointPostHolderCommand, WriteResult> {
  constructor(private readonly ledger: LedgerWriter) {}

  async execute({ input, context }: AppointPostHolderCommand): Promise<WriteResult> {
    const person = await this.ledger.load(personStream(input.personId), evolvePerson);
    return this.ledger.execute({
      stream: postStream(input.postId),
      evolve: evolvePost,
      decide: (state) => appointPostHolder(state, input, person.state),
      effectiveOn: input.from,
      context,
    });
  }
}
