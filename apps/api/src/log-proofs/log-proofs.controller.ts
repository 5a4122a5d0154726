import {
  BadRequestException,
  ConflictException,
  Controller,
  Get,
  Inject,
  NotFoundException,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import {
  EventStore,
  LogTreeCache,
  MAX_TREE_LEAVES,
  consistencyProofToJson,
  inclusionProofToJson,
} from '@bcl/event-store';
import { AllowRoles, EVENT_STORE } from '@bcl/application';

export class InclusionProofQueryDto {
  @ApiProperty({ description: "The event's position in the log", example: '17' })
  @Matches(/^\d{1,40}$/, { message: 'position must be a whole number' })
  position!: string;

  @ApiProperty({ description: "The tree size: the digest's or checkpoint's treeSize", example: 40 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_TREE_LEAVES)
  treeSize!: number;
}

export class ConsistencyProofQueryDto {
  @ApiProperty({ description: "The earlier tree size (an earlier digest's treeSize)", example: 40 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_TREE_LEAVES)
  from!: number;

  @ApiProperty({ description: "The later tree size (a later digest's treeSize)", example: 50 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_TREE_LEAVES)
  to!: number;
}

/** A log that is shorter than asked, or has no such event: 404; one that does not verify: 409. */
function refused(error: Error): Error {
  if (/does not verify/.test(error.message)) return new ConflictException(error.message);
  return new NotFoundException(error.message);
}

/**
 * Merkle proofs over the log (docs/event-store.md, "The Merkle tree"), for auditors who hold a digest or signed
 * checkpoint: the answer carries the root the proof leads to, which the auditor compares with their own copy's.
 * The tree is kept in memory (`LogTreeCache`: about 100 bytes per event) and brought up to date before each proof
 * by reading only the events appended since, with the chain checked across them.
 */
@ApiTags('log')
@ApiBearerAuth()
@Controller('log/proofs')
export class LogProofsController {
  private readonly tree: LogTreeCache;

  constructor(@Inject(EVENT_STORE) events: EventStore) {
    this.tree = new LogTreeCache(events);
  }

  @Get('inclusion')
  @AllowRoles('auditor', 'admin')
  async inclusion(@Query() query: InclusionProofQueryDto) {
    const made = await this.tree.inclusion(BigInt(query.position), query.treeSize).catch((error: Error) => {
      throw refused(error);
    });
    return { ...inclusionProofToJson(made.proof), root: made.root, event: made.event };
  }

  @Get('consistency')
  @AllowRoles('auditor', 'admin')
  async consistency(@Query() query: ConsistencyProofQueryDto) {
    if (query.from > query.to) throw new BadRequestException('from must not be larger than to');
    const made = await this.tree.consistency(query.from, query.to).catch((error: Error) => {
      throw refused(error);
    });
    return { ...consistencyProofToJson(made.proof), fromRoot: made.fromRoot, toRoot: made.toRoot };
  }
}
