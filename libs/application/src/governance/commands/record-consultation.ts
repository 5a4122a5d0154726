import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Consultation, approvalsStream, evolveApprovals, recordConsultation } from '@bcl/domain-governance';
import { CommandContext, EventLogWriter, WriteResult } from '../../event-log/event-log-writer';
import { GovernanceFacts } from '../governance-facts';

/** A consultee's own record that they were consulted on an instrument version (sent by the API and the pages). */
export class RecordConsultationCommand {
  constructor(
    readonly input: Consultation,
    readonly context: CommandContext,
  ) {}
}

/** The consultee records their own consultation; the person comes from their token or page session. */
@CommandHandler(RecordConsultationCommand)
export class RecordConsultationHandler implements ICommandHandler<RecordConsultationCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly facts: GovernanceFacts,
  ) {}

  execute({ input, context }: RecordConsultationCommand): Promise<WriteResult> {
    return this.writer.execute({
      stream: approvalsStream(input.instrument),
      evolve: evolveApprovals,
      gather: async () => ({
        // A consultation on a BCF plan the ledger does not hold is refused (404) before anything is written.
        currentVersion: await this.facts.currentVersion(input.instrument),
        delegation: await this.facts.streams.delegation(input.delegationId),
        holderOn: (
          await this.facts.authority({ kind: 'delegation', delegationId: input.delegationId }, input.postId)
        ).holderOn,
      }),
      decide: (state, facts) => recordConsultation(state, input, facts),
      effectiveOn: input.on,
      context,
    });
  }
}
