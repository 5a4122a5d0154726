import { ID_PATTERN } from '@bcl/kernel';
import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class IdParam {
  @ApiProperty({ pattern: ID_PATTERN.source })
  @Matches(ID_PATTERN, { message: 'must be lower-case letters, digits and hyphens, at most 64 characters' })
  id!: string;
}

export class MemberParams extends IdParam {
  @ApiProperty({ pattern: ID_PATTERN.source })
  @Matches(ID_PATTERN, { message: 'must be lower-case letters, digits and hyphens, at most 64 characters' })
  memberId!: string;
}
