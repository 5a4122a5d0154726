import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InstrumentRef, approvalsStream, evolveApprovals, ratifyApproval } from '@bcl/domain-governance';
import { AllowRoles } from '@bcl/application';
import { CommandContext, EventLogWriter, WriteResult } from '@bcl/application';
import { ReasonDto } from '../../http/common.dto';
import { IsId } from '../../http/validators';
import { GovernanceFacts } from '@bcl/application';
import { ProvenanceQuery } from '@bcl/application';
import { InstrumentParams } from '../governance-routes';
import {
  CommandQueryController,
  WriteContext,
  WriteRequest,
  OperationId,
  WriteRoutes,
} from '../../http/write-route';

export class RatifyApprovalDto extends ReasonDto {
  @ApiProperty() @IsId() resolutionId!: string;
}

export class ApprovalParams extends InstrumentParams {
  @ApiProperty() @IsId() approvalId!: string;
}

export class RatifyApprovalCommand {
  constructor(
    readonly input: { instrument: InstrumentRef; approvalId: string; resolutionId: string },
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RatifyApprovalCommand)
export class RatifyApprovalHandler implements ICommandHandler<RatifyApprovalCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly facts: GovernanceFacts,
  ) {}

  execute({ input, context }: RatifyApprovalCommand): Promise<WriteResult> {
    return this.writer.execute({
      stream: approvalsStream(input.instrument),
      evolve: evolveApprovals,
      gather: async (state) => {
        const authority = state?.approvals.find((a) => a.approvalId === input.approvalId)?.authority;
        return {
          resolution: await this.facts.resolution(input.resolutionId),
          // the body whose authority it was: the delegation's grantor, the resolution's body, the chair's Board
          authorisingBodyId:
            authority?.kind === 'delegation'
              ? (await this.facts.streams.delegation(authority.delegationId))?.grantingBodyId
              : authority?.kind === 'chair'
                ? authority.bodyId
                : authority && (await this.facts.resolution(authority.resolutionId))?.bodyId,
        };
      },
      decide: (state, facts) => ratifyApproval(state, input, facts),
      effectiveOn: (_state, facts) => facts.resolution?.meetingDate,
      context,
    });
  }
}

@WriteRoutes('governance')
export class RatifyApprovalRoute extends CommandQueryController {
  @Post('instruments/:kind/:id/approvals/:approvalId/ratification')
  @HttpCode(200)
  @AllowRoles('governance-officer')
  @OperationId('GovernanceController', 'ratify')
  ratify(
    @Param() { kind, id, approvalId }: ApprovalParams,
    @Body() { reason, resolutionId }: RatifyApprovalDto,
    @WriteContext() request: WriteRequest,
  ) {
    return this.write(
      new RatifyApprovalCommand(
        { instrument: { kind, id, version: null }, approvalId, resolutionId },
        request.because(reason),
      ),
      request,
      new ProvenanceQuery(kind, id),
    );
  }
}

export const RATIFY_APPROVAL = { controllers: [RatifyApprovalRoute], providers: [RatifyApprovalHandler] };
