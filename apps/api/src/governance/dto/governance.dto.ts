import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, Length } from 'class-validator';
import { INSTRUMENT_KINDS, InstrumentKind } from '@bcl/domain-governance';
import { IsCalendarDate, IsId } from '../../http/validators';

/**
 * What several governance routes share: field helpers, the instrument path parameters, and the read routes'
 * query strings. A DTO only one write route uses lives in that route's file under `use-cases/`.
 */
export const DATE = { example: '2017-06-14', description: 'YYYY-MM-DD' };
/** Pence, at most the largest integer a double holds exactly. */
export const PENCE_MAX = Number.MAX_SAFE_INTEGER;
export const Text = (max: number) => Length(1, max);
export const IdList = (max: number) => [IsArray(), ArrayMaxSize(max), IsId(true)];

export class InstrumentParams {
  @ApiProperty({ enum: INSTRUMENT_KINDS }) @IsIn(INSTRUMENT_KINDS) kind!: InstrumentKind;
  @ApiProperty() @IsId() id!: string;
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
