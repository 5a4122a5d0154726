import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RecordMeeting, evolveMeeting, meetingStream, recordMeeting } from '@bcl/domain-governance';
import { CommandContext, EventLogWriter, WriteResult } from '../../event-log/event-log-writer';
import { StreamFacts } from '../../event-log/stream-facts';

export class RecordMeetingCommand {
  constructor(
    readonly input: RecordMeeting,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RecordMeetingCommand)
export class RecordMeetingHandler implements ICommandHandler<RecordMeetingCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly facts: StreamFacts,
  ) {}

  execute({ input, context }: RecordMeetingCommand): Promise<WriteResult> {
    return this.writer.execute({
      stream: meetingStream(input.meetingId),
      evolve: evolveMeeting,
      gather: async () => ({ body: await this.facts.body(input.bodyId) }),
      decide: (state, facts) => recordMeeting(state, input, facts),
      effectiveOn: input.date,
      context,
    });
  }
}
