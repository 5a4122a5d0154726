import { ID_PATTERN } from '@bcl/kernel';
import { ApiProperty } from '@nestjs/swagger';
import { IsId } from './validators';

export class IdParam {
  @ApiProperty({ pattern: ID_PATTERN.source })
  @IsId()
  id!: string;
}

export class MemberParams extends IdParam {
  @ApiProperty({ pattern: ID_PATTERN.source })
  @IsId()
  memberId!: string;
}
