import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ApiHeader, ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import {
  AddAreaMember,
  MEMBER_ROLES,
  MemberRole,
  addAreaMember,
  evolveHwbArea,
  hwbAreaStream,
} from '@bcl/domain-registry';
import { AllowRoles } from '@bcl/application';
import { CommandContext, EventLogWriter, WriteResult } from '@bcl/application';
import { StreamFacts } from '@bcl/application';
import { ReasonDto } from '../../http/common.dto';
import { IdParam } from '../../http/id-param';
import { IsCalendarDate, IsId } from '../../http/validators';
import { DATE } from '../dto/registry.dto';
import { GetAreaQuery } from '@bcl/application';
import {
  CommandQueryController,
  WriteContext,
  WriteRequest,
  OperationId,
  WriteRoutes,
} from '../../http/write-route';

/** Use case: an organisation joins an HWB area, in a role, from a date. */

export class AddAreaMemberDto extends ReasonDto {
  @ApiProperty({ example: 'ashford-borough-council' })
  @IsId()
  organisationId!: string;

  @ApiProperty({ enum: MEMBER_ROLES })
  @IsIn(MEMBER_ROLES)
  role!: MemberRole;

  @ApiProperty(DATE)
  @IsCalendarDate()
  from!: string;
}

export class AddAreaMemberCommand {
  constructor(
    readonly input: AddAreaMember,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(AddAreaMemberCommand)
export class AddAreaMemberHandler implements ICommandHandler<AddAreaMemberCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly facts: StreamFacts,
  ) {}

  execute({ input, context }: AddAreaMemberCommand): Promise<WriteResult> {
    return this.writer.execute({
      stream: hwbAreaStream(input.areaId),
      evolve: evolveHwbArea,
      gather: () => this.facts.organisation(input.organisationId),
      decide: (state, organisation) => addAreaMember(state, input, organisation),
      effectiveOn: input.from,
      context,
    });
  }
}

@WriteRoutes('areas')
export class AddAreaMemberRoute extends CommandQueryController {
  @OperationId('AreasController', 'addMember')
  @Post(':id/members')
  @HttpCode(200)
  @AllowRoles('admin')
  @ApiHeader({ name: 'If-Match', required: false })
  async addMember(
    @Param() { id }: IdParam,
    @Body() { reason, ...input }: AddAreaMemberDto,
    @WriteContext() request: WriteRequest,
  ) {
    return this.write(
      new AddAreaMemberCommand({ ...input, areaId: id }, request.because(reason)),
      request,
      new GetAreaQuery(id),
    );
  }
}
