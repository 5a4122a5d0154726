import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
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
  PassResolution,
  RESOLUTION_OUTCOMES,
  ResolutionOutcome,
  claimResolutionId,
  evolveMeeting,
  evolveResolutionIndex,
  meetingStream,
  passResolution,
  resolutionStream,
} from '@bcl/domain-governance';
import { recordedIn } from '@bcl/domain-registry/facts';
import { AllowRoles } from '@bcl/application';
import { Response } from 'express';
import { StorageFullError } from '@bcl/event-store';
import { DomainError } from '@bcl/kernel';
import { CommandContext, EventLogWriter, RecordedButNotReadable, WriteResult } from '@bcl/application';
import { Problem } from '@bcl/application';
import { StreamFacts } from '@bcl/application';
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

export class PassResolutionCommand {
  constructor(
    readonly input: PassResolution,
    readonly context: CommandContext,
  ) {}
}

/**
 * Two appends: the resolution's own stream is claimed for the meeting (so the id is unique and its meeting
 * can be found from the log), then the meeting records the resolution. The pass is decided first, so a refused
 * resolution claims nothing; a retry after the claim alone finds the claim its own and completes.
 */
@CommandHandler(PassResolutionCommand)
export class PassResolutionHandler implements ICommandHandler<PassResolutionCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly facts: StreamFacts,
  ) {}

  async execute({ input, context }: PassResolutionCommand): Promise<WriteResult> {
    const { resolutionId, meetingId } = input;
    const pass = {
      stream: meetingStream(meetingId),
      evolve: evolveMeeting,
      gather: async () => ({
        index: await this.facts.resolutionIndex(resolutionId),
        earlier: input.approvesMinutesOf ? await this.facts.meeting(input.approvesMinutesOf) : undefined,
        posts: await this.facts.recorded(input.authorises?.posts ?? [], this.facts.post),
      }),
      decide: (state: Parameters<typeof passResolution>[0], { index, earlier, posts }: Gathered) =>
        passResolution(state, input, {
          resolutionExists: () =>
            (index !== undefined && index.meetingId !== meetingId) ||
            (state?.resolutions.some((r) => r.resolutionId === resolutionId) ?? false),
          meeting: () => earlier,
          postExists: recordedIn(posts),
        }),
      effectiveOn: (meeting: { date: string } | undefined) => meeting?.date,
      context,
    };
    // Refusals first, recording nothing; then the claim (which makes the id unique across meetings), then the
    // resolution. A retry with the same Idempotency-Key finds its own claim and completes. Resolutions from a
    // log written before claims existed are claimed by `bcl migrate claim-resolutions`.
    await this.writer.check(pass);
    const claim = await this.writer.execute({
      stream: resolutionStream(resolutionId),
      evolve: evolveResolutionIndex,
      decide: (state) => claimResolutionId(state, { resolutionId, meetingId }),
      context: { ...context, ifMatch: undefined },
      awaitViews: false,
    });
    try {
      return await this.writer.execute(pass);
    } catch (error) {
      // The claim is in the log (appended now, or by an earlier attempt with this key), so "nothing was
      // recorded" would be false: unless the meeting holds the resolution after all (or it was recorded and
      // only its read model is behind), the answer says the write stopped half way.
      if (claim.position === null || error instanceof RecordedButNotReadable) throw error;
      const recorded = await this.facts.meeting(meetingId).then(
        (meeting) => meeting?.resolutions.some((r) => r.resolutionId === resolutionId) ?? false,
        () => undefined,
      );
      if (recorded === true) throw error;
      throw new ResolutionIncomplete(claim, meetingId, resolutionId, recorded === false, error);
    }
  }
}

/**
 * The resolution's id was claimed for the meeting (the claim is recorded), but the meeting's append failed:
 * the route answers 202 with `incomplete: true`, never a problem that would say nothing was recorded.
 */
export class ResolutionIncomplete extends Error {
  constructor(
    readonly claim: WriteResult,
    readonly meetingId: string,
    readonly resolutionId: string,
    /** False when the meeting could not be read after the failure: whether it holds the resolution is unknown. */
    readonly knownNotRecorded: boolean,
    readonly failure: unknown,
  ) {
    super(`resolution '${resolutionId}' is claimed for meeting '${meetingId}', but not recorded there`);
  }

  /** Why the meeting's append failed, in words safe to show a client (no store locations). */
  get why(): string {
    const failure = this.failure;
    if (failure instanceof StorageFullError) return "the ledger's storage is full";
    if (failure instanceof Problem) return failure.detail;
    if (failure instanceof DomainError) return failure.message;
    return "the meeting's append failed unexpectedly";
  }
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

interface Gathered {
  index: Awaited<ReturnType<StreamFacts['resolutionIndex']>>;
  earlier: Awaited<ReturnType<StreamFacts['meeting']>>;
  posts: Set<string>;
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
