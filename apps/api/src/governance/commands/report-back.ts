import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { delegationStream, evolveDelegation, reportBack } from '@bcl/domain-governance';
import { CommandContext, EventLogWriter, WriteResult } from '../../event-log/event-log-writer';
import { StreamFacts } from '../../event-log/stream-facts';

export class ReportBackCommand {
  constructor(
    readonly input: { delegationId: string; meetingId: string; resolutionId: string | null },
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(ReportBackCommand)
export class ReportBackHandler implements ICommandHandler<ReportBackCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly facts: StreamFacts,
  ) {}

  execute({ input, context }: ReportBackCommand): Promise<WriteResult> {
    return this.writer.execute({
      stream: delegationStream(input.delegationId),
      evolve: evolveDelegation,
      gather: async () => ({ meeting: await this.facts.meeting(input.meetingId) }),
      decide: (state, facts) => reportBack(state, input, facts),
      effectiveOn: (_state, facts) => facts.meeting?.date,
      context,
    });
  }
}
