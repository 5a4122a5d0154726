import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiProperty } from '@nestjs/swagger';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsString, ValidateNested } from 'class-validator';
import {
  Declarations,
  GOVERNANCE_LIMITS as G,
  declareInterests,
  evolveMeeting,
  meetingStream,
} from '@bcl/domain-governance';
import { AllowRoles } from '@bcl/application';
import { CommandContext, EventLogWriter, WriteResult } from '@bcl/application';
import { ReasonDto } from '../../http/common.dto';
import { IdParam } from '../../http/id-param';
import { IsId } from '../../http/validators';
import { GetMeetingQuery } from '@bcl/application';
import { LongText, Text } from '../governance-routes';
import {
  CommandQueryController,
  plain,
  WriteContext,
  WriteRequest,
  OperationId,
  WriteRoutes,
} from '../../http/write-route';

export class DeclarationDto {
  @ApiProperty() @IsId() personId!: string;
  @ApiProperty() @IsString() @Text(G.labelLengthMax) itemNo!: string;
  @ApiProperty() @IsString() @LongText(G.textLengthMax) interest!: string;
}

export class DeclareInterestsDto extends ReasonDto {
  @ApiProperty({ description: 'true records "there were no declarations of interest"' })
  @IsBoolean()
  noneDeclared!: boolean;

  @ApiProperty({ type: [DeclarationDto], maxItems: G.declarationsMax })
  @IsArray()
  @ArrayMaxSize(G.declarationsMax)
  @ValidateNested({ each: true })
  @Type(() => DeclarationDto)
  declarations!: DeclarationDto[];
}

export class DeclareInterestsCommand {
  constructor(
    readonly input: Declarations & { meetingId: string },
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(DeclareInterestsCommand)
export class DeclareInterestsHandler implements ICommandHandler<DeclareInterestsCommand, WriteResult> {
  constructor(private readonly writer: EventLogWriter) {}

  execute({ input, context }: DeclareInterestsCommand): Promise<WriteResult> {
    return this.writer.execute({
      stream: meetingStream(input.meetingId),
      evolve: evolveMeeting,
      decide: (state) => declareInterests(state, input),
      effectiveOn: (meeting) => meeting?.date,
      context,
    });
  }
}

@WriteRoutes('governance')
export class DeclareInterestsRoute extends CommandQueryController {
  @Post('meetings/:id/declarations')
  @HttpCode(200)
  @AllowRoles('governance-officer')
  @ApiHeader({ name: 'If-Match', required: false })
  @OperationId('GovernanceController', 'declareInterests')
  declareInterests(
    @Param() { id }: IdParam,
    @Body() { reason, ...input }: DeclareInterestsDto,
    @WriteContext() request: WriteRequest,
  ) {
    return this.write(
      new DeclareInterestsCommand(plain({ ...input, meetingId: id }), request.because(reason)),
      request,
      new GetMeetingQuery(id),
    );
  }
}

export const DECLARE_INTERESTS = {
  controllers: [DeclareInterestsRoute],
  providers: [DeclareInterestsHandler],
};
