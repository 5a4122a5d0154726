import { DomainError } from '@bcl/kernel';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { delegationStream, evolveDelegation, revokeDelegation } from '@bcl/domain-governance';
import { CommandContext, LedgerWriter, WriteResult } from '../../ledger/ledger-writer';
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
    private readonly ledger: LedgerWriter,
    private readonly facts: GovernanceFacts,
  ) {}

  async execute({ input, context }: RevokeDelegationCommand): Promise<WriteResult> {
    if (input.resolutionId !== null && !(await this.facts.resolutionExists(input.resolutionId)))
      throw new DomainError(
        'not-found',
        'resolutionId',
        `resolution '${input.resolutionId}' is not recorded`,
      );
    return this.ledger.execute({
      stream: delegationStream(input.delegationId),
      evolve: evolveDelegation,
      decide: (state) => revokeDelegation(state, input),
      effectiveOn: input.on,
      context,
    });
  }
}
