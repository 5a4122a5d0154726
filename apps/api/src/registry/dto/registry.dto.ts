import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ORGANISATION_KINDS, OrganisationKind } from '@bcl/domain-registry';
import { IsCalendarDate } from '../../http/validators';
import { ReasonDto, ViewpointPageQueryDto } from '../../http/common.dto';

/** The registry's request pieces used by more than one route; each use case's own DTO lives in its use-cases/ file. */

export const DATE = { example: '2022-07-01', description: 'YYYY-MM-DD' };

/** Ends an area membership or a post holding. */
export class EndDatedDto extends ReasonDto {
  @ApiProperty({ ...DATE, description: 'The first day no longer covered' })
  @IsCalendarDate()
  until!: string;
}

export class ListOrganisationsQueryDto extends ViewpointPageQueryDto {
  @ApiPropertyOptional({ enum: ORGANISATION_KINDS })
  @IsOptional()
  @IsIn(ORGANISATION_KINDS)
  kind?: OrganisationKind;
}
