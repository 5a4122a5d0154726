import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  GrantedDelegation,
  delegationStream,
  evolveDelegation,
  grantDelegation,
} from '@bcl/domain-governance';
import { CommandContext, EventLogWriter, WriteResult } from '../../event-log/event-log-writer';
import { GovernanceFacts } from '../governance-facts';
import { recordedIn } from '@bcl/domain-registry/facts';

export class GrantDelegationCommand {
  constructor(
    readonly input: GrantedDelegation,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(GrantDelegationCommand)
export class GrantDelegationHandler implements ICommandHandler<GrantDelegationCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly facts: GovernanceFacts,
  ) {}

  execute({ input, context }: GrantDelegationCommand): Promise<WriteResult> {
    const { streams } = this.facts;
    return this.writer.execute({
      stream: delegationStream(input.delegationId),
      evolve: evolveDelegation,
      gather: async () => ({
        resolution: await this.facts.resolution(input.resolutionId),
        parent: input.parentDelegationId ? await streams.delegation(input.parentDelegationId) : undefined,
        postExists: recordedIn(
          await streams.recorded([...input.delegates.posts, ...input.consultees], streams.post),
        ),
      }),
      decide: (state, facts) => grantDelegation(state, input, facts),
      effectiveOn: input.validFrom,
      context,
    });
  }
}
