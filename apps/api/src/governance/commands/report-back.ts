import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { delegationStream, evolveDelegation, reportBack } from '@bcl/domain-governance';
import { CommandContext, LedgerWriter, WriteResult } from '../../ledger/ledger-writer';
import { GovernanceFacts } from '../governance-facts';

export class ReportBackCommand {
  constructor(
    readonly input: { delegationId: string; meetingId: string; resolutionId: string | null },
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(ReportBackCommand)
export class ReportBackHandler implements ICommandHandler<ReportBackCommand, WriteResult> {
  constructor(
    private readonly ledger: LedgerWriter,
    private readonly facts: GovernanceFacts,
  ) {}

  async execute({ input, context }: ReportBackCommand): Promise<WriteResult> {
    const meeting = await this.facts.meeting(input.meetingId);
    return this.ledger.execute({
      stream: delegationStream(input.delegationId),
      evolve: evolveDelegation,
      decide: (state) => reportBack(state, input, { meeting }),
      effectiveOn: meeting?.date,
      context,
    });
  }
}
