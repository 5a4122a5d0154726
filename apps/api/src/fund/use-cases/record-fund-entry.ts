import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { FinancialYear } from '@bcl/kernel';
import {
  StatedBy,
  StatedFigure,
  closeOrReopenYear,
  evolvePooledFund,
  pooledFundStream,
  reverseTransaction,
  stateFigure,
} from '@bcl/domain-fund';
import { CommandContext, EventLogWriter, WriteResult } from '@bcl/application';
import { PoolYearParams } from '../dto/fund.dto';
import { PoolYearRoute } from '../pool-year-route';
import { WriteRequest, plain } from '../../http/write-route';

/**
 * The pool-year's other entries: a reversal, a stated figure, or closing and reopening the year. One command
 * serves the use cases reverse-transaction.ts, state-figure.ts and close-or-reopen-year.ts (and the demo loader's
 * `RecordFundEntry`).
 */
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
        entry.kind === 'reversal'
          ? entry.effectiveOn
          : entry.kind === 'figure'
            ? (entry.figure.statedOn ?? undefined)
            : entry.on,
      context,
    });
  }
}

/** A route recording one of these entries, answering the position at the year end. */
export abstract class FundEntryRoute extends PoolYearRoute {
  protected entry(params: PoolYearParams, entry: FundEntry, request: WriteRequest, reason: string) {
    return this.writePoolYear(
      params,
      new RecordFundEntryCommand(params.poolId, params.year, plain(entry), request.because(reason)),
      request,
    );
  }
}
