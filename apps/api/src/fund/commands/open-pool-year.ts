import { FinancialYear, yearBounds } from '@bcl/kernel';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { evolvePooledFund, openYear, pooledFundStream } from '@bcl/domain-fund';
import { establishesPool } from '@bcl/domain-fund/facts';
import { CommandContext, EventLogWriter, WriteResult } from '../../event-log/event-log-writer';
import { StreamFacts } from '../../event-log/stream-facts';

export class OpenPoolYearCommand {
  constructor(
    readonly input: { poolId: string; year: FinancialYear; agreementId: string },
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(OpenPoolYearCommand)
export class OpenPoolYearHandler implements ICommandHandler<OpenPoolYearCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly facts: StreamFacts,
  ) {}

  execute({ input, context }: OpenPoolYearCommand): Promise<WriteResult> {
    const year = yearBounds(input.year);
    return this.writer.execute({
      stream: pooledFundStream(input.poolId, input.year),
      evolve: evolvePooledFund,
      // the pool must be established by the terms in effect when the year begins, or by a variation during it
      gather: async () => ({
        poolEstablished: establishesPool(await this.facts.agreement(input.agreementId), input.poolId, year),
      }),
      decide: (state, facts) => openYear(state, input, facts),
      effectiveOn: year.start,
      context,
    });
  }
}
