import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CalendarDate } from '@bcl/kernel';
import {
  FieldValue,
  QuarterlyReturnState,
  ReturnEvent,
  ReturnTemplate,
  enterFields,
  evolveReturn,
  returnStream,
} from '@bcl/domain-returns';
import { CommandContext, Decision, EventLogWriter, WriteResult } from '../../event-log/event-log-writer';
import { todayInEngland } from '../../business-dates';
import { ReturnContext, returnNotIssued } from '../return-context';

/**
 * Enters values in a return (a new version). Sent by the API's `PATCH /api/returns/{id}/values` and by the
 * return-workbook upload page; `checkOnly` decides without recording (the upload's preview), refusing exactly
 * as the recording would.
 */
export class FillReturnCommand {
  constructor(
    readonly returnId: string,
    readonly input: { values: Record<string, FieldValue>; enteredBy: string },
    readonly context: CommandContext,
    readonly effectiveOn: CalendarDate | null,
    readonly checkOnly = false,
  ) {}
}

/** Enters values (a new version); refused whole, one problem per cell, or after submission. */
@CommandHandler(FillReturnCommand)
export class FillReturnHandler implements ICommandHandler<FillReturnCommand, WriteResult | null> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly returns: ReturnContext,
  ) {}

  async execute({
    returnId,
    input,
    context,
    effectiveOn,
    checkOnly,
  }: FillReturnCommand): Promise<WriteResult | null> {
    const decision: Decision<QuarterlyReturnState, ReturnEvent, ReturnTemplate> = {
      stream: returnStream(returnId),
      evolve: evolveReturn,
      gather: async (state) => {
        if (!state) throw returnNotIssued(returnId);
        return this.returns.template(state.templateVersion);
      },
      // a value equal to the cell's (a file repeating what the return holds) is no change, never refused
      decide: (state, template) => enterFields(state, input, template),
      effectiveOn: effectiveOn ?? todayInEngland(),
      context,
    };
    if (!checkOnly) return this.writer.execute(decision);
    await this.writer.check(decision);
    return null;
  }
}
