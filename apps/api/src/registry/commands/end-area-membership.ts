import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EndAreaMembership, endAreaMembership, evolveHwbArea, hwbAreaStream } from '@bcl/domain-registry';
import { CommandContext, EventLogWriter, WriteResult } from '../../event-log/event-log-writer';

export class EndAreaMembershipCommand {
  constructor(
    readonly input: EndAreaMembership,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(EndAreaMembershipCommand)
export class EndAreaMembershipHandler implements ICommandHandler<EndAreaMembershipCommand, WriteResult> {
  constructor(private readonly writer: EventLogWriter) {}

  execute({ input, context }: EndAreaMembershipCommand): Promise<WriteResult> {
    return this.writer.execute({
      stream: hwbAreaStream(input.areaId),
      evolve: evolveHwbArea,
      decide: (state) => endAreaMembership(state, input),
      effectiveOn: input.until,
      context,
    });
  }
}
