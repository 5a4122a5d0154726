import { FinancialYear, yearBounds } from '@bcl/kernel';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { agreementAsAt, evolvePooledFund, openYear, pooledFundStream } from '@bcl/domain-fund';
import { CommandContext, LedgerWriter, WriteResult } from '../../ledger/ledger-writer';
import { FundFacts } from '../fund-facts';

export class OpenPoolYearCommand {
  constructor(
    readonly input: { poolId: string; year: FinancialYear; agreementId: string },
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(OpenPoolYearCommand)
export class OpenPoolYearHandler implements ICommandHandler<OpenPoolYearCommand, WriteResult> {
  constructor(
    private readonly ledger: LedgerWriter,
    private readonly facts: FundFacts,
  ) {}

  async execute({ input, context }: OpenPoolYearCommand): Promise<WriteResult> {
    const agreement = await this.facts.agreement(input.agreementId);
    const { start, end } = yearBounds(input.year);
    // the pool must be established by the terms in effect when the year begins, or by a variation during it
    const versions = agreement
      ? [
          agreementAsAt(agreement, start),
          ...agreement.versions.filter((v) => v.effectiveOn >= start && v.effectiveOn < end),
        ]
      : [];
    const poolEstablished = versions.some((v) => v?.terms.pools.some((p) => p.poolId === input.poolId));
    return this.ledger.execute({
      stream: pooledFundStream(input.poolId, input.year),
      evolve: evolvePooledFund,
      decide: (state) => openYear(state, input, { poolEstablished }),
      effectiveOn: start,
      context,
    });
  }
}
