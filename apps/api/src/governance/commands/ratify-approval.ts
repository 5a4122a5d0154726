import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InstrumentRef, approvalsStream, evolveApprovals, ratifyApproval } from '@bcl/domain-governance';
import { CommandContext, EventLogWriter, WriteResult } from '../../event-log/event-log-writer';
import { GovernanceFacts } from '../governance-facts';

export class RatifyApprovalCommand {
  constructor(
    readonly input: { instrument: InstrumentRef; approvalId: string; resolutionId: string },
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RatifyApprovalCommand)
export class RatifyApprovalHandler implements ICommandHandler<RatifyApprovalCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly facts: GovernanceFacts,
  ) {}

  execute({ input, context }: RatifyApprovalCommand): Promise<WriteResult> {
    return this.writer.execute({
      stream: approvalsStream(input.instrument),
      evolve: evolveApprovals,
      gather: async (state) => {
        const authority = state?.approvals.find((a) => a.approvalId === input.approvalId)?.authority;
        return {
          resolution: await this.facts.resolution(input.resolutionId),
          authorisingBodyId:
            authority?.kind === 'delegation'
              ? (await this.facts.streams.delegation(authority.delegationId))?.grantingBodyId
              : authority && (await this.facts.resolution(authority.resolutionId))?.bodyId,
        };
      },
      decide: (state, facts) => ratifyApproval(state, input, facts),
      effectiveOn: (_state, facts) => facts.resolution?.meetingDate,
      context,
    });
  }
}
