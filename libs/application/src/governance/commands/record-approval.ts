import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RecordApproval, approvalsStream, evolveApprovals, recordApproval } from '@bcl/domain-governance';
import { CommandContext, EventLogWriter, WriteResult } from '../../event-log/event-log-writer';
import { GovernanceFacts } from '../governance-facts';

/** One signature of an instrument version in a post, under an authority (sent by the API and the pages). */
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
    private readonly writer: EventLogWriter,
    private readonly facts: GovernanceFacts,
  ) {}

  execute({ input, context }: RecordApprovalCommand): Promise<WriteResult> {
    return this.writer.execute({
      stream: approvalsStream(input.instrument),
      evolve: evolveApprovals,
      gather: async () => ({
        currentVersion: await this.facts.currentVersion(input.instrument),
        versionEffectiveOn: await this.facts.versionEffectiveOn(input.instrument),
        ...(await this.facts.authority(input.authority, input.actingPostId, input.instrument)),
        obstacles: await this.facts.obstacles(input.instrument, input.effectiveOn),
      }),
      decide: (state, facts) => recordApproval(state, input, facts),
      effectiveOn: input.effectiveOn,
      context,
    });
  }
}
