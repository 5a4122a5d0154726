import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  RenameOrganisation,
  evolveOrganisation,
  organisationStream,
  renameOrganisation,
} from '@bcl/domain-registry';
import { CommandContext, EventLogWriter, WriteResult } from '../../event-log/event-log-writer';

export class RenameOrganisationCommand {
  constructor(
    readonly input: RenameOrganisation,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RenameOrganisationCommand)
export class RenameOrganisationHandler implements ICommandHandler<RenameOrganisationCommand, WriteResult> {
  constructor(private readonly writer: EventLogWriter) {}

  execute({ input, context }: RenameOrganisationCommand): Promise<WriteResult> {
    return this.writer.execute({
      stream: organisationStream(input.organisationId),
      evolve: evolveOrganisation,
      decide: (state) => renameOrganisation(state, input),
      effectiveOn: input.effectiveFrom,
      context,
    });
  }
}
