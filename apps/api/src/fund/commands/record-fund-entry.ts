import { FinancialYear } from '@bcl/kernel';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  StatedBy,
  StatedFigure,
  closeOrReopenYear,
  evolvePooledFund,
  pooledFundStream,
  reverseTransaction,
  stateFigure,
} from '@bcl/domain-fund';
import { CommandContext, EventLogWriter, WriteResult } from '../../event-log/event-log-writer';

/** The pool-year's other entries: a reversal, a stated figure, or closing and reopening the year. */
export type FundEntry =
  | { kind: 'reversal'; transactionId: string; reverses: string; effectiveOn: string; statedBy: StatedBy }
  | { kind: 'figure'; figure: StatedFigure }
  | { kind: 'close' | 'reopen'; on: string; decision: StatedBy };

export class RecordFundEntryCommand {
  constructor(
    readonly poolId: string,
    readonly year: FinancialYear,
    readonly entry: FundEntry,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RecordFundEntryCommand)
export class RecordFundEntryHandler implements ICommandHandler<RecordFundEntryCommand, WriteResult> {
  constructor(private readonly writer: EventLogWriter) {}

  execute({ poolId, year, entry, context }: RecordFundEntryCommand): Promise<WriteResult> {
    return this.writer.execute({
      stream: pooledFundStream(poolId, year),
      evolve: evolvePooledFund,
      decide: (state) =>
        entry.kind === 'reversal'
          ? reverseTransaction(state, entry)
          : entry.kind === 'figure'
            ? stateFigure(state, entry.figure)
            : closeOrReopenYear(state, { action: entry.kind, on: entry.on, decision: entry.decision }),
      effectiveOn:
        entry.kind === 'reversal' ? entry.effectiveOn : entry.kind === 'figure' ? undefined : entry.on,
      context,
    });
  }
}
