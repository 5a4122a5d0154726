import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  RegisterOrganisation,
  evolveOrganisation,
  organisationStream,
  registerOrganisation,
} from '@bcl/domain-registry';
import { CommandContext, LedgerWriter, WriteResult } from '../../ledger/ledger-writer';

export class RegisterOrganisationCommand {
  constructor(
    readonly input: RegisterOrganisation,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RegisterOrganisationCommand)
export class RegisterOrganisationHandler implements ICommandHandler<
  RegisterOrganisationCommand,
  WriteResult
> {
  constructor(private readonly ledger: LedgerWriter) {}

  async execute({ input, context }: RegisterOrganisationCommand): Promise<WriteResult> {
    const parent = input.parentOrganisationId
      ? (await this.ledger.load(organisationStream(input.parentOrganisationId), evolveOrganisation)).state
      : undefined;
    return this.ledger.execute({
      stream: organisationStream(input.organisationId),
      evolve: evolveOrganisation,
      decide: (state) => registerOrganisation(state, input, parent),
      effectiveOn: input.establishedOn,
      context,
    });
  }
}
