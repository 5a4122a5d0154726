import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidationOptions,
  registerDecorator,
} from 'class-validator';
import { ID_PATTERN, QUARTERS, TEXT_LIMITS } from '@bcl/kernel';
import { FieldValue } from '@bcl/domain-returns';
import { AsAtQueryDto, ReasonDto } from '../../http/common.dto';
import { IsCalendarDate, IsFinancialYear, IsId, IsText } from '../../http/validators';

/** How many cells one request may fill, and how long a text cell may be (the template may say less). */
export const RETURN_LIMITS = { cellsPerRequestMax: 2000, fieldIdLengthMax: 120, cellTextLengthMax: 32000 };
const FIELD_ID = /^[A-Za-z0-9]+(\.[A-Za-z0-9]+)*$/;

const cellValue = (value: unknown): value is FieldValue =>
  value === null ||
  (typeof value === 'number' && Number.isSafeInteger(value)) ||
  (typeof value === 'string' && value.length <= RETURN_LIMITS.cellTextLengthMax);

/** A map of field id to cell value: text, a whole number (pence, counts) or null; at most the request limit. */
function IsCellValues(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isCellValues',
      target: target.constructor,
      propertyName,
      options: {
        message: `must map field ids to text, whole numbers or null (at most ${RETURN_LIMITS.cellsPerRequestMax} cells)`,
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.keys(value).length > 0 &&
          Object.keys(value).length <= RETURN_LIMITS.cellsPerRequestMax &&
          Object.entries(value).every(
            ([field, cell]) =>
              field.length <= RETURN_LIMITS.fieldIdLengthMax && FIELD_ID.test(field) && cellValue(cell),
          ),
      },
    });
}

/** The date a change takes effect (default: today in England). */
class EffectiveOnDto extends ReasonDto {
  @ApiPropertyOptional({ example: '2016-07-15', description: 'YYYY-MM-DD; default today' })
  @IsOptional()
  @IsCalendarDate()
  effectiveOn?: string;
}

export class IssueReturnDto extends EffectiveOnDto {
  @ApiProperty({ example: 'southend-on-sea' }) @IsId() areaId!: string;
  @ApiProperty({ example: '2016-17' }) @IsFinancialYear() financialYear!: string;
  @ApiProperty({ enum: QUARTERS }) @IsIn(QUARTERS) quarter!: 1 | 2 | 3 | 4;
}

export class FillReturnDto extends EffectiveOnDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'integer' }], nullable: true },
    example: { 'cover.completedBy': 'Jane Smith', 'ie.income.actual.q1': 328276300 },
    description: 'Field id to value (integer pence for money; decimals as strings; null clears)',
  })
  @IsObject()
  @IsCellValues()
  values!: Record<string, FieldValue>;
}

export class AmendPriorQuarterDto extends EffectiveOnDto {
  @ApiProperty({ example: 'ie.income.actual.q1' })
  @MaxLength(RETURN_LIMITS.fieldIdLengthMax)
  @Matches(FIELD_ID, { message: 'must be a field id such as ie.income.actual.q1' })
  field!: string;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'The figure in integer pence: a carried figure is an I&E amount (Q11, Q12)',
  })
  @IsInt({ message: 'must be a whole number of pence' })
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  value!: number;
}

export class ValidateReturnDto extends EffectiveOnDto {}

export class SubmitReturnDto extends ReasonDto {
  @ApiProperty({ example: '2017-03-03T10:00:00Z', description: 'ISO 8601 instant the return was sent' })
  @MaxLength(40)
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/, {
    message: 'must be an ISO 8601 date-time with a time zone, such as 2017-03-03T10:00:00Z',
  })
  submittedAt!: string;
  @ApiProperty({ example: 'email to england.bettercaresupport@nhs.net' })
  @IsText(TEXT_LIMITS.nameLengthMax)
  channel!: string;
  @ApiProperty({ example: 'Southend-on-Sea HWB' }) @IsText(TEXT_LIMITS.nameLengthMax) fileName!: string;
  @ApiPropertyOptional({
    description: 'The approval that signed the current version off (default: the latest)',
  })
  @IsOptional()
  @IsId()
  approvalId?: string;
}

export class ReturnParams {
  @ApiProperty({ pattern: ID_PATTERN.source, example: 'southend-on-sea-2016-17-q1' })
  @IsId()
  returnId!: string;
}

export const RETURN_BASES = ['as-submitted', 'as-restated'] as const;
export class ReturnQueryDto extends AsAtQueryDto {
  @ApiPropertyOptional({ enum: RETURN_BASES, default: 'as-submitted' })
  @IsOptional()
  @IsIn(RETURN_BASES)
  basis?: (typeof RETURN_BASES)[number];
}

export class ReturnExportQueryDto extends ReturnQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'xlsx'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'xlsx'])
  format?: 'json' | 'xlsx';
}

export class AreaReturnsQueryDto extends AsAtQueryDto {
  @ApiPropertyOptional({ example: '2016-17' }) @IsOptional() @IsFinancialYear() year?: string;
}
