import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { IsOptional } from 'class-validator';
import { delegationStream, evolveDelegation, reportBack } from '@bcl/domain-governance';
import { AllowRoles } from '@bcl/application';
import { CommandContext, EventLogWriter, WriteResult } from '@bcl/application';
import { StreamFacts } from '@bcl/application';
import { ReasonDto } from '../../http/common.dto';
import { IdParam } from '../../http/id-param';
import { IsId } from '../../http/validators';
import { GetDelegationQuery } from '@bcl/application';
import {
  CommandQueryController,
  WriteContext,
  WriteRequest,
  OperationId,
  WriteRoutes,
} from '../../http/write-route';

export class ReportBackDto extends ReasonDto {
  @ApiProperty() @IsId() meetingId!: string;
  @ApiPropertyOptional() @IsOptional() @IsId() resolutionId?: string | null;
}

export class ReportBackCommand {
  constructor(
    readonly input: { delegationId: string; meetingId: string; resolutionId: string | null },
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(ReportBackCommand)
export class ReportBackHandler implements ICommandHandler<ReportBackCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly facts: StreamFacts,
  ) {}

  execute({ input, context }: ReportBackCommand): Promise<WriteResult> {
    return this.writer.execute({
      stream: delegationStream(input.delegationId),
      evolve: evolveDelegation,
      gather: async () => ({ meeting: await this.facts.meeting(input.meetingId) }),
      decide: (state, facts) => reportBack(state, input, facts),
      effectiveOn: (_state, facts) => facts.meeting?.date,
      context,
    });
  }
}

@WriteRoutes('governance')
export class ReportBackRoute extends CommandQueryController {
  @Post('delegations/:id/report-back')
  @HttpCode(200)
  @AllowRoles('governance-officer')
  @ApiHeader({ name: 'If-Match', required: false })
  @OperationId('GovernanceController', 'reportBack')
  reportBack(
    @Param() { id }: IdParam,
    @Body() { reason, ...input }: ReportBackDto,
    @WriteContext() request: WriteRequest,
  ) {
    return this.write(
      new ReportBackCommand(
        { delegationId: id, meetingId: input.meetingId, resolutionId: input.resolutionId ?? null },
        request.because(reason),
      ),
      request,
      new GetDelegationQuery(id),
    );
  }
}

export const REPORT_BACK = { controllers: [ReportBackRoute], providers: [ReportBackHandler] };
