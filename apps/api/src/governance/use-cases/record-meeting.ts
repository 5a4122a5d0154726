import { TEXT_LIMITS as L } from '@bcl/kernel';
import { Body, Post } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';
import {
  GOVERNANCE_LIMITS as G,
  RecordMeeting,
  evolveMeeting,
  meetingStream,
  recordMeeting,
} from '@bcl/domain-governance';
import { AllowRoles } from '@bcl/application';
import { CommandContext, EventLogWriter, WriteResult } from '@bcl/application';
import { StreamFacts } from '@bcl/application';
import { ReasonDto } from '../../http/common.dto';
import { IsCalendarDate, IsId } from '../../http/validators';
import { GetMeetingQuery } from '@bcl/application';
import { DATE, LongText, Text } from '../governance-routes';
import {
  CommandQueryController,
  plain,
  WriteContext,
  WriteRequest,
  OperationId,
  WriteRoutes,
} from '../../http/write-route';

export class UrgentItemDto {
  @ApiProperty() @IsString() @LongText(G.textLengthMax) reasonForLateness!: string;
  @ApiProperty({ example: 'section 100B(4)(b) of the Local Government Act 1972' })
  @IsString()
  @Text(G.titleLengthMax)
  legalBasis!: string;
}

export class AgendaItemDto {
  @ApiProperty({ example: '6' }) @IsString() @Text(G.labelLengthMax) itemNo!: string;
  @ApiProperty() @IsString() @Text(G.titleLengthMax) title!: string;
  @ApiPropertyOptional({ type: UrgentItemDto, description: 'A supplementary item taken as urgent' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => UrgentItemDto)
  urgent?: UrgentItemDto | null;
}

export class RecordMeetingDto extends ReasonDto {
  @ApiProperty({ example: 'kent-hwb-2016-01-27' }) @IsId() meetingId!: string;
  @ApiProperty({ example: 'kent-hwb' }) @IsId() bodyId!: string;
  @ApiProperty(DATE) @IsCalendarDate() date!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Text(L.nameLengthMax) venue?: string | null;
  @ApiProperty({ type: [AgendaItemDto], maxItems: G.agendaItemsMax })
  @IsArray()
  @ArrayMaxSize(G.agendaItemsMax)
  @ValidateNested({ each: true })
  @Type(() => AgendaItemDto)
  agenda!: AgendaItemDto[];
}

export class RecordMeetingCommand {
  constructor(
    readonly input: RecordMeeting,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RecordMeetingCommand)
export class RecordMeetingHandler implements ICommandHandler<RecordMeetingCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly facts: StreamFacts,
  ) {}

  execute({ input, context }: RecordMeetingCommand): Promise<WriteResult> {
    return this.writer.execute({
      stream: meetingStream(input.meetingId),
      evolve: evolveMeeting,
      gather: async () => ({ body: await this.facts.body(input.bodyId) }),
      decide: (state, facts) => recordMeeting(state, input, facts),
      effectiveOn: input.date,
      context,
    });
  }
}

@WriteRoutes('governance')
export class RecordMeetingRoute extends CommandQueryController {
  /** 201, `Location` the meeting. */
  @Post('meetings')
  @AllowRoles('governance-officer')
  @OperationId('GovernanceController', 'recordMeeting')
  recordMeeting(@Body() { reason, ...input }: RecordMeetingDto, @WriteContext() request: WriteRequest) {
    return this.write(
      new RecordMeetingCommand(
        plain({
          ...input,
          venue: input.venue ?? null,
          agenda: input.agenda.map((item) => ({ ...item, urgent: item.urgent ?? null })),
        }),
        request.because(reason),
      ),
      request,
      new GetMeetingQuery(input.meetingId),
      `/api/governance/meetings/${input.meetingId}`,
    );
  }
}

export const RECORD_MEETING = { controllers: [RecordMeetingRoute], providers: [RecordMeetingHandler] };
