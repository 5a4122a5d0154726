import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { returnStream } from '@bcl/domain-returns';
import { AllowRoles } from '@bcl/application';
import { CommandContext, EventLogWriter, WriteResult } from '@bcl/application';
import { OperationId, WriteContext, WriteRequest, WriteRoutes } from '../../http/write-route';
import { ReturnParams, SubmitReturnDto } from '../dto/return.dto';
import { ReturnContext, returnNotIssued } from '@bcl/application';
import { COMPLETERS, ReturnRoute } from '../return-route';
import { evolveReturn, submitReturn } from '@bcl/domain-returns';

export class SubmitReturnCommand {
  constructor(
    readonly returnId: string,
    readonly input: { submittedAt: string; channel: string; fileName: string; approvalId: string | null },
    readonly context: CommandContext,
  ) {}
}

/**
 * Records that the signed-off current version was sent (late past the deadline: a finding, never a refusal);
 * refused without a complete approval of that version, or with a blocking check failing. It locks the return.
 */
@CommandHandler(SubmitReturnCommand)
export class SubmitReturnHandler implements ICommandHandler<SubmitReturnCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly returns: ReturnContext,
  ) {}

  execute({ returnId, input, context }: SubmitReturnCommand): Promise<WriteResult> {
    const on = input.submittedAt.slice(0, 10);
    return this.writer.execute({
      stream: returnStream(returnId),
      evolve: evolveReturn,
      gather: async (state) => {
        if (!state) throw returnNotIssued(returnId);
        if (state.submitted) return { signOff: null, blocking: [] }; // the decision refuses: submitted
        // The approval named, else the latest complete one of the current version (governance's record).
        const signOffs = (await this.returns.signOffs(returnId)).filter(
          (s) => input.approvalId === null || s.approvalId === input.approvalId,
        );
        return {
          signOff: signOffs.filter((s) => s.version === state.version).at(-1) ?? signOffs.at(-1) ?? null,
          lastChangedOn: await this.returns.lastChangedOn(returnId),
          blocking: (await this.returns.blockingFailures(state, on)).map(({ checkId, message }) => ({
            checkId,
            message,
          })),
        };
      },
      decide: (state, facts) => submitReturn(state, input, facts),
      effectiveOn: on,
      context,
    });
  }
}

@WriteRoutes('returns')
export class SubmitReturnRoute extends ReturnRoute {
  /** Records the submission of the signed-off version (200); every write to the return is refused after it. */
  @Post(':returnId/submission')
  @HttpCode(200)
  @AllowRoles(...COMPLETERS)
  @OperationId('ReturnsController', 'submit')
  submit(
    @Param() { returnId }: ReturnParams,
    @Body() { reason, approvalId, ...input }: SubmitReturnDto,
    @WriteContext() request: WriteRequest,
  ) {
    return this.writeReturn(
      returnId,
      new SubmitReturnCommand(
        returnId,
        { ...input, approvalId: approvalId ?? null },
        request.because(reason),
      ),
      request,
    );
  }
}

export const SUBMIT_RETURN = { controllers: [SubmitReturnRoute], providers: [SubmitReturnHandler] };
