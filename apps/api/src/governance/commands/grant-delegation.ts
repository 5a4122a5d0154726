import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  GrantedDelegation,
  delegationStream,
  evolveDelegation,
  grantDelegation,
} from '@bcl/domain-governance';
import { CommandContext, LedgerWriter, WriteResult } from '../../ledger/ledger-writer';
import { GovernanceFacts } from '../governance-facts';

export class GrantDelegationCommand {
  constructor(
    readonly input: GrantedDelegation,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(GrantDelegationCommand)
export class GrantDelegationHandler implements ICommandHandler<GrantDelegationCommand, WriteResult> {
  constructor(
    private readonly ledger: LedgerWriter,
    private readonly facts: GovernanceFacts,
  ) {}

  async execute({ input, context }: GrantDelegationCommand): Promise<WriteResult> {
    const resolution = await this.facts.resolution(input.resolutionId);
    const parent = input.parentDelegationId
      ? await this.facts.delegation(input.parentDelegationId)
      : undefined;
    const posts = await this.facts.postsExist([...input.delegates.posts, ...input.consultees]);
    return this.ledger.execute({
      stream: delegationStream(input.delegationId),
      evolve: evolveDelegation,
      decide: (state) =>
        grantDelegation(state, input, { resolution, parent, postExists: (id) => posts.has(id) }),
      effectiveOn: input.validFrom,
      context,
    });
  }
}
