import { FinancialYear } from '@bcl/kernel';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { refuse } from '@bcl/kernel';
import { PostTransaction, evolvePooledFund, pooledFundStream, postTransaction } from '@bcl/domain-fund';
import { termsInForce } from '@bcl/domain-fund/facts';
import { recordedIn } from '@bcl/domain-registry/facts';
import { CommandContext, EventLogWriter, WriteResult } from '../../event-log/event-log-writer';
import { StreamFacts } from '../../event-log/stream-facts';

export class PostFundTransactionCommand {
  constructor(
    readonly poolId: string,
    readonly year: FinancialYear,
    readonly input: PostTransaction,
    readonly context: CommandContext,
  ) {}
}

/** A money movement, as one balanced transaction of the pool-year; refused whole or recorded whole. */
@CommandHandler(PostFundTransactionCommand)
export class PostFundTransactionHandler implements ICommandHandler<PostFundTransactionCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly facts: StreamFacts,
  ) {}

  execute({ poolId, year, input, context }: PostFundTransactionCommand): Promise<WriteResult> {
    const district = input.movement.kind === 'dfg-pass-down' ? [input.movement.districtId] : [];
    return this.writer.execute({
      stream: pooledFundStream(poolId, year),
      evolve: evolvePooledFund,
      gather: async (state) => ({
        organisationExists: recordedIn(await this.facts.recorded(district, this.facts.organisation)),
        terms: state ? termsInForce(await this.facts.agreement(state.agreementId), input.effectiveOn) : null,
      }),
      decide: (state, facts) =>
        state
          ? postTransaction(state, input, facts)
          : refuse('not-found', 'poolId', `pool '${poolId}' has no year ${year} opened`),
      effectiveOn: input.effectiveOn,
      context,
    });
  }
}
