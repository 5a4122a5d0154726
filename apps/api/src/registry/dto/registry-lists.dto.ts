import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { ID_PATTERN } from '@bcl/kernel';
import { IsId } from '../../http/validators';
import { ViewpointPageQueryDto } from '../../http/common.dto';

/** `GET /api/posts`: a page of posts, optionally of one body or one area, on the viewpoint's date. */
export class ListPostsQueryDto extends ViewpointPageQueryDto {
  @ApiPropertyOptional({
    pattern: ID_PATTERN.source,
    example: 'kent-hwb',
    description: 'Only the posts holding a seat on this governance body on the date (asAt, default today)',
  })
  @IsOptional()
  @IsId()
  bodyId?: string;

  @ApiPropertyOptional({
    pattern: ID_PATTERN.source,
    example: 'kent',
    description:
      'Only the posts of organisations that were members of this HWB area on the date (asAt, default today)',
  })
  @IsOptional()
  @IsId()
  areaId?: string;
}
