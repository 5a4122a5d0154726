import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  RegisterOrganisation,
  evolveOrganisation,
  organisationStream,
  registerOrganisation,
} from '@bcl/domain-registry';
import { CommandContext, EventLogWriter, WriteResult } from '../../event-log/event-log-writer';
import { StreamFacts } from '../../event-log/stream-facts';

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
  constructor(
    private readonly writer: EventLogWriter,
    private readonly facts: StreamFacts,
  ) {}

  execute({ input, context }: RegisterOrganisationCommand): Promise<WriteResult> {
    const parentId = input.parentOrganisationId;
    return this.writer.execute({
      stream: organisationStream(input.organisationId),
      evolve: evolveOrganisation,
      gather: async () => (parentId ? await this.facts.organisation(parentId) : undefined),
      decide: (state, parent) => registerOrganisation(state, input, parent),
      effectiveOn: input.establishedOn,
      context,
    });
  }
}
