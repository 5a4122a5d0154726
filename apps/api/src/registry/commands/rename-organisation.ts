import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  RenameOrganisation,
  evolveOrganisation,
  organisationStream,
  renameOrganisation,
} from '@bcl/domain-registry';
import { CommandContext, LedgerWriter, WriteResult } from '../../ledger/ledger-writer';

export class RenameOrganisationCommand {
  constructor(
    readonly input: RenameOrganisation,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RenameOrganisationCommand)
export class RenameOrganisationHandler implements ICommandHandler<RenameOrganisationCommand, WriteResult> {
  constructor(private readonly ledger: LedgerWriter) {}

  execute({ input, context }: RenameOrganisationCommand): Promise<WriteResult> {
    return this.ledger.execute({
      stream: organisationStream(input.organisationId),
      evolve: evolveOrganisation,
      decide: (state) => renameOrganisation(state, input),
      effectiveOn: input.effectiveFrom,
      context,
    });
  }
}
