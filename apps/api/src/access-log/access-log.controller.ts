import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, MaxLength, Min } from 'class-validator';
import { ServiceStore } from '@bcl/service-store';
import { AllowRoles, invalidRequest, normaliseKnownAt } from '@bcl/application';
import { SERVICE_STORE } from '@bcl/application';
import { PageLimitDto } from '../http/common.dto';
import { IsInstant } from '../http/validators';

export class AccessLogQueryDto extends PageLimitDto {
  @ApiPropertyOptional({ description: 'Token subject' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  subject?: string;

  @ApiPropertyOptional({ description: 'Resource path prefix, e.g. /api/people/' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  resource?: string;

  @ApiPropertyOptional({
    description: 'ISO 8601 instant with a time zone, inclusive',
    example: '2026-11-30T00:00:00Z',
  })
  @IsOptional()
  @MaxLength(40)
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({
    description: 'ISO 8601 instant with a time zone, inclusive',
    example: '2026-11-30T00:00:00Z',
  })
  @IsOptional()
  @MaxLength(40)
  @IsInstant()
  to?: string;

  @ApiPropertyOptional({ description: 'Id of the last entry of the previous page' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  after?: number;
}

/** Who read what, and when. Auditors (and admins) may query it; reading it is itself logged. */
@ApiTags('access log')
@ApiBearerAuth()
@Controller('access-log')
export class AccessLogController {
  constructor(@Inject(SERVICE_STORE) private readonly service: ServiceStore) {}

  @Get()
  @AllowRoles('auditor', 'admin')
  async query(@Query() query: AccessLogQueryDto) {
    const limit = query.limit ?? 50;
    // as the log stores `at` (UTC, milliseconds), so the store's comparison of the text is of instants
    const [from, to] = [normaliseKnownAt(query.from), normaliseKnownAt(query.to)];
    if (from !== undefined && to !== undefined && from > to)
      throw invalidRequest([{ field: 'to', reason: `must not be before from (${query.from})` }]);
    const items = await this.service.queryAccess({
      subject: query.subject,
      resourcePrefix: query.resource,
      from,
      to,
      afterId: query.after,
      limit,
    });
    return { items, next: items.length === limit ? items[items.length - 1]!.id : null };
  }
}
