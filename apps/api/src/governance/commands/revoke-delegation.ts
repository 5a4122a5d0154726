import { refuse } from '@bcl/kernel';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { delegationStream, evolveDelegation, revokeDelegation } from '@bcl/domain-governance';
import { CommandContext, EventLogWriter, WriteResult } from '../../event-log/event-log-writer';
import { GovernanceFacts } from '../governance-facts';

export class RevokeDelegationCommand {
  constructor(
    readonly input: { delegationId: string; on: string; resolutionId: string | null },
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RevokeDelegationCommand)
export class RevokeDelegationHandler implements ICommandHandler<RevokeDelegationCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly facts: GovernanceFacts,
  ) {}

  execute({ input, context }: RevokeDelegationCommand): Promise<WriteResult> {
    const { resolutionId } = input;
    return this.writer.execute({
      stream: delegationStream(input.delegationId),
      evolve: evolveDelegation,
      gather: async () => ({
        resolutionRecorded:
          resolutionId === null || (await this.facts.resolution(resolutionId)) !== undefined,
      }),
      decide: (state, facts) =>
        facts.resolutionRecorded
          ? revokeDelegation(state, input)
          : refuse('not-found', 'resolutionId', `resolution '${resolutionId}' is not recorded`),
      effectiveOn: input.on,
      context,
    });
  }
}
