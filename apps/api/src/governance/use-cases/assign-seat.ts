import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiProperty } from '@nestjs/swagger';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { IsIn } from 'class-validator';
import { AssignSeat, SEAT_ROLES, SeatRole, assignSeat, bodyStream, evolveBody } from '@bcl/domain-governance';
import { AllowRoles } from '@bcl/application';
import { CommandContext, EventLogWriter, WriteResult } from '@bcl/application';
import { StreamFacts } from '@bcl/application';
import { ReasonDto } from '../../http/common.dto';
import { IdParam } from '../../http/id-param';
import { IsCalendarDate, IsId } from '../../http/validators';
import { GetBodyQuery } from '@bcl/application';
import { DATE } from '../governance-routes';
import {
  CommandQueryController,
  plain,
  WriteContext,
  WriteRequest,
  OperationId,
  WriteRoutes,
} from '../../http/write-route';

export class AssignSeatDto extends ReasonDto {
  @ApiProperty({ example: 'kent-hwb-chair' }) @IsId() postId!: string;
  @ApiProperty({ enum: SEAT_ROLES }) @IsIn(SEAT_ROLES) role!: SeatRole;
  @ApiProperty(DATE) @IsCalendarDate() from!: string;
}

export class AssignSeatCommand {
  constructor(
    readonly input: AssignSeat,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(AssignSeatCommand)
export class AssignSeatHandler implements ICommandHandler<AssignSeatCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly facts: StreamFacts,
  ) {}

  execute({ input, context }: AssignSeatCommand): Promise<WriteResult> {
    return this.writer.execute({
      stream: bodyStream(input.bodyId),
      evolve: evolveBody,
      gather: async () => ({ postExists: (await this.facts.post(input.postId)) !== undefined }),
      decide: (state, facts) => assignSeat(state, input, facts),
      effectiveOn: input.from,
      context,
    });
  }
}

@WriteRoutes('governance')
export class AssignSeatRoute extends CommandQueryController {
  @Post('bodies/:id/seats')
  @HttpCode(200)
  @AllowRoles('governance-officer')
  @ApiHeader({ name: 'If-Match', required: false })
  @OperationId('GovernanceController', 'assignSeat')
  assignSeat(
    @Param() { id }: IdParam,
    @Body() { reason, ...input }: AssignSeatDto,
    @WriteContext() request: WriteRequest,
  ) {
    return this.write(
      new AssignSeatCommand(plain({ ...input, bodyId: id }), request.because(reason)),
      request,
      new GetBodyQuery(id),
    );
  }
}

export const ASSIGN_SEAT = { controllers: [AssignSeatRoute], providers: [AssignSeatHandler] };
