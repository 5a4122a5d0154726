import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ApiHeader } from '@nestjs/swagger';
import { EndAreaMembership, endAreaMembership, evolveHwbArea, hwbAreaStream } from '@bcl/domain-registry';
import { AllowRoles } from '@bcl/application';
import { CommandContext, EventLogWriter, WriteResult } from '@bcl/application';
import { MemberParams } from '../../http/id-param';
import { EndDatedDto } from '../dto/registry.dto';
import { GetAreaQuery } from '@bcl/application';
import {
  CommandQueryController,
  WriteContext,
  WriteRequest,
  OperationId,
  WriteRoutes,
} from '../../http/write-route';

/** Use case: an organisation's membership of an HWB area ends (`until` is the first day not covered). */

export class EndAreaMembershipCommand {
  constructor(
    readonly input: EndAreaMembership,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(EndAreaMembershipCommand)
export class EndAreaMembershipHandler implements ICommandHandler<EndAreaMembershipCommand, WriteResult> {
  constructor(private readonly writer: EventLogWriter) {}

  execute({ input, context }: EndAreaMembershipCommand): Promise<WriteResult> {
    return this.writer.execute({
      stream: hwbAreaStream(input.areaId),
      evolve: evolveHwbArea,
      decide: (state) => endAreaMembership(state, input),
      effectiveOn: input.until,
      context,
    });
  }
}

@WriteRoutes('areas')
export class EndAreaMembershipRoute extends CommandQueryController {
  @OperationId('AreasController', 'endMembership')
  @Post(':id/members/:memberId/end')
  @HttpCode(200)
  @AllowRoles('admin')
  @ApiHeader({ name: 'If-Match', required: false })
  async endMembership(
    @Param() { id, memberId }: MemberParams,
    @Body() { reason, until }: EndDatedDto,
    @WriteContext() request: WriteRequest,
  ) {
    return this.write(
      new EndAreaMembershipCommand({ areaId: id, organisationId: memberId, until }, request.because(reason)),
      request,
      new GetAreaQuery(id),
    );
  }
}
