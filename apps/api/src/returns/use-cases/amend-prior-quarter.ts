import { Body, Param, Post } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CalendarDate } from '@bcl/kernel';
import { FieldValue, returnStream } from '@bcl/domain-returns';
import { AllowRoles } from '@bcl/application';
import { CommandContext, EventLogWriter, WriteResult } from '@bcl/application';
import { todayInEngland } from '@bcl/application';
import { OperationId, WriteContext, WriteRequest, WriteRoutes } from '../../http/write-route';
import { AmendPriorQuarterDto, ReturnParams } from '../dto/return.dto';
import { ReturnContext, returnNotIssued } from '@bcl/application';
import { COMPLETERS, ReturnRoute, actingAs } from '../return-route';
import { amendPriorQuarter, evolveReturn } from '@bcl/domain-returns';

export class AmendPriorQuarterCommand {
  constructor(
    readonly returnId: string,
    readonly input: { field: string; value: FieldValue; reason: string; amendedBy: string },
    readonly context: CommandContext,
    readonly effectiveOn: CalendarDate | null,
  ) {}
}

/**
 * Changes a figure an earlier quarter's return gave (Q11, Q12), in THIS return's stream: both values, who and
 * why; the earlier return's as-restated view shows it, its as-submitted view never does.
 */
@CommandHandler(AmendPriorQuarterCommand)
export class AmendPriorQuarterHandler implements ICommandHandler<AmendPriorQuarterCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly returns: ReturnContext,
  ) {}

  execute({ returnId, input, context, effectiveOn }: AmendPriorQuarterCommand): Promise<WriteResult> {
    return this.writer.execute({
      stream: returnStream(returnId),
      evolve: evolveReturn,
      gather: async (state) => {
        if (!state) throw returnNotIssued(returnId);
        return this.returns.template(state.templateVersion);
      },
      decide: (state, template) => amendPriorQuarter(state, input, template),
      effectiveOn: effectiveOn ?? todayInEngland(),
      context,
    });
  }
}

@WriteRoutes('returns')
export class AmendPriorQuarterRoute extends ReturnRoute {
  /** Amends a previously returned figure from this (later) return, with the reason (the body's `reason`). */
  @Post(':returnId/amendments')
  @AllowRoles(...COMPLETERS)
  @OperationId('ReturnsController', 'amend')
  amend(
    @Param() { returnId }: ReturnParams,
    @Body() { reason, effectiveOn, field, value }: AmendPriorQuarterDto,
    @WriteContext() request: WriteRequest,
  ) {
    const input = { field, value, reason, amendedBy: actingAs(request.actor) };
    return this.writeReturn(
      returnId,
      new AmendPriorQuarterCommand(returnId, input, request.because(reason), effectiveOn ?? null),
      request,
    );
  }
}

export const AMEND_PRIOR_QUARTER = {
  controllers: [AmendPriorQuarterRoute],
  providers: [AmendPriorQuarterHandler],
};
