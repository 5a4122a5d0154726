import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InstrumentRef, approvalsStream, evolveApprovals, ratifyApproval } from '@bcl/domain-governance';
import { CommandContext, LedgerWriter, WriteResult } from '../../ledger/ledger-writer';
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
    private readonly ledger: LedgerWriter,
    private readonly facts: GovernanceFacts,
  ) {}

  async execute({ input, context }: RatifyApprovalCommand): Promise<WriteResult> {
    const resolution = await this.facts.resolution(input.resolutionId);
    return this.ledger.execute({
      stream: approvalsStream(input.instrument),
      evolve: evolveApprovals,
      decide: async (state) => {
        const authority = state?.approvals.find((a) => a.approvalId === input.approvalId)?.authority;
        const authorisingBodyId =
          authority?.kind === 'delegation'
            ? (await this.facts.delegation(authority.delegationId))?.grantingBodyId
            : authority && (await this.facts.resolution(authority.resolutionId))?.bodyId;
        return ratifyApproval(state, input, { resolution, authorisingBodyId });
      },
      effectiveOn: resolution?.meetingDate,
      context,
    });
  }
}
