import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Attendance, evolveMeeting, meetingStream, recordAttendance } from '@bcl/domain-governance';
import { CommandContext, EventLogWriter, WriteResult } from '../../event-log/event-log-writer';
import { recordedIn } from '@bcl/domain-registry/facts';
import { StreamFacts } from '../../event-log/stream-facts';

export class RecordAttendanceCommand {
  constructor(
    readonly input: Attendance & { meetingId: string },
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RecordAttendanceCommand)
export class RecordAttendanceHandler implements ICommandHandler<RecordAttendanceCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly facts: StreamFacts,
  ) {}

  execute({ input, context }: RecordAttendanceCommand): Promise<WriteResult> {
    const people = [
      ...input.present.map((p) => p.personId),
      ...input.apologies,
      ...input.inAttendance.map((o) => o.personId),
    ];
    return this.writer.execute({
      stream: meetingStream(input.meetingId),
      evolve: evolveMeeting,
      gather: async () => ({
        personExists: recordedIn(await this.facts.recorded(people, this.facts.person)),
      }),
      decide: (state, facts) => recordAttendance(state, input, facts),
      effectiveOn: (meeting) => meeting?.date,
      context,
    });
  }
}
