import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  GOVERNANCE_LIMITS as G,
  INSTRUMENT_KINDS,
  InstrumentKind,
  RESOLUTION_OUTCOMES,
  ResolutionOutcome,
  meetingStream,
} from '@bcl/domain-governance';
import { AllowRoles } from '@bcl/application';
import { Response } from 'express';
import { PassResolutionCommand, PassResolutionHandler, ResolutionIncomplete } from '@bcl/application';
import { ReasonDto } from '../../http/common.dto';
import { IdParam } from '../../http/id-param';
import { IsId, applyAll, IsText } from '../../http/validators';
import { GetMeetingQuery } from '@bcl/application';
import { IdList, LongText, Text } from '../governance-routes';
import {
  CommandQueryController,
  plain,
  WriteContext,
  WriteRequest,
  OperationId,
  WriteRoutes,
} from '../../http/write-route';

export class ResolutionPartDto {
  @ApiPropertyOptional({ example: 'a', description: 'The part letter or number as minuted: (a), 2.2' })
  @IsOptional()
  @IsString()
  @Text(G.labelLengthMax)
  letter?: string | null;

  @ApiProperty({ description: 'Verbatim' }) @IsString() @LongText(G.textLengthMax) text!: string;
}

export class InstrumentDto {
  @ApiProperty({ enum: INSTRUMENT_KINDS }) @IsIn(INSTRUMENT_KINDS) kind!: InstrumentKind;
  @ApiProperty({ example: 'kent-2017-19' }) @IsId() id!: string;
  @ApiPropertyOptional({ description: 'The version concerned; omit for the instrument as a whole' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version?: number | null;
}

export class AuthorisesDto {
  @ApiProperty({ type: [String], maxItems: G.postsMax }) @applyAll(...IdList(G.postsMax)) posts!: string[];
  @ApiProperty({ enum: INSTRUMENT_KINDS }) @IsIn(INSTRUMENT_KINDS) instrumentKind!: InstrumentKind;
  @ApiPropertyOptional() @IsOptional() @IsId() instrumentId?: string | null;
}

export class PassResolutionDto extends ReasonDto {
  @ApiProperty({ example: 'kent-hwb-2016-01-27-195' }) @IsId() resolutionId!: string;
  @ApiPropertyOptional({ example: '195' }) @IsOptional() @IsString() @Text(G.labelLengthMax) minuteNo?:
    string | null;
  @ApiPropertyOptional({ example: '6' }) @IsOptional() @IsString() @Text(G.labelLengthMax) itemNo?:
    string | null;

  @ApiProperty({ type: [ResolutionPartDto], maxItems: G.partsMax })
  @IsArray()
  @ArrayMaxSize(G.partsMax)
  @ValidateNested({ each: true })
  @Type(() => ResolutionPartDto)
  parts!: ResolutionPartDto[];

  @ApiProperty({ enum: RESOLUTION_OUTCOMES }) @IsIn(RESOLUTION_OUTCOMES) outcome!: ResolutionOutcome;

  @ApiPropertyOptional({ type: [String], maxItems: G.referencesMax })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(G.referencesMax)
  @IsText(G.titleLengthMax, { each: true })
  reportsConsidered?: string[];

  @ApiPropertyOptional({ type: [InstrumentDto], maxItems: G.referencesMax })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(G.referencesMax)
  @ValidateNested({ each: true })
  @Type(() => InstrumentDto)
  concerns?: InstrumentDto[];

  @ApiPropertyOptional({ type: AuthorisesDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AuthorisesDto)
  authorises?: AuthorisesDto | null;

  @ApiPropertyOptional({ description: 'An earlier meeting of the same body whose minutes this approves' })
  @IsOptional()
  @IsId()
  approvesMinutesOf?: string | null;
}

/** The 202 body of a pass that stopped after the claim: what is recorded, what remains, and how to finish. */
export function incompleteAnswer(incomplete: ResolutionIncomplete, response: Response) {
  const { claim, meetingId, resolutionId } = incomplete;
  response.status(202);
  response.setHeader('Ledger-Write', 'incomplete');
  const state = incomplete.knownNotRecorded ? 'is not recorded' : 'is not known to be recorded';
  return {
    recorded: true,
    incomplete: true,
    stream: claim.stream,
    revision: claim.revision,
    position: claim.position === null ? null : claim.position.toString(),
    remaining: { stream: meetingStream(meetingId), event: 'ResolutionPassed' },
    detail: `resolution '${resolutionId}' is claimed for meeting '${meetingId}' (${claim.stream} revision ${claim.revision}), but the resolution ${state} at the meeting (${incomplete.why}); retry the request with the same Idempotency-Key to record it`,
  };
}

@WriteRoutes('governance')
export class PassResolutionRoute extends CommandQueryController {
  @Post('meetings/:id/resolutions')
  @HttpCode(200)
  @AllowRoles('governance-officer')
  @ApiHeader({ name: 'If-Match', required: false })
  @OperationId('GovernanceController', 'passResolution')
  async passResolution(
    @Param() { id }: IdParam,
    @Body() { reason, ...input }: PassResolutionDto,
    @WriteContext() request: WriteRequest,
  ) {
    try {
      return await this.write(
        new PassResolutionCommand(
          plain({
            ...input,
            meetingId: id,
            minuteNo: input.minuteNo ?? null,
            itemNo: input.itemNo ?? null,
            parts: input.parts.map((part) => ({ letter: part.letter ?? null, text: part.text })),
            reportsConsidered: input.reportsConsidered ?? [],
            concerns: (input.concerns ?? []).map((c) => ({ ...c, version: c.version ?? null })),
            authorises: input.authorises
              ? { ...input.authorises, instrumentId: input.authorises.instrumentId ?? null }
              : null,
            approvesMinutesOf: input.approvesMinutesOf ?? null,
          }),
          request.because(reason),
        ),
        request,
        new GetMeetingQuery(id),
      );
    } catch (error) {
      if (error instanceof ResolutionIncomplete) return incompleteAnswer(error, request.response);
      throw error;
    }
  }
}

export const PASS_RESOLUTION = { controllers: [PassResolutionRoute], providers: [PassResolutionHandler] };
