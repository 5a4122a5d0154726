import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AddAreaMember, addAreaMember, evolveHwbArea, hwbAreaStream } from '@bcl/domain-registry';
import { CommandContext, EventLogWriter, WriteResult } from '../../event-log/event-log-writer';
import { StreamFacts } from '../../event-log/stream-facts';

export class AddAreaMemberCommand {
  constructor(
    readonly input: AddAreaMember,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(AddAreaMemberCommand)
export class AddAreaMemberHandler implements ICommandHandler<AddAreaMemberCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly facts: StreamFacts,
  ) {}

  execute({ input, context }: AddAreaMemberCommand): Promise<WriteResult> {
    return this.writer.execute({
      stream: hwbAreaStream(input.areaId),
      evolve: evolveHwbArea,
      gather: () => this.facts.organisation(input.organisationId),
      decide: (state, organisation) => addAreaMember(state, input, organisation),
      effectiveOn: input.from,
      context,
    });
  }
}
