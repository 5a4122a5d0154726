import { Body, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, ValidateNested } from 'class-validator';
import {
  Attendance,
  GOVERNANCE_LIMITS as G,
  PRESENT_CAPACITIES,
  evolveMeeting,
  meetingStream,
  recordAttendance,
} from '@bcl/domain-governance';
import { recordedIn } from '@bcl/domain-registry/facts';
import { AllowRoles } from '@bcl/application';
import { CommandContext, EventLogWriter, WriteResult } from '@bcl/application';
import { StreamFacts } from '@bcl/application';
import { ReasonDto } from '../../http/common.dto';
import { IdParam } from '../../http/id-param';
import { IsId, applyAll } from '../../http/validators';
import { GetMeetingQuery } from '@bcl/application';
import { IdList, Text } from '../governance-routes';
import {
  CommandQueryController,
  plain,
  WriteContext,
  WriteRequest,
  OperationId,
  WriteRoutes,
} from '../../http/write-route';

export class PresentMemberDto {
  @ApiProperty() @IsId() personId!: string;
  @ApiProperty({ enum: PRESENT_CAPACITIES })
  @IsIn(PRESENT_CAPACITIES)
  capacity!: (typeof PRESENT_CAPACITIES)[number];
  @ApiPropertyOptional({ description: 'The absent member this person substitutes for' })
  @IsOptional()
  @IsId()
  substituteFor?: string | null;
}

export class OfficerDto {
  @ApiProperty() @IsId() personId!: string;
  @ApiProperty({ example: 'Principal Democratic Services Officer' })
  @IsString()
  @Text(G.titleLengthMax)
  capacity!: string;
}

export class RecordAttendanceDto extends ReasonDto {
  @ApiProperty({ type: [PresentMemberDto], maxItems: G.attendeesMax })
  @IsArray()
  @ArrayMaxSize(G.attendeesMax)
  @ValidateNested({ each: true })
  @Type(() => PresentMemberDto)
  present!: PresentMemberDto[];

  @ApiProperty({ type: [String], maxItems: G.attendeesMax })
  @applyAll(...IdList(G.attendeesMax))
  apologies!: string[];

  @ApiProperty({ type: [OfficerDto], maxItems: G.attendeesMax })
  @IsArray()
  @ArrayMaxSize(G.attendeesMax)
  @ValidateNested({ each: true })
  @Type(() => OfficerDto)
  inAttendance!: OfficerDto[];
}

export class RecordAttendanceCommand {
  constructor(
    readonly input: Attendance & { meetingId: string },
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RecordAttendanceCommand)
export class RecordAttendanceHandler implements ICommandHandler<RecordAttendanceCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly facts: StreamFacts,
  ) {}

  execute({ input, context }: RecordAttendanceCommand): Promise<WriteResult> {
    const people = [
      ...input.present.map((p) => p.personId),
      ...input.apologies,
      ...input.inAttendance.map((o) => o.personId),
    ];
    return this.writer.execute({
      stream: meetingStream(input.meetingId),
      evolve: evolveMeeting,
      gather: async () => ({
        personExists: recordedIn(await this.facts.recorded(people, this.facts.person)),
      }),
      decide: (state, facts) => recordAttendance(state, input, facts),
      effectiveOn: (meeting) => meeting?.date,
      context,
    });
  }
}

@WriteRoutes('governance')
export class RecordAttendanceRoute extends CommandQueryController {
  /** A meeting's attendance is recorded once: 201, `Location` the meeting (which shows it). */
  @Post('meetings/:id/attendance')
  @AllowRoles('governance-officer')
  @ApiHeader({ name: 'If-Match', required: false })
  @OperationId('GovernanceController', 'recordAttendance')
  recordAttendance(
    @Param() { id }: IdParam,
    @Body() { reason, ...input }: RecordAttendanceDto,
    @WriteContext() request: WriteRequest,
  ) {
    const present = input.present.map((p) => ({ ...p, substituteFor: p.substituteFor ?? null }));
    return this.write(
      new RecordAttendanceCommand(plain({ ...input, present, meetingId: id }), request.because(reason)),
      request,
      new GetMeetingQuery(id),
      `/api/governance/meetings/${id}`,
    );
  }
}

export const RECORD_ATTENDANCE = {
  controllers: [RecordAttendanceRoute],
  providers: [RecordAttendanceHandler],
};
