import { TEXT_LIMITS as L } from '@bcl/kernel';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  BODY_KINDS,
  BodyKind,
  CONSULTATION_RESPONSES,
  GOVERNANCE_LIMITS as G,
  INSTRUMENT_KINDS,
  InstrumentKind,
  PRESENT_CAPACITIES,
  RESOLUTION_OUTCOMES,
  ResolutionOutcome,
  SEAT_ROLES,
  SeatRole,
} from '@bcl/domain-governance';
import { IsCalendarDate, IsId, applyAll } from '../../http/validators';
import { ReasonDto } from '../../http/common.dto';

const DATE = { example: '2017-06-14', description: 'YYYY-MM-DD' };
/** Pence, at most the largest integer a double holds exactly. */
const PENCE_MAX = Number.MAX_SAFE_INTEGER;
const Text = (max: number) => Length(1, max);
const IdList = (max: number) => [IsArray(), ArrayMaxSize(max), IsId(true)];

export class EstablishBodyDto extends ReasonDto {
  @ApiProperty({ example: 'kent-hwb' }) @IsId() bodyId!: string;
  @ApiProperty({ example: 'Kent Health and Wellbeing Board' })
  @IsString()
  @Text(L.nameLengthMax)
  name!: string;
  @ApiProperty({ enum: BODY_KINDS }) @IsIn(BODY_KINDS) kind!: BodyKind;
  @ApiPropertyOptional({ example: 'kent' }) @IsOptional() @IsId() areaId?: string | null;
  @ApiProperty(DATE) @IsCalendarDate() establishedOn!: string;
}

export class AssignSeatDto extends ReasonDto {
  @ApiProperty({ example: 'kent-hwb-chair' }) @IsId() postId!: string;
  @ApiProperty({ enum: SEAT_ROLES }) @IsIn(SEAT_ROLES) role!: SeatRole;
  @ApiProperty(DATE) @IsCalendarDate() from!: string;
}

export class UrgentItemDto {
  @ApiProperty() @IsString() @Text(G.textLengthMax) reasonForLateness!: string;
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

export class DeclarationDto {
  @ApiProperty() @IsId() personId!: string;
  @ApiProperty() @IsString() @Text(G.labelLengthMax) itemNo!: string;
  @ApiProperty() @IsString() @Text(G.textLengthMax) interest!: string;
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

export class ResolutionPartDto {
  @ApiPropertyOptional({ example: 'a', description: 'The part letter or number as minuted: (a), 2.2' })
  @IsOptional()
  @IsString()
  @Text(G.labelLengthMax)
  letter?: string | null;

  @ApiProperty({ description: 'Verbatim' }) @IsString() @Text(G.textLengthMax) text!: string;
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
  @IsString({ each: true })
  @Length(1, G.titleLengthMax, { each: true })
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

export class DelegatesDto {
  @ApiProperty({ enum: ['one', 'all', 'any'] }) @IsIn(['one', 'all', 'any']) mode!: 'one' | 'all' | 'any';
  @ApiProperty({ type: [String], maxItems: G.postsMax }) @applyAll(...IdList(G.postsMax)) posts!: string[];
}

export class ScopeDto {
  @ApiProperty({ enum: INSTRUMENT_KINDS }) @IsIn(INSTRUMENT_KINDS) instrumentKind!: InstrumentKind;
  @ApiPropertyOptional({ description: 'One instrument; omit for every instrument of the kind' })
  @IsOptional()
  @IsId()
  instrumentId?: string | null;
  @ApiPropertyOptional({ description: 'Integer pence' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(PENCE_MAX)
  financialLimitPence?: number | null;
}

export class ReportBackTermsDto {
  @ApiProperty() @IsId() bodyId!: string;
  @ApiPropertyOptional({ ...DATE, description: 'Omit for "the next appropriate meeting"' })
  @IsOptional()
  @IsCalendarDate()
  by?: string | null;
}

export class GrantDelegationDto extends ReasonDto {
  @ApiProperty({ example: 'kent-hwb-2017-06-14-bcf-sign-off' }) @IsId() delegationId!: string;
  @ApiProperty({ example: 'kent-hwb' }) @IsId() grantingBodyId!: string;
  @ApiProperty() @IsId() resolutionId!: string;
  @ApiProperty() @IsString() @Text(G.textLengthMax) purpose!: string;
  @ApiProperty({ type: DelegatesDto })
  @IsObject()
  @ValidateNested()
  @Type(() => DelegatesDto)
  delegates!: DelegatesDto;
  @ApiProperty({
    type: [String],
    maxItems: G.postsMax,
    description: '"In conjunction with": consulted, not signing',
  })
  @applyAll(...IdList(G.postsMax))
  consultees!: string[];
  @ApiProperty({ type: ScopeDto }) @IsObject() @ValidateNested() @Type(() => ScopeDto) scope!: ScopeDto;
  @ApiProperty(DATE) @IsCalendarDate() validFrom!: string;
  @ApiPropertyOptional({ ...DATE, description: 'First day no longer in force' })
  @IsOptional()
  @IsCalendarDate()
  validUntil?: string | null;
  @ApiPropertyOptional({ description: 'The delegation this one is sub-delegated from' })
  @IsOptional()
  @IsId()
  parentDelegationId?: string | null;
  @ApiPropertyOptional({ type: ReportBackTermsDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ReportBackTermsDto)
  reportBack?: ReportBackTermsDto | null;
}

export class RevokeDelegationDto extends ReasonDto {
  @ApiProperty(DATE) @IsCalendarDate() on!: string;
  @ApiPropertyOptional({ description: 'The resolution that revoked it' })
  @IsOptional()
  @IsId()
  resolutionId?: string | null;
}

export class ReportBackDto extends ReasonDto {
  @ApiProperty() @IsId() meetingId!: string;
  @ApiPropertyOptional() @IsOptional() @IsId() resolutionId?: string | null;
}

export class RecordConsultationDto extends ReasonDto {
  @ApiProperty() @IsId() consultationId!: string;
  @ApiPropertyOptional({ description: 'The instrument version consulted on (BCF plans)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version?: number | null;
  @ApiProperty() @IsId() delegationId!: string;
  @ApiProperty({ description: 'The consultee post the caller holds' }) @IsId() postId!: string;
  @ApiProperty(DATE) @IsCalendarDate() on!: string;
  @ApiProperty({ enum: CONSULTATION_RESPONSES }) @IsIn(CONSULTATION_RESPONSES) response!:
    'concurred' | 'objected';
  @ApiPropertyOptional() @IsOptional() @IsString() @Text(G.textLengthMax) note?: string | null;
}

export class AuthorityDto {
  @ApiProperty({ enum: ['delegation', 'resolution'] }) @IsIn(['delegation', 'resolution']) kind!:
    'delegation' | 'resolution';
  @ApiProperty({ description: 'The delegation or resolution id' }) @IsId() id!: string;
}

export class RecordApprovalDto extends ReasonDto {
  @ApiProperty() @IsId() approvalId!: string;
  @ApiPropertyOptional({ description: 'The instrument version signed (required for BCF plans)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version?: number | null;
  @ApiProperty({ description: 'The post the caller acts in' }) @IsId() actingPostId!: string;
  @ApiProperty({ type: AuthorityDto })
  @IsObject()
  @ValidateNested()
  @Type(() => AuthorityDto)
  authority!: AuthorityDto;
  @ApiProperty(DATE) @IsCalendarDate() effectiveOn!: string;
  @ApiPropertyOptional({ description: 'Integer pence, where the authority has a financial limit' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(PENCE_MAX)
  amountPence?: number | null;
  @ApiPropertyOptional({ description: 'A "subject to" approval: its conditions' })
  @IsOptional()
  @IsString()
  @Text(G.textLengthMax)
  provisionalConditions?: string | null;
}

export class RatifyApprovalDto extends ReasonDto {
  @ApiProperty() @IsId() resolutionId!: string;
}

export class InstrumentParams {
  @ApiProperty({ enum: INSTRUMENT_KINDS }) @IsIn(INSTRUMENT_KINDS) kind!: InstrumentKind;
  @ApiProperty() @IsId() id!: string;
}

export class ApprovalParams extends InstrumentParams {
  @ApiProperty() @IsId() approvalId!: string;
}

export class OnDateQueryDto {
  @ApiPropertyOptional({ ...DATE, description: 'Defaults to today' })
  @IsOptional()
  @IsCalendarDate()
  on?: string;
}

export class DateRangeQueryDto {
  @ApiPropertyOptional(DATE) @IsOptional() @IsCalendarDate() from?: string;
  @ApiPropertyOptional(DATE) @IsOptional() @IsCalendarDate() to?: string;
}

export class ActionsQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsId() personId?: string;
  @ApiPropertyOptional() @IsOptional() @IsId() postId?: string;
}
