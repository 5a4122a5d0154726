import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AddAreaMember, addAreaMember, evolveHwbArea, hwbAreaStream } from '@bcl/domain-registry';
import { CommandContext, LedgerWriter, WriteResult } from '../../ledger/ledger-writer';
import { StreamFacts } from '../../ledger/stream-facts';

export class AddAreaMemberCommand {
  constructor(
    readonly input: AddAreaMember,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(AddAreaMemberCommand)
export class AddAreaMemberHandler implements ICommandHandler<AddAreaMemberCommand, WriteResult> {
  constructor(
    private readonly ledger: LedgerWriter,
    private readonly facts: StreamFacts,
  ) {}

  execute({ input, context }: AddAreaMemberCommand): Promise<WriteResult> {
    return this.ledger.execute({
      stream: hwbAreaStream(input.areaId),
      evolve: evolveHwbArea,
      gather: () => this.facts.organisation(input.organisationId),
      decide: (state, organisation) => addAreaMember(state, input, organisation),
      effectiveOn: input.from,
      context,
    });
  }
}
