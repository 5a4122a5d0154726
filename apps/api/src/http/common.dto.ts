import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Exclude, Type } from 'class-transformer';
import { IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { EVIDENCE_LIMITS, TEXT_LIMITS as L } from '@bcl/kernel';
import { IsCalendarDate, IsId, IsInstant, IsText } from './validators';

/** The request shapes every context shares: a reason on every write, the two time axes, and paging. */

const DATE = { example: '2022-07-01', description: 'YYYY-MM-DD' };

/** What a write rests on (kernel `Evidence`): for the OpenAPI document; `evidenceOfRequest` validates it. */
export class EvidenceDto {
  @ApiProperty({
    type: [String],
    maxItems: EVIDENCE_LIMITS.citationsMax,
    example: ['000:440-442'],
    description: `Document and place, 1 to ${EVIDENCE_LIMITS.citationLengthMax} characters each; empty only where the fact is assumed`,
  })
  citations!: string[];
  @ApiProperty({
    type: String,
    nullable: true,
    maxLength: EVIDENCE_LIMITS.assumedLengthMax,
    description: 'Why the fact stands without a source; null when cited',
  })
  assumed!: string | null;
}

/** Every write says why, and may say what it rests on. */
export class ReasonDto {
  @ApiProperty({ maxLength: L.reasonLengthMax, example: 'Fixture from the Kent BCF plan 2017-19' })
  @IsText(L.reasonLengthMax)
  reason!: string;
  /**
   * Read from the request body by the write context (`commandContext`), never part of the command's input:
   * excluded here (always undefined on the DTO) so that routes spreading their DTO into the input never carry it.
   */
  @ApiPropertyOptional({
    type: EvidenceDto,
    description: 'What the change rests on; omitted: recorded as assumed, saying no source was cited',
  })
  @IsOptional()
  @Exclude()
  evidence?: EvidenceDto;
}

export class KnownAtQueryDto {
  @ApiPropertyOptional({
    description: 'ISO 8601 instant: only facts recorded by then',
    example: '2026-01-01T00:00:00Z',
  })
  @IsOptional()
  @MaxLength(40)
  @IsInstant()
  knownAt?: string;
}

export class AsAtQueryDto extends KnownAtQueryDto {
  @ApiPropertyOptional({ ...DATE, description: 'Business date; defaults to today' })
  @IsOptional()
  @IsCalendarDate()
  asAt?: string;
}

export const PAGE_SIZE_MAX = 200;

export class PageLimitDto {
  @ApiPropertyOptional({ minimum: 1, maximum: PAGE_SIZE_MAX, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_SIZE_MAX)
  limit?: number;
}

export class PageQueryDto extends PageLimitDto {
  @ApiPropertyOptional({ description: 'Id of the last item of the previous page' })
  @IsOptional()
  @IsId()
  after?: string;
}

/** A page of a list, from a viewpoint (asAt, knownAt: docs/time-travel.md). */
export class ViewpointPageQueryDto extends IntersectionType(AsAtQueryDto, PageQueryDto) {}
