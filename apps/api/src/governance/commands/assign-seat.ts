import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AssignSeat, assignSeat, bodyStream, evolveBody } from '@bcl/domain-governance';
import { CommandContext, LedgerWriter, WriteResult } from '../../ledger/ledger-writer';
import { GovernanceFacts } from '../governance-facts';

export class AssignSeatCommand {
  constructor(
    readonly input: AssignSeat,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(AssignSeatCommand)
export class AssignSeatHandler implements ICommandHandler<AssignSeatCommand, WriteResult> {
  constructor(
    private readonly ledger: LedgerWriter,
    private readonly facts: GovernanceFacts,
  ) {}

  async execute({ input, context }: AssignSeatCommand): Promise<WriteResult> {
    const postExists = (await this.facts.post(input.postId)) !== undefined;
    return this.ledger.execute({
      stream: bodyStream(input.bodyId),
      evolve: evolveBody,
      decide: (state) => assignSeat(state, input, { postExists }),
      effectiveOn: input.from,
      context,
    });
  }
}
