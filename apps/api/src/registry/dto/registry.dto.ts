import { ID_PATTERN } from '@bcl/kernel';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Length,
  ValidateNested,
  IsArray,
} from 'class-validator';
import {
  AREA_STRUCTURES,
  AreaStructure,
  CODE_SCHEMES,
  CodeScheme,
  MEMBER_ROLES,
  MemberRole,
  ORGANISATION_KINDS,
  OrganisationKind,
  REGISTRY_LIMITS as L,
} from '@bcl/domain-registry';
import { IsCalendarDate, IsId } from '../../http/validators';
import { PageQueryDto, ReasonDto } from '../../http/common.dto';

const DATE = { example: '2022-07-01', description: 'YYYY-MM-DD' };

export class OrganisationCodeDto {
  @ApiProperty({ enum: CODE_SCHEMES })
  @IsIn(CODE_SCHEMES)
  scheme!: CodeScheme;

  @ApiProperty({ maxLength: L.codeValueLengthMax, example: 'E10000016' })
  @IsString()
  @Length(1, L.codeValueLengthMax)
  value!: string;
}

export class RegisterOrganisationDto extends ReasonDto {
  @ApiProperty({ example: 'kent-county-council', pattern: ID_PATTERN.source })
  @IsId()
  organisationId!: string;

  @ApiProperty({ enum: ORGANISATION_KINDS })
  @IsIn(ORGANISATION_KINDS)
  kind!: OrganisationKind;

  @ApiProperty({ maxLength: L.nameLengthMax, example: 'Kent County Council' })
  @IsString()
  @Length(1, L.nameLengthMax)
  name!: string;

  @ApiProperty({ type: [OrganisationCodeDto], maxItems: L.codesPerOrganisationMax })
  @IsArray()
  @ArrayMaxSize(L.codesPerOrganisationMax)
  @ValidateNested({ each: true })
  @Type(() => OrganisationCodeDto)
  codes!: OrganisationCodeDto[];

  @ApiProperty(DATE)
  @IsCalendarDate()
  establishedOn!: string;

  @ApiPropertyOptional({ description: "A district council's county council" })
  @IsOptional()
  @IsId()
  parentOrganisationId?: string;
}

export class RenameOrganisationDto extends ReasonDto {
  @ApiProperty({ maxLength: L.nameLengthMax, example: 'Folkestone and Hythe District Council' })
  @IsString()
  @Length(1, L.nameLengthMax)
  name!: string;

  @ApiProperty(DATE)
  @IsCalendarDate()
  effectiveFrom!: string;
}

export class RecordSuccessionDto extends ReasonDto {
  @ApiProperty({ example: 'nhs-kent-and-medway-icb' })
  @IsId()
  successorId!: string;

  @ApiProperty(DATE)
  @IsCalendarDate()
  effectiveOn!: string;
}

export class DefineHwbAreaDto extends ReasonDto {
  @ApiProperty({ example: 'kent' })
  @IsId()
  areaId!: string;

  @ApiProperty({ example: 'Kent' })
  @IsString()
  @Length(1, L.nameLengthMax)
  name!: string;

  @ApiProperty({ enum: AREA_STRUCTURES })
  @IsIn(AREA_STRUCTURES)
  structure!: AreaStructure;

  @ApiProperty(DATE)
  @IsCalendarDate()
  establishedOn!: string;
}

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

export class EndDatedDto extends ReasonDto {
  @ApiProperty({ ...DATE, description: 'The first day no longer covered' })
  @IsCalendarDate()
  until!: string;
}

export class RegisterPersonDto extends ReasonDto {
  @ApiPropertyOptional({ description: 'Pseudonymous id; generated when absent' })
  @IsOptional()
  @IsId()
  personId?: string;

  @ApiProperty({
    description: 'Personal data: kept in the vault, never in events',
    example: 'Cllr Lesley Salter',
  })
  @IsString()
  @Length(1, L.nameLengthMax)
  displayName!: string;
}

export class CreatePostDto extends ReasonDto {
  @ApiProperty({ example: 'kent-hwb-chair' })
  @IsId()
  postId!: string;

  @ApiProperty({ example: 'Chair, Kent HWB' })
  @IsString()
  @Length(1, L.nameLengthMax)
  title!: string;

  @ApiProperty({ example: 'kent-county-council' })
  @IsId()
  organisationId!: string;

  @ApiProperty(DATE)
  @IsCalendarDate()
  createdOn!: string;
}

export class AppointPostHolderDto extends ReasonDto {
  @ApiProperty()
  @IsId()
  personId!: string;

  @ApiProperty(DATE)
  @IsCalendarDate()
  from!: string;

  @ApiPropertyOptional({ ...DATE, description: 'First day no longer held, if known now' })
  @IsOptional()
  @IsCalendarDate()
  until?: string;

  @ApiProperty({ description: 'An interim holder (e.g. Interim Accountable Officer)' })
  @IsBoolean()
  interim!: boolean;
}

export class ListOrganisationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ORGANISATION_KINDS })
  @IsOptional()
  @IsIn(ORGANISATION_KINDS)
  kind?: OrganisationKind;
}
