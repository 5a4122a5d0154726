import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Declarations, declareInterests, evolveMeeting, meetingStream } from '@bcl/domain-governance';
import { CommandContext, EventLogWriter, WriteResult } from '../../event-log/event-log-writer';

export class DeclareInterestsCommand {
  constructor(
    readonly input: Declarations & { meetingId: string },
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(DeclareInterestsCommand)
export class DeclareInterestsHandler implements ICommandHandler<DeclareInterestsCommand, WriteResult> {
  constructor(private readonly writer: EventLogWriter) {}

  execute({ input, context }: DeclareInterestsCommand): Promise<WriteResult> {
    return this.writer.execute({
      stream: meetingStream(input.meetingId),
      evolve: evolveMeeting,
      decide: (state) => declareInterests(state, input),
      effectiveOn: (meeting) => meeting?.date,
      context,
    });
  }
}
