import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CalendarDate } from '@bcl/kernel';
import { returnStream } from '@bcl/domain-returns';
import { AllowRoles } from '@bcl/application';
import { CommandContext, EventLogWriter, WriteResult } from '@bcl/application';
import { todayInEngland } from '@bcl/application';
import { OperationId, WriteContext, WriteRequest, WriteRoutes } from '../../http/write-route';
import { ReturnParams, ValidateReturnDto } from '../dto/return.dto';
import { ReturnContext, returnNotIssued } from '@bcl/application';
import { COMPLETERS, ReturnRoute } from '../return-route';
import { evolveReturn, sectionValidations, validateReturn } from '@bcl/domain-returns';

export class ValidateReturnCommand {
  constructor(
    readonly returnId: string,
    readonly context: CommandContext,
    readonly effectiveOn: CalendarDate | null,
  ) {}
}

/** Runs the template's validation on the current version and records each section's cell, green or red. */
@CommandHandler(ValidateReturnCommand)
export class ValidateReturnHandler implements ICommandHandler<ValidateReturnCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly returns: ReturnContext,
  ) {}

  execute({ returnId, context, effectiveOn }: ValidateReturnCommand): Promise<WriteResult> {
    const on = effectiveOn ?? todayInEngland();
    return this.writer.execute({
      stream: returnStream(returnId),
      evolve: evolveReturn,
      gather: async (state) => {
        if (!state) throw returnNotIssued(returnId);
        const template = this.returns.template(state.templateVersion);
        return sectionValidations(template, state.quarter, await this.returns.checks(state, on));
      },
      decide: (state, sections) => validateReturn(state, { sections }),
      effectiveOn: on,
      context,
    });
  }
}

@WriteRoutes('returns')
export class ValidateReturnRoute extends ReturnRoute {
  /** Validates the current version (200): the answer's `validation` gives each section's cell. */
  @Post(':returnId/validation')
  @HttpCode(200)
  @AllowRoles(...COMPLETERS)
  @OperationId('ReturnsController', 'validate')
  validate(
    @Param() { returnId }: ReturnParams,
    @Body() { reason, effectiveOn }: ValidateReturnDto,
    @WriteContext() request: WriteRequest,
  ) {
    return this.writeReturn(
      returnId,
      new ValidateReturnCommand(returnId, request.because(reason), effectiveOn ?? null),
      request,
    );
  }
}

export const VALIDATE_RETURN = { controllers: [ValidateReturnRoute], providers: [ValidateReturnHandler] };
