import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  FinancialYear,
  PostTransaction,
  evolvePooledFund,
  pooledFundStream,
  postTransaction,
} from '@bcl/domain-fund';
import { CommandContext, LedgerWriter, WriteResult } from '../../ledger/ledger-writer';
import { FundFacts } from '../fund-facts';

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
    private readonly ledger: LedgerWriter,
    private readonly facts: FundFacts,
  ) {}

  async execute({ poolId, year, input, context }: PostFundTransactionCommand): Promise<WriteResult> {
    const { termsOn } = await this.facts.requiredPoolYear(poolId, year);
    const district = input.movement.kind === 'dfg-pass-down' ? [input.movement.districtId] : [];
    const organisations = await this.facts.organisationsExist(district);
    return this.ledger.execute({
      stream: pooledFundStream(poolId, year),
      evolve: evolvePooledFund,
      decide: (state) =>
        postTransaction(state, input, {
          terms: termsOn(input.effectiveOn),
          organisationExists: (id) => organisations.has(id),
        }),
      effectiveOn: input.effectiveOn,
      context,
    });
  }
}
