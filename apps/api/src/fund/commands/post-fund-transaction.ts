import { FinancialYear } from '@bcl/kernel';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  PostTransaction,
  agreementAsAt,
  evolvePooledFund,
  pooledFundStream,
  postTransaction,
} from '@bcl/domain-fund';
import { Problem } from '../../http/problem';
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
    const district = input.movement.kind === 'dfg-pass-down' ? [input.movement.districtId] : [];
    const organisations = await this.facts.organisationsExist(district);
    return this.ledger.execute({
      stream: pooledFundStream(poolId, year),
      evolve: evolvePooledFund,
      decide: async (state) => {
        if (!state)
          throw new Problem(404, 'not-found', 'Not found', `pool '${poolId}' has no year ${year} opened`);
        const agreement = (await this.facts.agreement(state.agreementId))!;
        const terms = agreementAsAt(agreement, input.effectiveOn)?.terms ?? null;
        return postTransaction(state, input, { terms, organisationExists: (id) => organisations.has(id) });
      },
      effectiveOn: input.effectiveOn,
      context,
    });
  }
}
