import { ID_PATTERN } from '@bcl/kernel';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { AsAtQueryDto, PageLimitDto } from '../../http/common.dto';

/** The planning-template workbook's media type: what `POST /plans/import` takes and `GET /plans/:id/export` gives. */
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Plans by area and cycle, as seen from a viewpoint (asAt, knownAt: docs/time-travel.md). */
export class ListPlansQueryDto extends IntersectionType(AsAtQueryDto, PageLimitDto) {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'must be an area id' })
  areaId?: string;

  @ApiPropertyOptional({ example: '2017-19' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}$/, { message: 'must be a cycle such as 2017-19' })
  cycle?: string;
}

/** The highest version number a query may name. */
const PLAN_VERSION_MAX = 10_000;

export class PlanVersionQueryDto {
  @ApiPropertyOptional({ description: 'A version number; the current one by default' })
  @IsOptional()
  @Type(() => Number)
  @Max(PLAN_VERSION_MAX)
  @Min(1)
  @IsInt()
  version?: number;
}

/** A plan as at an effective date (`asAt`) and as known at an instant (`knownAt`), at a version. */
export class PlanQueryDto extends IntersectionType(PlanVersionQueryDto, AsAtQueryDto) {}

/*
 * class-validator checks a property's decorators from the one nearest the property outwards, and the pipe reports
 * only the first failure: so presence, then integer, then range, or a missing `to` is told it is too large.
 */
export class PlanDiffQueryDto extends AsAtQueryDto {
  @ApiProperty({ description: 'The earlier version number' })
  @Type(() => Number)
  @Max(PLAN_VERSION_MAX)
  @Min(1)
  @IsInt()
  @IsDefined({ message: 'is required' })
  from!: number;

  @ApiProperty({ description: 'The later version number' })
  @Type(() => Number)
  @Max(PLAN_VERSION_MAX)
  @Min(1)
  @IsInt()
  @IsDefined({ message: 'is required' })
  to!: number;
}

/** A plan's versions, as seen from a viewpoint; unknown or bad parameters are a 400. */
export class PlanVersionsQueryDto extends AsAtQueryDto {}

export class PlanExportQueryDto extends PlanQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'xlsx'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'xlsx'])
  format?: 'json' | 'xlsx';
}
