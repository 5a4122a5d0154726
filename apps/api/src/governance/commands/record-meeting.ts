import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RecordMeeting, evolveMeeting, meetingStream, recordMeeting } from '@bcl/domain-governance';
import { CommandContext, LedgerWriter, WriteResult } from '../../ledger/ledger-writer';
import { GovernanceFacts } from '../governance-facts';

export class RecordMeetingCommand {
  constructor(
    readonly input: RecordMeeting,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RecordMeetingCommand)
export class RecordMeetingHandler implements ICommandHandler<RecordMeetingCommand, WriteResult> {
  constructor(
    private readonly ledger: LedgerWriter,
    private readonly facts: GovernanceFacts,
  ) {}

  async execute({ input, context }: RecordMeetingCommand): Promise<WriteResult> {
    const body = await this.facts.body(input.bodyId);
    return this.ledger.execute({
      stream: meetingStream(input.meetingId),
      evolve: evolveMeeting,
      decide: (state) => recordMeeting(state, input, { body }),
      effectiveOn: input.date,
      context,
    });
  }
}
