import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Attendance, evolveMeeting, meetingStream, recordAttendance } from '@bcl/domain-governance';
import { CommandContext, LedgerWriter, WriteResult } from '../../ledger/ledger-writer';
import { GovernanceFacts } from '../governance-facts';

export class RecordAttendanceCommand {
  constructor(
    readonly input: Attendance & { meetingId: string },
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RecordAttendanceCommand)
export class RecordAttendanceHandler implements ICommandHandler<RecordAttendanceCommand, WriteResult> {
  constructor(
    private readonly ledger: LedgerWriter,
    private readonly facts: GovernanceFacts,
  ) {}

  async execute({ input, context }: RecordAttendanceCommand): Promise<WriteResult> {
    const people = await this.facts.peopleExist([
      ...input.present.map((p) => p.personId),
      ...input.apologies,
      ...input.inAttendance.map((o) => o.personId),
    ]);
    return this.ledger.execute({
      stream: meetingStream(input.meetingId),
      evolve: evolveMeeting,
      decide: (state) => recordAttendance(state, input, { personExists: (id) => people.has(id) }),
      effectiveOn: (meeting) => meeting?.date,
      context,
    });
  }
}
