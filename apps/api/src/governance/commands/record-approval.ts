import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RecordApproval, approvalsStream, evolveApprovals, recordApproval } from '@bcl/domain-governance';
import { CommandContext, LedgerWriter, WriteResult } from '../../ledger/ledger-writer';
import { GovernanceFacts } from '../governance-facts';

export class RecordApprovalCommand {
  constructor(
    readonly input: RecordApproval,
    readonly context: CommandContext,
  ) {}
}

/** The acting officer or member records their own signature; it is checked against authority on its date. */
@CommandHandler(RecordApprovalCommand)
export class RecordApprovalHandler implements ICommandHandler<RecordApprovalCommand, WriteResult> {
  constructor(
    private readonly ledger: LedgerWriter,
    private readonly facts: GovernanceFacts,
  ) {}

  async execute({ input, context }: RecordApprovalCommand): Promise<WriteResult> {
    const currentVersion = await this.facts.currentVersion(input.instrument);
    const authority = await this.facts.authority(input.authority, input.actingPostId);
    return this.ledger.execute({
      stream: approvalsStream(input.instrument),
      evolve: evolveApprovals,
      decide: (state) => recordApproval(state, input, { ...authority, currentVersion }),
      effectiveOn: input.effectiveOn,
      context,
    });
  }
}
