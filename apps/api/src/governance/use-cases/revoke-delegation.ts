import { refuse } from '@bcl/kernel';
import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { IsOptional } from 'class-validator';
import { delegationStream, evolveDelegation, revokeDelegation } from '@bcl/domain-governance';
import { AllowRoles } from '@bcl/application';
import { CommandContext, EventLogWriter, WriteResult } from '@bcl/application';
import { ReasonDto } from '../../http/common.dto';
import { IdParam } from '../../http/id-param';
import { IsCalendarDate, IsId } from '../../http/validators';
import { GovernanceFacts } from '@bcl/application';
import { GetDelegationQuery } from '@bcl/application';
import { DATE } from '../governance-routes';
import {
  CommandQueryController,
  WriteContext,
  WriteRequest,
  OperationId,
  WriteRoutes,
} from '../../http/write-route';

export class RevokeDelegationDto extends ReasonDto {
  @ApiProperty(DATE) @IsCalendarDate() on!: string;
  @ApiPropertyOptional({ description: 'The resolution that revoked it' })
  @IsOptional()
  @IsId()
  resolutionId?: string | null;
}

export class RevokeDelegationCommand {
  constructor(
    readonly input: { delegationId: string; on: string; resolutionId: string | null },
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RevokeDelegationCommand)
export class RevokeDelegationHandler implements ICommandHandler<RevokeDelegationCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly facts: GovernanceFacts,
  ) {}

  execute({ input, context }: RevokeDelegationCommand): Promise<WriteResult> {
    const { resolutionId } = input;
    return this.writer.execute({
      stream: delegationStream(input.delegationId),
      evolve: evolveDelegation,
      gather: async () => ({
        resolutionRecorded:
          resolutionId === null || (await this.facts.resolution(resolutionId)) !== undefined,
      }),
      decide: (state, facts) =>
        facts.resolutionRecorded
          ? revokeDelegation(state, input)
          : refuse('not-found', 'resolutionId', `resolution '${resolutionId}' is not recorded`),
      effectiveOn: input.on,
      context,
    });
  }
}

@WriteRoutes('governance')
export class RevokeDelegationRoute extends CommandQueryController {
  @Post('delegations/:id/revocation')
  @HttpCode(200)
  @AllowRoles('governance-officer')
  @ApiHeader({ name: 'If-Match', required: false })
  @OperationId('GovernanceController', 'revoke')
  revoke(
    @Param() { id }: IdParam,
    @Body() { reason, ...input }: RevokeDelegationDto,
    @WriteContext() request: WriteRequest,
  ) {
    return this.write(
      new RevokeDelegationCommand(
        { delegationId: id, on: input.on, resolutionId: input.resolutionId ?? null },
        request.because(reason),
      ),
      request,
      new GetDelegationQuery(id),
    );
  }
}

export const REVOKE_DELEGATION = {
  controllers: [RevokeDelegationRoute],
  providers: [RevokeDelegationHandler],
};
