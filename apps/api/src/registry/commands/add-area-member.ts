import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  AddAreaMember,
  addAreaMember,
  evolveHwbArea,
  evolveOrganisation,
  hwbAreaStream,
  organisationStream,
} from '@bcl/domain-registry';
import { CommandContext, LedgerWriter, WriteResult } from '../../ledger/ledger-writer';

export class AddAreaMemberCommand {
  constructor(
    readonly input: AddAreaMember,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(AddAreaMemberCommand)
export class AddAreaMemberHandler implements ICommandHandler<AddAreaMemberCommand, WriteResult> {
  constructor(private readonly ledger: LedgerWriter) {}

  async execute({ input, context }: AddAreaMemberCommand): Promise<WriteResult> {
    const organisation = await this.ledger.load(organisationStream(input.organisationId), evolveOrganisation);
    return this.ledger.execute({
      stream: hwbAreaStream(input.areaId),
      evolve: evolveHwbArea,
      decide: (state) => addAreaMember(state, input, organisation.state),
      effectiveOn: input.from,
      context,
    });
  }
}
