import { Body, Param, Patch } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CalendarDate } from '@bcl/kernel';
import { FieldValue, returnStream } from '@bcl/domain-returns';
import { AllowRoles } from '@bcl/application';
import { CommandContext, EventLogWriter, WriteResult } from '@bcl/application';
import { todayInEngland } from '@bcl/application';
import { OperationId, WriteContext, WriteRequest, WriteRoutes, plain } from '../../http/write-route';
import { FillReturnDto, ReturnParams } from '../dto/return.dto';
import { ReturnContext, returnNotIssued } from '@bcl/application';
import { COMPLETERS, ReturnRoute, actingAs } from '../return-route';
import { enterFields, evolveReturn } from '@bcl/domain-returns';

export class FillReturnCommand {
  constructor(
    readonly returnId: string,
    readonly input: { values: Record<string, FieldValue>; enteredBy: string },
    readonly context: CommandContext,
    readonly effectiveOn: CalendarDate | null,
  ) {}
}

/** Enters values (a new version); refused whole, one problem per cell, or after submission. */
@CommandHandler(FillReturnCommand)
export class FillReturnHandler implements ICommandHandler<FillReturnCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly returns: ReturnContext,
  ) {}

  execute({ returnId, input, context, effectiveOn }: FillReturnCommand): Promise<WriteResult> {
    return this.writer.execute({
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
    });
  }
}

@WriteRoutes('returns')
export class FillReturnRoute extends ReturnRoute {
  /** Fills cells of the return; 422 with one `errors` entry per refused cell (nothing recorded). */
  @Patch(':returnId/values')
  @AllowRoles(...COMPLETERS)
  @OperationId('ReturnsController', 'fill')
  fill(
    @Param() { returnId }: ReturnParams,
    @Body() { reason, effectiveOn, values }: FillReturnDto,
    @WriteContext() request: WriteRequest,
  ) {
    const input = plain({ values, enteredBy: actingAs(request.actor) });
    return this.writeReturn(
      returnId,
      new FillReturnCommand(returnId, input, request.because(reason), effectiveOn ?? null),
      request,
    );
  }
}

export const FILL_RETURN = { controllers: [FillReturnRoute], providers: [FillReturnHandler] };
